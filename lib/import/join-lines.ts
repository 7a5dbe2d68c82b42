import type { ImportContext, SourceBlock } from "./types";

const SENTENCE_END = /[。！？；：…”’」』）)】!?;:]$/;
const HEADING_START = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[部章节])/;

/**
 * Joins lines that a PDF or a hard-wrapped copy broke mid-sentence. Only a document whose lines
 * mostly share one width is hard-wrapped; there a full-width line without closing punctuation continues.
 */
export function joinBrokenLines(blocks: SourceBlock[], context: ImportContext): SourceBlock[] {
  const width = wrapWidth(blocks);
  const out: SourceBlock[] = [];
  let joined = 0;
  let previousWasBlank = true;
  let lastLineLength = 0;
  for (const block of blocks) {
    if (!block.table && block.text === "") {
      previousWasBlank = true;
      continue;
    }
    const last = out[out.length - 1];
    if (width && last && !previousWasBlank && continues(last, lastLineLength, block, width)) {
      last.text += block.text;
      joined += 1;
    } else out.push({ ...block });
    lastLineLength = [...block.text].length;
    previousWasBlank = false;
  }
  if (joined > 0) context.log.push({ kind: "converted", message: `已将断在句中的 ${joined} 处换行合并为完整段落。` });
  return out;
}

function continues(last: SourceBlock, lastLineLength: number, next: SourceBlock, width: number): boolean {
  if (last.table || next.table || last.styleLevel || next.styleLevel) return false;
  if (HEADING_START.test(next.text)) return false;
  return lastLineLength >= width * 0.85 && !SENTENCE_END.test(last.text);
}

/** The common line width when at least 40% of lines share it (±2 characters); undefined otherwise. */
function wrapWidth(blocks: SourceBlock[]): number | undefined {
  const lengths = blocks.filter((block) => !block.table && block.text.length >= 10).map((block) => [...block.text].length);
  if (lengths.length < 5) return undefined;
  const histogram = new Map<number, number>();
  for (const length of lengths) histogram.set(length, (histogram.get(length) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const length of histogram.keys()) {
    let count = 0;
    for (let delta = -2; delta <= 2; delta += 1) count += histogram.get(length + delta) ?? 0;
    if (count > bestCount || (count === bestCount && length > best)) [best, bestCount] = [length, count];
  }
  return bestCount >= lengths.length * 0.4 && bestCount >= 3 ? best : undefined;
}
