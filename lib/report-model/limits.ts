import type { RichNode } from "./rich-text";

/**
 * Sizes no real annual report comes near (the longest published ones have about 40,000 characters,
 * a few tables of under 15 columns and 100 rows). Anything beyond is refused on save, preview, import
 * and export alike, so one request cannot make the exporters build gigabytes.
 */
export const REPORT_LIMITS = {
  /** Characters of text in the whole report (meta, headings, leads, bodies, commitments). */
  maxReportChars: 500_000,
  /** Characters in one item body. */
  maxItemChars: 200_000,
  /** Nodes (paragraphs, cells, text runs…) in the whole report. */
  maxReportNodes: 100_000,
  /** Rows of one table. */
  maxTableRows: 1_000,
  /** Columns of one table (the widest row, counting colspan). */
  maxTableColumns: 50,
  /** Cells of one table (rows × columns as written). */
  maxTableCells: 20_000,
  /** colspan of one cell. */
  maxColspan: 50,
  /** rowspan of one cell. */
  maxRowspan: 1_000,
} as const;

export interface LimitViolation {
  /** Chinese, shown to the user as is. */
  message: string;
}

interface Tally {
  chars: number;
  nodes: number;
}

function spanOf(node: RichNode, name: "colspan" | "rowspan"): number {
  const value = node.attrs?.[name];
  return typeof value === "number" ? value : 1;
}

function checkTable(table: RichNode): string | undefined {
  const rows = table.content ?? [];
  if (rows.length > REPORT_LIMITS.maxTableRows) return `表格行数超过上限（最多 ${REPORT_LIMITS.maxTableRows} 行），请拆分表格`;
  let cells = 0;
  for (const row of rows) {
    let columns = 0;
    for (const cell of row.content ?? []) {
      const colspan = spanOf(cell, "colspan");
      const rowspan = spanOf(cell, "rowspan");
      if (!Number.isInteger(colspan) || colspan < 1 || colspan > REPORT_LIMITS.maxColspan)
        return `单元格合并列数不正确（应为 1 至 ${REPORT_LIMITS.maxColspan}）`;
      if (!Number.isInteger(rowspan) || rowspan < 1 || rowspan > REPORT_LIMITS.maxRowspan)
        return `单元格合并行数不正确（应为 1 至 ${REPORT_LIMITS.maxRowspan}）`;
      columns += colspan;
      cells += 1;
    }
    if (columns > REPORT_LIMITS.maxTableColumns) return `表格列数超过上限（最多 ${REPORT_LIMITS.maxTableColumns} 列）`;
  }
  if (cells > REPORT_LIMITS.maxTableCells) return `表格单元格超过上限（最多 ${REPORT_LIMITS.maxTableCells} 个），请拆分表格`;
  return undefined;
}

/** Walks a body iteratively (no recursion: depth is checked elsewhere, but a walker must not trust it). */
function tallyBody(doc: RichNode, tally: Tally): string | undefined {
  const stack: RichNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    tally.nodes += 1;
    if (tally.nodes > REPORT_LIMITS.maxReportNodes) return `报告结构过于复杂（超过 ${REPORT_LIMITS.maxReportNodes} 个段落、单元格等元素）`;
    if (typeof node.text === "string") tally.chars += node.text.length;
    if (node.type === "table") {
      const problem = checkTable(node);
      if (problem) return problem;
    }
    if (node.content) for (let index = node.content.length - 1; index >= 0; index -= 1) stack.push(node.content[index]!);
  }
  return undefined;
}

/** The parts of a report the limits look at (a structural subset of `Report`, so this file imports nothing). */
export interface LimitedReport {
  meta: Record<string, unknown>;
  opening?: RichNode;
  closing?: string;
  sections: Array<{ heading: string; lead?: string; items: Array<{ heading: string; body: RichNode }> }>;
  commitments?: Array<{ text: string; reason?: string }>;
}

function stringLength(value: unknown): number {
  return typeof value === "string" ? value.length : 0;
}

/** The first limit the report exceeds, or undefined. Linear in the size of the report. */
export function findLimitViolation(report: LimitedReport): LimitViolation | undefined {
  const tally: Tally = { chars: 0, nodes: 0 };
  for (const value of Object.values(report.meta)) tally.chars += stringLength(value);
  tally.chars += stringLength(report.closing);
  const bodies: RichNode[] = report.opening ? [report.opening] : [];
  for (const section of report.sections) {
    tally.chars += section.heading.length + stringLength(section.lead);
    for (const item of section.items) {
      tally.chars += item.heading.length;
      const before = tally.chars;
      const problem = tallyBody(item.body, tally);
      if (problem) return { message: `「${item.heading.slice(0, 20) || "未命名事项"}」：${problem}` };
      if (tally.chars - before > REPORT_LIMITS.maxItemChars) {
        return { message: `「${item.heading.slice(0, 20) || "未命名事项"}」正文超过 ${REPORT_LIMITS.maxItemChars / 10_000} 万字上限，请拆分为多个事项` };
      }
    }
  }
  for (const body of bodies) {
    const problem = tallyBody(body, tally);
    if (problem) return { message: `导语：${problem}` };
  }
  for (const commitment of report.commitments ?? []) tally.chars += commitment.text.length + stringLength(commitment.reason);
  if (tally.chars > REPORT_LIMITS.maxReportChars) {
    return {
      message: `报告总字数超过 ${REPORT_LIMITS.maxReportChars / 10_000} 万字上限（实有约 ${Math.ceil(tally.chars / 10_000)} 万字），请删减或拆分后再提交`,
    };
  }
  return undefined;
}
