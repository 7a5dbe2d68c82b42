import { AGENCY_LEVEL_LABELS, formatChineseDate, formatDate, type AgencyLevel } from "@/lib/report-model";

import { BOARD_STATE_LABELS, BOARD_STATES, type BoardState } from "./board-states";
import type { BoardRow } from "./progress-board";

export const BOARD_SORT_KEYS = ["agency", "state", "daysLeft", "errors", "lastTouched"] as const;
export type BoardSortKey = (typeof BOARD_SORT_KEYS)[number];

export interface BoardFilter {
  level?: string;
  state?: BoardState;
}

export function filterBoard(rows: readonly BoardRow[], filter: BoardFilter): BoardRow[] {
  return rows.filter((row) => (!filter.level || row.level === filter.level) && (!filter.state || row.state === filter.state));
}

// Missing values (no report, already published) sort last in either direction.
function sortValue(row: BoardRow, key: BoardSortKey): string | number | null {
  switch (key) {
    case "agency":
      return row.agencyName;
    case "state":
      return BOARD_STATES.indexOf(row.state);
    case "daysLeft":
      return row.daysLeft;
    case "errors":
      return row.errorCount;
    case "lastTouched":
      return row.lastTouchedAt;
  }
}

export function sortBoard(rows: readonly BoardRow[], key: BoardSortKey, direction: "asc" | "desc"): BoardRow[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((left, right) => {
    const a = sortValue(left, key);
    const b = sortValue(right, key);
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    const order = typeof a === "string" && typeof b === "string" ? a.localeCompare(b, "zh-Hans-CN") : Number(a) - Number(b);
    return order * sign || left.agencyName.localeCompare(right.agencyName, "zh-Hans-CN");
  });
}

export function levelLabel(level: string): string {
  return AGENCY_LEVEL_LABELS[level as AgencyLevel] ?? level;
}

/** "还剩5天" / "逾期3天" / "今天截止" / "" (published). */
export function describeDaysLeft(row: Pick<BoardRow, "daysLeft" | "deadlineLabel">): string {
  if (row.daysLeft === null) return "";
  if (row.daysLeft < 0) return `${row.deadlineLabel}逾期${-row.daysLeft}天`;
  if (row.daysLeft === 0) return `今天截止${row.deadlineLabel}`;
  return `距${row.deadlineLabel}截止${row.daysLeft}天`;
}

/** One CSV field; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
export function csvCell(value: string | number | null): string {
  if (typeof value === "number") return String(value);
  const text = value ?? "";
  return /[",\r\n]/.test(text) || /^[=+\-@\t]/.test(text) ? `"${(/^[=+\-@\t]/.test(text) ? "'" : "") + text.replaceAll('"', '""')}"` : text;
}

export const BOARD_CSV_HEADER = [
  "机关",
  "层级",
  "状态",
  "期限",
  "截止日期",
  "剩余天数",
  "是否逾期",
  "错误数",
  "缺少的法定部分",
  "最后修改",
  "公开日期",
  "公开网址",
  "逾期公开",
  "最近催办",
];

/** The board as CSV (UTF-8 with BOM so Excel and WPS open it as Chinese). */
export function boardToCsv(rows: readonly BoardRow[]): string {
  const lines = [BOARD_CSV_HEADER.join(",")];
  for (const row of rows) {
    lines.push(
      [
        row.agencyName,
        levelLabel(row.level),
        BOARD_STATE_LABELS[row.state],
        row.deadlineLabel,
        formatChineseDate(row.dueDate),
        row.daysLeft,
        row.isOverdue ? "是" : "否",
        row.errorCount,
        row.missingParts.join("、"),
        row.lastTouchedAt ? formatDate(new Date(row.lastTouchedAt)) : "",
        row.publishedOn ? formatChineseDate(row.publishedOn) : "",
        row.publishedUrl ?? "",
        row.isPublishedLate ? "是" : "",
        row.lastReminderAt ? formatDate(new Date(row.lastReminderAt)) : "",
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
