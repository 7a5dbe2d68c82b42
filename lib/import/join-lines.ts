import { matchHeading } from "./headings";
import type { ImportContext, SourceBlock } from "./types";

const SENTENCE_END = /[。！？；：…”’」』）)】!?;:]$/;
const HEADING_START =
  /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[部章节])/;
/** A line that continues the one before it whatever its length: it opens with punctuation that cannot start a line. */
const CONTINUATION_START = /^[，。、；：！？）》”’,.;:!?)]/;
const DATE_LINE = /^[〇○零一二三四五六七八九\d]{4}\s*年\s*[一二三四五六七八九十\d]{1,3}\s*月\s*[一二三四五六七八九十\d]{1,3}\s*日$/;
/** Running text, not a title or a heading: it has clause punctuation or is long. */
const RUNNING_TEXT = /[，,、；;]/;
const RUNNING_LENGTH = 25;
const UNPUNCTUATED_LENGTH = 40;
const TITLE_LIKE = /(报告|总结|情况|汇报|计划|要点|通知)$/;

/**
 * Layout, not repair: joins the lines of a hard-wrapped copy (a PDF text layer, a fixed-width .txt). Only a
 * document whose lines mostly share one width is hard-wrapped; there a full-width line without closing
 * punctuation continues. Linear in the number of lines.
 */
export function joinWrappedLines(blocks: SourceBlock[], context: ImportContext): SourceBlock[] {
  const width = wrapWidth(blocks);
  if (!width) return blocks;
  let lastLineLength = 0;
  const { blocks: out, joined } = joinWhere(
    blocks,
    (last, next) => {
      const isJoined =
        !last.table &&
        !next.table &&
        !last.styleLevel &&
        !next.styleLevel &&
        !HEADING_START.test(next.text) &&
        lastLineLength >= width * 0.85 &&
        !SENTENCE_END.test(last.text);
      lastLineLength = [...next.text].length;
      return isJoined;
    },
    (first) => void (lastLineLength = [...first.text].length),
  );
  if (joined > 0) context.log.push({ kind: "converted", message: `按原文的固定行宽，已将断在句中的 ${joined} 处换行合并为完整段落。` });
  return out;
}

/**
 * Repair of a web copy: a line that stops without closing punctuation and is continued by a line that is
 * not a numbered heading is one paragraph the capture broke ("…坚持以习近平法治思想为指" + "导，…").
 * Headings, titles, dates and lines separated by a blank line are never joined. Linear in the text size.
 */
export function joinCaptureBreaks(blocks: SourceBlock[]): { blocks: SourceBlock[]; joined: number } {
  return joinWhere(blocks, (last, next) => isCaptureBreak(last.text, next.text) && !last.table && !next.table && !last.styleLevel && !next.styleLevel);
}

export function isCaptureBreak(last: string, next: string): boolean {
  if (!last || !next || SENTENCE_END.test(last)) return false;
  if (isHeadingLine(next) || DATE_LINE.test(next) || DATE_LINE.test(last)) return false;
  // A numbered line is a heading unless it runs on into sentences ("（一）加强监督。全年检查86次，发现").
  if (isHeadingLine(last) && !/[，。；]/.test(last)) return false;
  if (CONTINUATION_START.test(next)) return true;
  if (RUNNING_TEXT.test(last)) return true;
  // A long line without any punctuation may still be a title ("某某局2024年法治政府建设年度报告").
  const length = [...last].length;
  return length >= RUNNING_LENGTH && !TITLE_LIKE.test(last) && (length >= UNPUNCTUATED_LENGTH || /[。“”（）]/.test(last));
}

function isHeadingLine(text: string): boolean {
  return HEADING_START.test(text) || !!matchHeading(text);
}

/**
 * Walks the blocks once, joining `next` onto the paragraph being built when `shouldJoin` says so. Pieces are
 * collected in arrays and concatenated once per paragraph, so a 20 MB text stays linear. Blank lines
 * separate paragraphs and are kept (one per run) for the next stage.
 */
function joinWhere(
  blocks: SourceBlock[],
  shouldJoin: (last: SourceBlock, next: SourceBlock) => boolean,
  onStart: (first: SourceBlock) => void = () => undefined,
): { blocks: SourceBlock[]; joined: number } {
  const out: SourceBlock[] = [];
  let pieces: string[] = [];
  let current: SourceBlock | undefined;
  let previous: SourceBlock | undefined;
  let previousWasBlank = true;
  let joined = 0;
  const close = () => {
    if (current) out.push(pieces.length > 1 ? { ...current, text: pieces.join("") } : current);
    current = undefined;
    pieces = [];
  };
  for (const block of blocks) {
    if (!block.table && block.text === "") {
      if (!previousWasBlank) {
        close();
        out.push(block);
      }
      previousWasBlank = true;
      continue;
    }
    if (current && previous && !previousWasBlank && shouldJoin(previous, block)) {
      pieces.push(block.text);
      joined += 1;
    } else {
      close();
      current = block;
      pieces = [block.text];
      onStart(block);
    }
    previous = block;
    previousWasBlank = false;
  }
  close();
  return { blocks: out, joined };
}

/** The common line width when at least 40% of lines share it (±2 characters); undefined otherwise. */
function wrapWidth(blocks: SourceBlock[]): number | undefined {
  const histogram = new Map<number, number>();
  let lines = 0;
  for (const block of blocks) {
    if (block.table || block.text.length < 10) continue;
    const length = [...block.text].length;
    histogram.set(length, (histogram.get(length) ?? 0) + 1);
    lines += 1;
  }
  if (lines < 5) return undefined;
  let best = 0;
  let bestCount = 0;
  for (const length of histogram.keys()) {
    let count = 0;
    for (let delta = -2; delta <= 2; delta += 1) count += histogram.get(length + delta) ?? 0;
    if (count > bestCount || (count === bestCount && length > best)) [best, bestCount] = [length, count];
  }
  return bestCount >= lines * 0.4 && bestCount >= 3 ? best : undefined;
}
