/** Sorted, non-overlapping inclusive ranges [start, end, start, end, …] of code points a face maps to a glyph. */
export type CodePointRanges = Uint32Array;

function pushRange(ranges: number[], start: number, end: number): void {
  const lastEnd = ranges[ranges.length - 1];
  if (lastEnd !== undefined && start <= lastEnd + 1) ranges[ranges.length - 1] = Math.max(lastEnd, end);
  else ranges.push(start, end);
}

/** Format 12 (full Unicode): groups of consecutive code points. */
function readFormat12(view: DataView, offset: number): number[] {
  const count = view.getUint32(offset + 12);
  const ranges: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const group = offset + 16 + index * 12;
    pushRange(ranges, view.getUint32(group), view.getUint32(group + 4));
  }
  return ranges;
}

/** Format 4 (BMP): segments whose glyph may still resolve to 0 through idRangeOffset. */
function readFormat4(view: DataView, offset: number): number[] {
  const segmentCount = view.getUint16(offset + 6) / 2;
  const endCodes = offset + 14;
  const startCodes = endCodes + segmentCount * 2 + 2;
  const deltas = startCodes + segmentCount * 2;
  const rangeOffsets = deltas + segmentCount * 2;
  const ranges: number[] = [];
  for (let segment = 0; segment < segmentCount; segment += 1) {
    const start = view.getUint16(startCodes + segment * 2);
    const end = view.getUint16(endCodes + segment * 2);
    const delta = view.getInt16(deltas + segment * 2);
    const rangeOffsetAt = rangeOffsets + segment * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let code = start; code <= end && code !== 0xffff; code += 1) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const glyphAt = rangeOffsetAt + rangeOffset + (code - start) * 2;
        const raw = glyphAt + 1 < view.byteLength ? view.getUint16(glyphAt) : 0;
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) pushRange(ranges, code, code);
    }
  }
  return ranges;
}

/** Reads the best Unicode subtable of a `cmap` table: format 12 when present, else format 4. */
export function parseCmapCoverage(view: DataView, tableOffset: number): CodePointRanges {
  const count = view.getUint16(tableOffset + 2);
  let format4: number | undefined;
  for (let index = 0; index < count; index += 1) {
    const record = tableOffset + 4 + index * 8;
    const platformId = view.getUint16(record);
    const encodingId = view.getUint16(record + 2);
    const subtable = tableOffset + view.getUint32(record + 4);
    const isUnicode = platformId === 0 || (platformId === 3 && (encodingId === 1 || encodingId === 10));
    if (!isUnicode) continue;
    const format = view.getUint16(subtable);
    if (format === 12) return Uint32Array.from(readFormat12(view, subtable));
    if (format === 4) format4 ??= subtable;
  }
  return Uint32Array.from(format4 === undefined ? [] : readFormat4(view, format4));
}

export function coversCodePoint(ranges: CodePointRanges, codePoint: number): boolean {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (codePoint < ranges[middle * 2]!) high = middle - 1;
    else if (codePoint > ranges[middle * 2 + 1]!) low = middle + 1;
    else return true;
  }
  return false;
}
