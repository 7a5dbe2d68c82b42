import { ReportError } from "@/lib/errors";
import {
  beijingParts,
  docToText,
  emptyDoc,
  listSuggestions,
  newId,
  rejectedView,
  type IndicatorValues,
  type Report,
  type ReportItem,
  type ReportSection,
  type ReportTemplate,
  type RichDoc,
} from "@/lib/report-model";
import { findTemplate } from "@/templates";

import { extractCommitments } from "./extract-commitments";
import { buildPendingUpdates } from "./pending-updates";
import { shiftHeadingYears } from "./shift-years";
import { addMissingStatutoryParts, describeAddedParts } from "./statutory-parts";

export interface RollForwardOptions {
  /** Today, for the warning about a year that has not begun. @default new Date() */
  now?: Date;
  /** The template whose missing statutory parts are added. @default the previous report's template */
  template?: ReportTemplate | null;
}

export interface RollForwardStats {
  /** Years moved on in the title and headings. */
  shiftedYears: number;
  pendingYears: number;
  pendingFigures: number;
  commitments: number;
  /** Indicator values kept as last year's reference. */
  previousIndicatorValues: number;
  /** Statutory parts last year's report lacked, added empty from the template. */
  addedParts: number;
  /** Suggestions (修订) still open in last year's report, left out of the draft (its text is the drafter's own). */
  droppedSuggestions: number;
}

export interface RollForwardResult {
  report: Report;
  /** What was done, in Chinese, for the user. */
  log: string[];
  stats: RollForwardStats;
}

const MAX_YEAR = 2100;

/**
 * Next year's draft from last year's report: same structure and text with new ids, headings moved on a
 * year, every carried year and figure marked 待更新, indicators emptied (last year's kept beside them), and
 * last year's plans turned into this year's 承诺事项清单. Pure: `last` is not changed.
 */
export function rollForwardReport(last: Report, options: RollForwardOptions = {}): RollForwardResult {
  // Suggestions (修订) still open in last year's report are a reviewer's proposals nobody decided on: the draft takes
  // the text as stored (the rejected view: suggested insertions out, suggested deletions kept, the fields' own text),
  // which is the text the official wrote and stood behind; accepting them here would put a reviewer's words into
  // the new report without the official deciding. No mark and no field suggestion goes over; the log says how many
  // stayed behind (they remain in last year's report).
  const droppedSuggestions = new Set(listSuggestions(last).map((suggestion) => suggestion.id)).size;
  const previous = rejectedView(last);
  const fromYear = previous.meta.year;
  const year = fromYear + 1;
  if (year > MAX_YEAR) throw new ReportError("INVALID_INPUT", `年度不能晚于${MAX_YEAR}年`);
  const stats: RollForwardStats = {
    shiftedYears: 0,
    pendingYears: 0,
    pendingFigures: 0,
    commitments: 0,
    previousIndicatorValues: 0,
    addedParts: 0,
    droppedSuggestions,
  };
  const shift = (text: string) => {
    const result = shiftHeadingYears(text, fromYear);
    stats.shiftedYears += result.count;
    return result.text;
  };
  const mark = (text: string) => {
    const updates = buildPendingUpdates(text);
    for (const update of updates) stats[update.kind === "year" ? "pendingYears" : "pendingFigures"] += 1;
    return updates;
  };

  const carryItem = (item: ReportItem): ReportItem => ({
    id: newId("i"),
    heading: shift(item.heading),
    body: structuredClone(item.body),
    isRunIn: item.isRunIn,
    area: item.area,
    pendingUpdates: mark(docToText(item.body)),
  });

  const sections = previous.sections.map((section): ReportSection => {
    const isPlan = section.kind === "next_year";
    const { indicators, previousIndicators, kept } = emptyIndicators(section.indicators);
    stats.previousIndicatorValues += kept;
    const lead = isPlan ? "" : section.lead;
    const leadMarks = mark(lead);
    return {
      id: newId("s"),
      kind: section.kind,
      heading: shift(section.heading),
      lead,
      ...(leadMarks.length > 0 ? { leadPendingUpdates: leadMarks } : {}),
      items: isPlan ? [emptyItem()] : section.items.map(carryItem),
      indicators,
      previousIndicators,
    };
  });

  const commitments = extractCommitments(previous.sections.filter((section) => section.kind === "next_year"));
  stats.commitments = commitments.length;
  const carried: Report = {
    schemaVersion: previous.schemaVersion,
    templateId: previous.templateId,
    meta: { ...previous.meta, year, title: shift(previous.meta.title), date: "", docNumber: "" },
    ...carryOpening(previous.opening, fromYear, stats),
    closing: previous.closing,
    sections,
    commitments,
  };
  // A report that lacked a statutory part could never be submitted; add it empty, with the template's heading.
  const { report, added } = addMissingStatutoryParts(carried, options.template === undefined ? findTemplate(previous.templateId) : options.template);
  stats.addedParts = added.length;
  const log = [...describeRollForward(fromYear, stats, options.now ?? new Date()), ...describeAddedParts(added)];
  return { report, log, stats };
}

