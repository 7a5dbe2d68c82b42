import { SECTION_KIND_LABELS, type Report, type ReportTemplate } from "@/lib/report-model";
import { completeness, summarizeFindings, validateReport } from "@/lib/validation";
import { beijingDay, reportDeadlines } from "@/lib/report-model";
import type { AgencySettings } from "@/lib/db/schema/agencies";

import { boardStateOf, type BoardState } from "./board-states";

export interface BoardRow {
  agencyId: string;
  agencyName: string;
  level: string;
  depth: number;
  state: BoardState;
  reportId: string | null;
  /** The deadline the agency is working towards: 报送 until signed, then 公开. */
  deadlineLabel: "报送" | "公开";
  /** YYYY-MM-DD */
  dueDate: string;
  /** Negative when past; null once published. */
  daysLeft: number | null;
  isOverdue: boolean;
  errorCount: number | null;
  /** Labels of required statutory parts that are absent or empty. */
  missingParts: string[];
  /** ISO timestamp of the last save or transition. */
  lastTouchedAt: string | null;
  /** YYYY-MM-DD (Beijing) when marked 已公开. */
  publishedOn: string | null;
  publishedUrl: string | null;
  isPublishedLate: boolean;
  /** ISO timestamp of the latest reminder sent for this year. */
  lastReminderAt: string | null;
}

export interface BoardInput {
  agency: { id: string; name: string; level: string; depth: number; settings: AgencySettings };
  report: {
    id: string;
    status: string;
    updatedAt: Date;
    publishedAt: Date | null;
    publishedUrl: string | null;
    publishedNote: string | null;
    content: Report;
  } | null;
  template: ReportTemplate | null;
  lastReminderAt: Date | null;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const URL_PATTERN = /^https?:\/\/\S+$/i;

/** One agency's line on the progress board (pure: validation runs here, not in the database). */
export function buildBoardRow({ agency, report, template, lastReminderAt }: BoardInput, year: number, now: Date): BoardRow {
  const state = boardStateOf(report?.status ?? null);
  const deadlines = reportDeadlines(year, agency.settings);
  const isSubmitted = state === "signed" || state === "published";
  const dueDate = isSubmitted ? deadlines.disclosure : deadlines.submission;
  const today = beijingDay(now);
  const daysLeft = state === "published" ? null : daysBetween(today, dueDate);
  const publishedOn = report?.publishedAt ? beijingDay(report.publishedAt) : null;
  let errorCount: number | null = null;
  let missingParts: string[] = [];
  if (report) {
    const findings = validateReport(report.content, { template: template ?? undefined });
    errorCount = summarizeFindings(findings).error;
    missingParts = template
      ? completeness(report.content, template, findings)
          .perSection.filter((section) => section.isRequired && section.status === "empty")
          .map((section) => SECTION_KIND_LABELS[section.kind])
      : [];
  }
  const fallbackUrl = report?.publishedNote && URL_PATTERN.test(report.publishedNote) ? report.publishedNote : null;
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    level: agency.level,
    depth: agency.depth,
    state,
    reportId: report?.id ?? null,
    deadlineLabel: isSubmitted ? "公开" : "报送",
    dueDate,
    daysLeft,
    isOverdue: daysLeft !== null && daysLeft < 0,
    errorCount,
    missingParts,
    lastTouchedAt: report ? report.updatedAt.toISOString() : null,
    publishedOn,
    publishedUrl: report?.publishedUrl ?? fallbackUrl,
    isPublishedLate: publishedOn !== null && publishedOn > deadlines.disclosure,
    lastReminderAt: lastReminderAt ? lastReminderAt.toISOString() : null,
  };
}
