import { SECTION_KIND_LABELS, type SectionKind } from "@/lib/report-model";

import { classifyKind, PLAN_START, splitCombinedHeading } from "./classify-kind";
import { matchHeading } from "./headings";
import { readIndicatorTable, type IndicatorTable } from "./read-indicator-table";
import { blocksText } from "./source-blocks";
import { parseItems, splitParts, type ItemDraft, type Part } from "./split-parts";
import { sampleOf, type ImportContext, type SourceBlock } from "./types";

/** A section before ids and rich text: what the report assembly turns into a `ReportSection`. */
export interface SectionDraft {
  kind: SectionKind;
  heading: string;
  lead: SourceBlock[];
  items: ItemDraft[];
  /** Why the user should confirm this section's kind, when unsure. */
  doubt?: string;
  source: string;
  /** The part's heading as the source shows it (numeral included); none when the importer named the part. */
  sourceLine?: string;
  /** The figure table that ended the part, read back into indicators. */
  figures?: IndicatorTable;
}

/** Parts → sections: classify each part, split combined problems/plans parts, merge parts of one kind. */
export function buildSections(
  blocks: SourceBlock[],
  context: ImportContext,
  normalize: (text: string) => string,
): { preamble: SourceBlock[]; sections: SectionDraft[] } {
  const { preamble, parts } = splitParts(blocks, normalize);
  if (parts.length === 0) {
    const openingEnd = openingLength(preamble);
    const parsed = parseItems(preamble.slice(openingEnd));
    context.log.push({ kind: "guessed", message: "未识别出“一、二、三”等一级标题，全文已作为“主要举措和成效”导入，请核对。" });
    const heading = SECTION_KIND_LABELS.measures;
    return {
      preamble: preamble.slice(0, openingEnd),
      sections: [{ kind: "measures", heading, lead: parsed.lead, items: parsed.items, doubt: "未找到一级标题，整篇作为一节导入。", source: heading }],
    };
  }
  const drafts: SectionDraft[] = [];
  for (const part of parts) {
    if (part.isNumeralLost) context.log.push({ kind: "guessed", message: `标题“${sampleOf(part.heading)}”缺少序号，已按一级标题处理。` });
    if (part.repeatedNumeral)
      context.log.push({
        kind: "warning",
        message: `一级标题“${part.repeatedNumeral}${sampleOf(part.heading)}”与上一部分序号重复，已作为新的一部分导入，请改正序号。`,
      });
    const guess = classifyKind(normalize(part.heading), normalize(blocksText(part.blocks)));
    if (guess.isCombined) {
      drafts.push(...splitCombined(part, context, normalize));
      continue;
    }
    // A figure table ending the part (as Nianbao prints indicators) becomes the part's indicators.
    const table = part.blocks[part.blocks.length - 1];
    const figures = table ? readIndicatorTable(table) : undefined;
    const parsed = parseItems(figures ? part.blocks.slice(0, -1) : part.blocks);
    const doubt = guess.isCertain ? undefined : `标题“${sampleOf(part.heading)}”未直接表明属于哪一部分，已根据内容判断为“${SECTION_KIND_LABELS[guess.kind]}”。`;
    context.log.push({
      kind: "guessed",
      message: `“${sampleOf(part.heading)}”识别为“${SECTION_KIND_LABELS[guess.kind]}”${guess.isCertain ? "" : "（根据内容推断，请确认）"}。`,
    });
    logRunInSeries(parsed.itemStyle, part.heading, context);
    drafts.push({
      kind: guess.kind,
      heading: part.heading,
      lead: parsed.lead,
      items: parsed.items,
      doubt,
      source: part.heading,
      sourceLine: part.sourceLine,
      ...(figures ? { figures } : {}),
    });
    if (figures)
      context.log.push({
        kind: "guessed",
        message: `“${sampleOf(part.heading)}”末尾的指标表已读入该部分的指标（${Object.keys(figures.indicators).length} 项）。`,
      });
  }
  return { preamble, sections: mergeSameKind(drafts, context) };
}

function logRunInSeries(style: string, heading: string, context: ImportContext): void {
  if (style === "runInSeries")
    context.log.push({ kind: "converted", message: `“${sampleOf(heading)}”中以“一是、二是”开头的段落已拆分为分项，导出时按（一）（二）编号。` });
}

