import { inlinesToText } from "./inline-text";
import { textWidthInChars } from "./text-width";
import type { PrintableBlock, PrintableInline } from "./types";

const LEVEL_3 = /^(\d{1,2})[.．](?!\d)\s*/;
const LEVEL_4 = /^[（(](\d{1,2})[）)]\s*/;
/** A numbered paragraph is a heading of its own when it is this short and holds one sentence at most. */
const MAX_HEADING_WIDTH = 40;

/**
 * Classifies a top-level body paragraph: "1.加强队伍建设" alone is a level-3 heading,
 * "1.加强队伍建设。全年…" a body paragraph with a run-in heading, anything else plain body.
 */
export function classifyParagraph(inlines: PrintableInline[]): PrintableBlock {
  const text = inlinesToText(inlines);
  const body: PrintableBlock = { kind: "paragraph", prefix: "", inlines, headingLength: 0, indentLevel: 0 };
  const level3 = LEVEL_3.exec(text);
  const level4 = level3 ? null : LEVEL_4.exec(text);
  const match = level3 ?? level4;
  if (!match) return body;
  const rest = text.slice(match[0].length);
  // A heading prints as one plain run: a suggestion or an anchored comment in it keeps it a paragraph.
  const isPlain = inlines.every((inline) => inline.kind === "text" && !inline.isBold && !inline.isItalic && !inline.change && !inline.commentIds);
  const firstStop = rest.search(/[。！？]/);
  const isStandalone = !rest.includes("\n") && textWidthInChars(rest) <= MAX_HEADING_WIDTH && (firstStop === -1 || firstStop === rest.length - 1);
  if (isStandalone && isPlain && rest.trim() !== "") {
    const prefix = level3 ? `${match[1]}.` : `（${match[1]}）`;
    return { kind: "heading", role: level3 ? "h3" : "h4", prefix, text: rest.trim() };
  }
  const headingEnd = firstStop === -1 ? -1 : [...text.slice(0, match[0].length + firstStop + 1)].length;
  const isRunInHeading = headingEnd > 0 && textWidthInChars(text.slice(0, match[0].length + firstStop + 1)) <= MAX_HEADING_WIDTH;
  return { ...body, headingLength: isRunInHeading ? headingEnd : 0 };
}
