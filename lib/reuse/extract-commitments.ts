import { docParagraphs, newId, type Commitment, type ReportSection } from "@/lib/report-model";

/** Long enough to recognise the plan in a list, short enough to read at a glance. */
export const COMMITMENT_TEXT_LENGTH = 160;
const MAX_COMMITMENTS = 200;

const LEADING_NUMBER = /^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、](?!\d))\s*/;
/** Run-in enumerations: "一是……。二是……" (only after a sentence end, so 统一是 never splits). */
const RUN_IN_MARKER = /(?:^|(?<=[。；;！!？?：:]))\s*[一二三四五六七八九十]{1,3}(?:是|要)[，,、：:]?/g;
const INTRO_END = /[：:]\s*$/;

/** Cuts at a sentence end when one falls late enough, else mid-sentence with an ellipsis. */
export function trimPlanText(text: string, maxLength = COMMITMENT_TEXT_LENGTH): string {
  const chars = Array.from(text.trim());
  if (chars.length <= maxLength) return chars.join("");
  const head = chars.slice(0, maxLength).join("");
  const lastStop = Math.max(head.lastIndexOf("。"), head.lastIndexOf("；"), head.lastIndexOf("！"));
  if (lastStop >= maxLength / 3) return head.slice(0, lastStop + 1);
  return head + "……";
}

/** Plans of one paragraph: its run-in pieces, or the paragraph itself; an introductory "…如下：" is dropped. */
function splitParagraph(paragraph: string): string[] {
  const text = paragraph.replace(LEADING_NUMBER, "").trim();
  if (!text) return [];
  const markers = [...text.matchAll(RUN_IN_MARKER)];
  if (markers.length < 2) return INTRO_END.test(text) ? [] : [text];
  const pieces: string[] = [];
  const prefix = text.slice(0, markers[0]!.index).trim();
  if (prefix && !INTRO_END.test(prefix)) pieces.push(prefix);
  markers.forEach((marker, index) => {
    const start = marker.index + marker[0].length;
    const end = markers[index + 1]?.index ?? text.length;
    const piece = text.slice(start, end).trim();
    if (piece) pieces.push(piece);
  });
  return pieces;
}

/** Plans written as free text: one per paragraph, or per 一是、二是… sentence. */
export function splitPlans(paragraphs: readonly string[]): string[] {
  return paragraphs.flatMap(splitParagraph);
}

function stripEndPunctuation(heading: string): string {
  return heading.trim().replace(/[。；;：:，,]+$/, "");
}

/**
 * Last year's 下一年度主要安排 as this year's 承诺事项清单: one commitment per headed plan
 * ("heading：body"), and for unheaded items and the lead, one per paragraph or run-in sentence.
 */
export function extractCommitments(nextYearSections: readonly ReportSection[]): Commitment[] {
  const texts: string[] = [];
  for (const section of nextYearSections) {
    texts.push(...splitPlans(section.lead.split(/\r?\n/)));
    for (const item of section.items) {
      const heading = stripEndPunctuation(item.heading);
      const paragraphs = docParagraphs(item.body)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean);
      if (!heading) texts.push(...splitPlans(paragraphs));
      else texts.push(paragraphs.length > 0 ? `${heading}：${paragraphs.join("")}` : heading);
    }
  }
  return texts
    .map((text) => trimPlanText(text))
    .filter((text) => text.length > 0)
    .slice(0, MAX_COMMITMENTS)
    .map((text) => ({ id: newId("c"), text, status: "open", linkedItemIds: [], reason: "" }));
}
