import { beijingDay } from "../beijing-time";

import { isCurrentCycle } from "./drafting-year";
import { isSignedStatus } from "./status";

/** The agency's deadline settings ("MM-DD"), as stored in its profile. */
export interface DeadlineSettings {
  submissionDeadline?: string;
  disclosureDeadline?: string;
}

/** Defaults: 报送 by 3月1日 and 公开 by 4月1日 of the year after the report year. */
export const DEFAULT_SUBMISSION_DEADLINE = "03-01";
export const DEFAULT_DISCLOSURE_DEADLINE = "04-01";
/** A deadline this many days away or fewer is "due soon". */
export const DUE_SOON_DAYS = 14;

export type DeadlineState = "done" | "late" | "due_soon" | "upcoming";

export interface DeadlineStatus {
  kind: "submission" | "disclosure";
  /** 报送 or 公开 */
  label: string;
  /** YYYY-MM-DD */
  dueDate: string;
  state: DeadlineState;
  /** Days until the deadline (negative when late). */
  daysLeft: number;
}

/** The two deadlines of a report year, from the agency's "MM-DD" settings. */
export function reportDeadlines(year: number, settings: DeadlineSettings = {}): { submission: string; disclosure: string } {
  return {
    submission: `${year + 1}-${validMonthDay(settings.submissionDeadline) ?? DEFAULT_SUBMISSION_DEADLINE}`,
    disclosure: `${year + 1}-${validMonthDay(settings.disclosureDeadline) ?? DEFAULT_DISCLOSURE_DEADLINE}`,
  };
}

function validMonthDay(value: string | undefined): string | undefined {
  return value && /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value) ? value : undefined;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The submission deadline is met once the report is signed off; disclosure once it is published.
 * A report of a closed cycle (an archived or imported old report) shows only what was done, never overdue.
 */
export function deadlineStatuses(input: { year: number; status: string; settings?: DeadlineSettings; now: Date }): DeadlineStatus[] {
  const { submission, disclosure } = reportDeadlines(input.year, input.settings);
  const today = beijingDay(input.now);
  const build = (kind: DeadlineStatus["kind"], label: string, dueDate: string, isDone: boolean): DeadlineStatus => {
    const daysLeft = daysBetween(today, dueDate);
    const state: DeadlineState = isDone ? "done" : daysLeft < 0 ? "late" : daysLeft <= DUE_SOON_DAYS ? "due_soon" : "upcoming";
    return { kind, label, dueDate, state, daysLeft };
  };
  const statuses = [
    build("submission", "报送", submission, isSignedStatus(input.status)),
    build("disclosure", "公开", disclosure, input.status === "published"),
  ];
  return isCurrentCycle(input.year, input.now) ? statuses : statuses.filter((status) => status.state === "done");
}

/** "已逾期3天" / "还剩5天" / "已完成" */
export function describeDeadline(status: DeadlineStatus): string {
  if (status.state === "done") return `${status.label}已完成`;
  if (status.state === "late") return `${status.label}已逾期${-status.daysLeft}天`;
  if (status.daysLeft === 0) return `今天截止${status.label}`;
  return `距${status.label}截止还有${status.daysLeft}天`;
}
