/**
 * A minimal sfnt (name, cmap format 4, OS/2) for font-resolution tests: enough for the parser,
 * not a drawable font. Names are Windows-platform records: [nameId, languageId, value].
 */
export function buildTestFont(options: { names: Array<[number, number, string]>; codePoints: number[]; weight?: number }): Uint8Array {
  const tables: Array<[string, Uint8Array]> = [
    ["OS/2", os2Table(options.weight ?? 400)],
    ["cmap", cmapTable(options.codePoints)],
    ["name", nameTable(options.names)],
  ];
  const headerSize = 12 + tables.length * 16;
  const total = headerSize + tables.reduce((sum, [, data]) => sum + align4(data.length), 0);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tables.length);
  let offset = headerSize;
  tables.forEach(([tag, data], index) => {
    const record = 12 + index * 16;
    for (let char = 0; char < 4; char += 1) view.setUint8(record + char, tag.charCodeAt(char));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    bytes.set(data, offset);
    offset += align4(data.length);
  });
  return bytes;
}

const align4 = (length: number) => (length + 3) & ~3;

function os2Table(weight: number): Uint8Array {
  const data = new Uint8Array(78);
  new DataView(data.buffer).setUint16(4, weight);
  return data;
}

function nameTable(names: Array<[number, number, string]>): Uint8Array {
  const strings = names.map(([, , value]) => {
    const encoded = new Uint8Array(value.length * 2);
    for (let index = 0; index < value.length; index += 1) new DataView(encoded.buffer).setUint16(index * 2, value.charCodeAt(index));
    return encoded;
  });
  const storageOffset = 6 + names.length * 12;
  const data = new Uint8Array(storageOffset + strings.reduce((sum, text) => sum + text.length, 0));
  const view = new DataView(data.buffer);
  view.setUint16(2, names.length);
  view.setUint16(4, storageOffset);
  let stringOffset = 0;
  names.forEach(([nameId, languageId], index) => {
    const record = 6 + index * 12;
    view.setUint16(record, 3);
    view.setUint16(record + 2, 1);
    view.setUint16(record + 4, languageId);
    view.setUint16(record + 6, nameId);
    view.setUint16(record + 8, strings[index]!.length);
    view.setUint16(record + 10, stringOffset);
    data.set(strings[index]!, storageOffset + stringOffset);
    stringOffset += strings[index]!.length;
  });
  return data;
}

/** One segment per code point (glyph ids 1, 2, …) plus the closing 0xFFFF segment. */
function cmapTable(codePoints: number[]): Uint8Array {
  const sorted = [...new Set(codePoints)].filter((code) => code < 0xffff).sort((a, b) => a - b);
  const segments = [...sorted.map((code, index) => ({ start: code, end: code, delta: (index + 1 - code) & 0xffff })), { start: 0xffff, end: 0xffff, delta: 1 }];
  const segmentCount = segments.length;
  const subtableLength = 16 + segmentCount * 8;
  const data = new Uint8Array(12 + subtableLength);
  const view = new DataView(data.buffer);
  view.setUint16(2, 1);
  view.setUint16(4, 3);
  view.setUint16(6, 1);
  view.setUint32(8, 12);
  const base = 12;
  view.setUint16(base, 4);
  view.setUint16(base + 2, subtableLength);
  view.setUint16(base + 6, segmentCount * 2);
  segments.forEach((segment, index) => {
    view.setUint16(base + 14 + index * 2, segment.end);
    view.setUint16(base + 16 + segmentCount * 2 + index * 2, segment.start);
    view.setUint16(base + 16 + segmentCount * 4 + index * 2, segment.delta);
  });
  return data;
}