/**
 * The 导语 carried on: its leading report year ("2024年，我局…") becomes the new year, every other year and
 * figure is marked 待更新 like an item body's (the one-sentence summary's figures are last year's).
 */
function carryOpening(opening: RichDoc, fromYear: number, stats: RollForwardStats): Pick<Report, "opening" | "openingPendingUpdates"> {
  const carried = structuredClone(opening);
  const first = carried.content[0]?.content?.[0];
  const leading = new RegExp(`^(\\s*)${fromYear}(\\s*年)`);
  if (first?.type === "text" && first.text && leading.test(first.text)) {
    first.text = first.text.replace(leading, `$1${fromYear + 1}$2`);
    stats.shiftedYears += 1;
  }
  const text = docToText(carried).replace(new RegExp(`^\\s*${fromYear + 1}\\s*年`), "");
  const marks = buildPendingUpdates(text);
  for (const update of marks) stats[update.kind === "year" ? "pendingYears" : "pendingFigures"] += 1;
  return { opening: carried, ...(marks.length > 0 ? { openingPendingUpdates: marks } : {}) };
}

function emptyItem(): ReportItem {
  return { id: newId("i"), heading: "", body: emptyDoc(), isRunIn: false, area: null, pendingUpdates: [] };
}

function emptyIndicators(values: IndicatorValues): { indicators: IndicatorValues; previousIndicators: IndicatorValues; kept: number } {
  const indicators: IndicatorValues = {};
  for (const key of Object.keys(values)) indicators[key] = null;
  const kept = Object.values(values).filter((value) => value !== null).length;
  return { indicators, previousIndicators: { ...values }, kept };
}

function describeRollForward(fromYear: number, stats: RollForwardStats, now: Date): string[] {
  const year = fromYear + 1;
  const log = [`已由${fromYear}年度报告生成${year}年度报告草稿，成文日期和文号已清空。`];
  log.push(`标题和各级标题中的年份顺延${stats.shiftedYears}处。`);
  const pending = stats.pendingYears + stats.pendingFigures;
  log.push(
    pending > 0 ? `正文中沿用的年份${stats.pendingYears}处、数字${stats.pendingFigures}处已标记“待更新”，请逐一核实。` : "正文中没有需要核实的年份和数字。",
  );
  log.push(
    stats.commitments > 0
      ? `去年的“下一年度主要安排”已转为承诺事项清单，共${stats.commitments}项，请逐项说明落实情况。`
      : "去年报告中没有“下一年度主要安排”，承诺事项清单为空。",
  );
  if (stats.previousIndicatorValues > 0) log.push(`指标已清空，去年的${stats.previousIndicatorValues}项数值保留在旁作为参考。`);
  if (stats.droppedSuggestions > 0)
    log.push(
      `去年报告中有${stats.droppedSuggestions}处未处理的修订（修改建议）未带入新草稿，新草稿沿用原有文字；修订仍保留在去年的报告中，如需采纳请对照后修改。`,
    );
  log.push(`“下一年度主要安排”已清空，请填写${year + 1}年的工作安排。`);
  if (year > beijingParts(now).year) log.push(`注意：${year}年尚未开始，请确认沿用的是上一年度的报告。`);
  return log;
}