/** "存在问题和下一步工作": problems up to where the plans begin, plans after. */
function splitCombined(part: Part, context: ImportContext, normalize: (text: string) => string): SectionDraft[] {
  const [problemHeading, planHeading] = splitCombinedHeading(part.heading) ?? [SECTION_KIND_LABELS.problems, SECTION_KIND_LABELS.next_year];
  const at = findPlanStart(part.blocks, normalize);
  if (!at) {
    const parsed = parseItems(part.blocks);
    context.log.push({ kind: "guessed", message: `“${sampleOf(part.heading)}”同时包含问题和计划，但未找到计划的起点，已整体作为“存在的不足”导入，请核对。` });
    return [
      {
        kind: "problems",
        heading: part.heading,
        lead: parsed.lead,
        items: parsed.items,
        doubt: "未能拆分问题和计划。",
        source: part.heading,
        sourceLine: part.sourceLine,
      },
    ];
  }
  const problemBlocks = [...part.blocks.slice(0, at.index), ...(at.before ? [{ text: at.before }] : [])];
  const planBlocks = [...(at.after ? [{ text: at.after }] : []), ...part.blocks.slice(at.index + (at.before || at.after ? 1 : 0))];
  const problems = parseItems(problemBlocks);
  const plans = parseItems(planBlocks);
  context.log.push({
    kind: "guessed",
    message: `“${sampleOf(part.heading)}”已拆分为“${problemHeading}”和“${planHeading}”两部分，拆分处为“${sampleOf(at.after || planBlocks[0]?.text || "", 16)}”，请核对。`,
  });
  logRunInSeries(plans.itemStyle, planHeading, context);
  const doubt = `由“${part.heading}”拆分而来，请确认拆分位置。`;
  const drafts: SectionDraft[] = [];
  if (problemBlocks.length > 0)
    drafts.push({ kind: "problems", heading: problemHeading, lead: problems.lead, items: problems.items, source: part.heading, sourceLine: part.sourceLine });
  drafts.push({ kind: "next_year", heading: planHeading, lead: plans.lead, items: plans.items, doubt, source: part.heading, sourceLine: part.sourceLine });
  return drafts;
}

interface PlanStart {
  index: number;
  /** When plans begin mid-paragraph: the problem text before and the plan text after. */
  before?: string;
  after?: string;
}

function findPlanStart(blocks: SourceBlock[], normalize: (text: string) => string): PlanStart | undefined {
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index]!;
    if (block.table) continue;
    const match = matchHeading(block.text);
    const normalized = normalize(block.text);
    if (match?.level === 2 && /下一步|计划|打算|安排|措施|今后|方向/.test(normalized.slice(0, 30))) return { index };
    if (match && match.level !== "runIn") continue;
    const position = normalized.search(PLAN_START);
    if (position < 0) continue;
    if (position <= 2 || normalized.length !== block.text.length) return { index };
    const cut = clauseStart(block.text, position);
    if (cut === 0) return { index };
    return { index, before: block.text.slice(0, cut).replace(/[，,；;]\s*$/, "。"), after: block.text.slice(cut).trim() };
  }
  const firstItem = blocks.findIndex((block) => matchHeading(block.text)?.level === 2);
  return firstItem > 0 ? { index: firstItem } : undefined;
}

/** Start of the clause holding `position`: just after the preceding 。，；. */
function clauseStart(text: string, position: number): number {
  for (let index = position - 1; index >= 0; index -= 1) if (/[。，,；;！？]/.test(text[index]!)) return index + 1;
  return 0;
}

/** Several parts of one kind become one section; a later part's heading becomes its item's heading. */
function mergeSameKind(drafts: SectionDraft[], context: ImportContext): SectionDraft[] {
  const byKind = new Map<SectionKind, SectionDraft>();
  const out: SectionDraft[] = [];
  for (const draft of drafts) {
    const existing = byKind.get(draft.kind);
    if (!existing) {
      byKind.set(draft.kind, draft);
      out.push(draft);
      continue;
    }
    if (existing.items.length === 1 && !existing.items[0]!.heading && existing.lead.length === 0)
      Object.assign(existing.items[0]!, { heading: existing.heading, sourceLine: existing.sourceLine });
    const items =
      draft.items.length === 1 && !draft.items[0]!.heading ? [{ ...draft.items[0]!, heading: draft.heading, sourceLine: draft.sourceLine }] : draft.items;
    if (draft.lead.length > 0) items[0] = { ...items[0]!, blocks: [...draft.lead, ...items[0]!.blocks] };
    existing.items.push(...items);
    existing.doubt ??= draft.doubt;
    context.log.push({
      kind: "guessed",
      message: `“${sampleOf(draft.heading)}”与“${sampleOf(existing.heading)}”同属“${SECTION_KIND_LABELS[draft.kind]}”，已合并为一节。`,
    });
  }
  return out;
}

/** Without 一、 headings: the first paragraph is the opening when it reads as one ("2024年，我局…现将…报告如下："). */
function openingLength(blocks: SourceBlock[]): number {
  const first = blocks.findIndex((block) => !!block.table || block.text.trim() !== "");
  if (first < 0 || blocks[first]!.table || blocks.length - first < 2) return 0;
  return /(报告|汇报|总结)如下[：:。]?$/.test(blocks[first]!.text.trim()) ? first + 1 : 0;
}
