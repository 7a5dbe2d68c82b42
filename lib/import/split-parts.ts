import { isKindHeading } from "./classify-kind";
import { matchHeading, splitRunIn, trimHeading } from "./headings";
import type { SourceBlock } from "./types";

/** A top-level part (一、…) before its kind is known. */
export interface Part {
  /** Heading without numeral. */
  heading: string;
  blocks: SourceBlock[];
  isNumeralLost: boolean;
  /** The heading as the source shows it, numeral included ("二、存在问题及整改措施"), for locations. */
  sourceLine: string;
  /** "二、" when this part repeats the numeral of the part before it ("二、… 二、下一步打算"). */
  repeatedNumeral?: string;
}

export interface ItemDraft {
  heading: string;
  /** The item's heading as the source shows it, numeral included ("（三）加强执法监督"); none for an untitled item. */
  sourceLine?: string;
  isRunIn: boolean;
  blocks: SourceBlock[];
}

export interface ParsedPart {
  lead: SourceBlock[];
  items: ItemDraft[];
  /** How the items were found, for the log. */
  itemStyle: "numbered" | "runInSeries" | "single";
}

const MAX_TOP_HEADING = 60;

/** Splits the body into the preamble and the top-level parts (一、 二、 …, or styled level-1 headings). */
export function splitParts(blocks: SourceBlock[], normalize: (text: string) => string): { preamble: SourceBlock[]; parts: Part[] } {
  const preamble: SourceBlock[] = [];
  const parts: Part[] = [];
  const hasNumbered = blocks.some((block) => matchHeading(block.text)?.level === 1 || block.styleLevel === 1);
  let lastNumber = 0;
  for (const block of blocks) {
    const top = block.table ? undefined : topHeading(block, lastNumber, hasNumbered, normalize);
    if (top) {
      const isRepeated = top.number > 0 && top.number === lastNumber;
      lastNumber = top.number || lastNumber + 1;
      parts.push({
        heading: top.heading,
        sourceLine: top.sourceLine,
        blocks: top.rest ? [{ text: top.rest }] : [],
        isNumeralLost: top.isNumeralLost,
        ...(isRepeated ? { repeatedNumeral: block.text.slice(0, 2) } : {}),
      });
    } else if (parts.length > 0) parts[parts.length - 1]!.blocks.push(block);
    else preamble.push(block);
  }
  return { preamble, parts };
}

function topHeading(
  block: SourceBlock,
  lastNumber: number,
  hasNumbered: boolean,
  normalize: (text: string) => string,
): { heading: string; sourceLine: string; rest: string; number: number; isNumeralLost: boolean } | undefined {
  const match = matchHeading(block.text);
  if (match?.level === 1) {
    const text = block.text.slice(match.prefixLength);
    // A repeated numeral ("二、… 二、下一步打算") still opens a part when its heading names one: a broken
    // numeral must never make a part disappear into the one before it.
    const isRepeatedPart =
      match.number === lastNumber && match.number > 0 && text.length <= MAX_TOP_HEADING && isKindHeading(normalize(text).replace(/[。：:]$/, ""));
    const isInSequence = match.isNumeralLost || isRepeatedPart || (match.number > lastNumber && match.number <= lastNumber + 2);
    if (!isInSequence) return undefined;
    if (
      match.isNumeralLost &&
      !isKindHeading(
        normalize(text)
          .slice(0, 40)
          .replace(/[。：:].*$/, ""),
      )
    )
      return undefined;
    const split = text.length > MAX_TOP_HEADING ? splitRunIn(text) : { heading: trimHeading(text), rest: "" };
    if (!split.heading) return undefined;
    return {
      heading: split.heading,
      sourceLine: block.text.slice(0, match.prefixLength).trim() + split.heading,
      rest: split.rest,
      number: match.number,
      isNumeralLost: !!match.isNumeralLost,
    };
  }
  if (match) return undefined;
  const isStyled = block.styleLevel === 1 && block.text.length <= MAX_TOP_HEADING;
  const isNamed = !hasNumbered && isKindHeading(normalize(block.text));
  if (!isStyled && !isNamed) return undefined;
  return { heading: trimHeading(block.text), sourceLine: trimHeading(block.text), rest: "", number: 0, isNumeralLost: false };
}

/** Items of one part: numbered （一） headings, else a 一是/二是 paragraph series, else one unnamed item. */
export function parseItems(blocks: SourceBlock[]): ParsedPart {
  const numbered = blocks.map((block, index) => (isItemStart(block) ? index : -1)).filter((index) => index >= 0);
  if (numbered.length > 0) return { ...collectItems(blocks, numbered), itemStyle: "numbered" };
  const series = runInSeries(blocks);
  if (series.length >= 2) return { ...collectItems(blocks, series), itemStyle: "runInSeries" };
  return { lead: [], items: [{ heading: "", isRunIn: false, blocks }], itemStyle: "single" };
}

function isItemStart(block: SourceBlock): boolean {
  if (block.table) return false;
  if (matchHeading(block.text)?.level === 2) return true;
  return block.styleLevel === 2 && block.text.length <= 100 && !matchHeading(block.text);
}

/** Indices of paragraphs that open with 一是、二是、三是… in order, starting at 一是. */
function runInSeries(blocks: SourceBlock[]): number[] {
  const indices: number[] = [];
  blocks.forEach((block, index) => {
    const match = block.table ? undefined : matchHeading(block.text);
    if (match?.level === "runIn" && match.number === indices.length + 1) indices.push(index);
  });
  return indices;
}

function collectItems(blocks: SourceBlock[], starts: number[]): { lead: SourceBlock[]; items: ItemDraft[] } {
  const items = starts.map((start, position) => {
    const block = blocks[start]!;
    const prefixLength = matchHeading(block.text)?.prefixLength ?? 0;
    const text = block.text.slice(prefixLength);
    const boldLead = block.boldLead && block.boldLead.length > prefixLength ? block.boldLead.slice(prefixLength) : undefined;
    const end = starts[position + 1] ?? blocks.length;
    const body = blocks.slice(start + 1, end);
    // A one-sentence item ("（三）全年办结复议案件12件，均在法定期限内。") keeps its whole sentence, 。 included:
    // it prints run-in, exactly as written, with no separate body.
    const prefix = block.text.slice(0, prefixLength).trim();
    if (body.length === 0 && isOneSentence(text) && (!boldLead || boldLead.trim() === text.trim()))
      return { heading: text.trim(), sourceLine: prefix + text.trim(), isRunIn: true, blocks: [] };
    const split = splitRunIn(text, boldLead);
    return {
      heading: split.heading,
      sourceLine: split.heading ? prefix + split.heading : undefined,
      isRunIn: split.isRunIn,
      blocks: split.rest ? [{ text: split.rest }, ...body] : body,
    };
  });
  return { lead: blocks.slice(0, starts[0]), items };
}

/** One sentence closed by 。！？ standing alone as an item (nothing follows it before the next item). */
export function isOneSentence(text: string): boolean {
  const trimmed = text.trim();
  return /[。！？]$/.test(trimmed) && !/[。！？]/.test(trimmed.slice(0, -1));
}
