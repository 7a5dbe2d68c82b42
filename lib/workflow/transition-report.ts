import { and, eq } from "drizzle-orm";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { flushLiveReport, holdLiveReport } from "@/lib/collab/yjs/flush-live-report";
import { ForbiddenError, ReportError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import {
  beijingDay,
  beijingMidnight,
  documentDateIssue,
  findTransition,
  rolesAllowedTo,
  statusLabel,
  transitionBlocker,
  TRANSITIONS,
} from "@/lib/report-model";
import { listSuggestions, reportSchema, type DocumentDateIssue, type ReportStatus } from "@/lib/report-model";
import { getReport } from "@/lib/reports/get-report";
import { transitionReportSchema, type TransitionReport } from "@/lib/schemas/workflow";

import { formatDate } from "@/lib/format";
import { findLatestRevisionWithStatus } from "@/lib/history/find-latest-revision";
import { notifyTransition } from "@/lib/notifications";

import { findErrorFindings } from "./find-error-findings";
import { countUnresolvedThreads } from "./list-comment-threads";

export interface TransitionReportOptions {
  db: Database;
  user: SessionUser;
  reportId: string;
  input: TransitionReport;
  now?: Date;
}

/** Moves a report along the state machine; each step is a new revision and an audit entry. */
export async function transitionReport({
  db,
  user,
  reportId,
  input,
  now = new Date(),
}: TransitionReportOptions): Promise<{ status: ReportStatus; revision: number }> {
  const data = transitionReportSchema.parse(input);
  const found = await getReport({ db, user, reportId });
  const label = TRANSITIONS.find((candidate) => candidate.name === data.transition)!.label;
  // Checked before live editing is held, so a step that may not run pauses nobody (checked again on the fresh row).
  findAllowedRule(data.transition, found.status, user, label);
  // Live editing waits while the step runs (a keystroke in the same instant is refused and its window told), and
  // the live text the server acknowledged goes into the report before it is checked and moves on.
  const releaseLiveHold = await holdLiveReport(found.id, label);
  let step: Awaited<ReturnType<typeof runTransition>>;
  try {
    step = await runTransition({ db, user, reportId, data, label, now, found });
  } finally {
    // Co-editing stops for everyone now, or resumes if the step failed; not at the co-editing server's next poll.
    await releaseLiveHold();
  }
  const { rule, row, revision, dateIssue } = step;
  await recordAuditEvent({
    db,
    action: "report.status",
    user,
    targetId: reportId,
    detail: {
      transition: rule.name,
      from: row.status,
      to: rule.to,
      revision,
      ...(data.note ? { note: data.note } : {}),
      ...(rule.name === "publish" ? { publishedOn: data.publishedOn, publishedNote: data.publishedNote } : {}),
      // Signed although the 成文日期 did not fit: what the approver was told in the confirmation.
      ...(dateIssue ? { documentDateWarning: dateIssue.message } : {}),
    },
  });
  // The people the step hands the report to learn of it (in the app, and by e-mail where SMTP is set up).
  await notifyTransition({ db, user, report: { id: reportId, agencyId: row.agencyId, title: row.title }, transition: rule.name, note: data.note });
  return { status: rule.to, revision };
}

function findAllowedRule(transition: TransitionReport["transition"], status: ReportStatus, user: SessionUser, label: string) {
  const rule = findTransition(transition, status);
  if (!rule) throw new ReportError("INVALID_STATE", "transition not allowed", { userMessage: `报告当前为“${statusLabel(status)}”，不能${label}` });
  if (!can(user.roles, rule.permission)) throw new ForbiddenError(`只有${rolesAllowedTo(rule.permission)}可以${label}`);
  return rule;
}

interface RunTransitionOptions {
  db: Database;
  user: SessionUser;
  reportId: string;
  data: ReturnType<typeof transitionReportSchema.parse>;
  label: string;
  now: Date;
  found: Awaited<ReturnType<typeof getReport>>;
}

/** The step itself, while live editing is held: flush, checks on the fresh row, the new status and revision. */
async function runTransition({ db, user, reportId, data, label, now, found }: RunTransitionOptions) {
  const row = (await flushLiveReport(found.id)) ? await getReport({ db, user, reportId }) : found;
  const rule = findAllowedRule(data.transition, row.status, user, label);

  const needsFindings = rule.name === "submit" || rule.name === "approve" || rule.name === "signoff";
  const errorCount = needsFindings ? (await findErrorFindings({ db, user, row })).length : 0;
  const unresolved = await countUnresolvedThreads(db, reportId);
  // Nobody edits a signed report, so no suggestion (修订) may be left open when it is signed (the same rule the buttons show).
  const suggestionCount = listSuggestions(reportSchema.parse(row.content)).length;
  const blocker = transitionBlocker(rule.name, { errorCount, unresolvedCount: unresolved.total, suggestionCount });
  if (blocker) throw new ReportError("INVALID_STATE", `blocked: ${rule.name}`, { userMessage: blocker });
  // The drafter must learn why: a return always carries its reason, shown to them as a banner.
  if (rule.name === "return" && !data.note.trim())
    throw new ReportError("INVALID_INPUT", "return without a reason", { userMessage: "退回修改时请填写退回意见" });
  if (rule.name === "reopen" && !data.note) throw new ReportError("INVALID_INPUT", "reopen without reason", { userMessage: "请填写新修订的原因" });
  const dateIssue = rule.name === "signoff" ? await findDocumentDateIssue(db, reportId, row.content.meta.date, now) : undefined;
  // A future 成文日期 is refused; one earlier than the approval was shown in the confirmation and is kept in the audit.
  if (dateIssue?.isBlocking) throw new ReportError("INVALID_STATE", "blocked: document date", { userMessage: `${dateIssue.message}，请退回修改后再签发` });
  if (rule.name === "publish")
    assertPublication(data.publishedOn, data.publishedNote, now, (await findLatestRevisionWithStatus(db, reportId, "signed"))?.createdAt);

  const revision = row.revision + 1;
  const note = data.note ? `${label}：${data.note}` : label;
  await db.transaction(async (tx) => {
    const publication =
      rule.name === "publish"
        ? { publishedAt: beijingMidnight(data.publishedOn), publishedNote: data.publishedNote }
        : rule.name === "reopen"
          ? { publishedAt: null, publishedNote: null }
          : {};
    const updated = await tx
      .update(tables.reports)
      .set({ status: rule.to, revision, updatedAt: now, updatedBy: user.id, ...publication })
      .where(and(eq(tables.reports.id, reportId), eq(tables.reports.revision, row.revision)))
      .returning({ id: tables.reports.id });
    if (updated.length === 0) throw new ReportError("CONFLICT", "changed meanwhile", { userMessage: "报告刚被修改，请刷新后再操作" });
    await tx.insert(tables.reportRevisions).values({ reportId, revision, status: rule.to, content: row.content, createdBy: user.id, note, createdAt: now });
    if (rule.name === "return" && data.note) {
      const [thread] = await tx.insert(tables.commentThreads).values({ reportId, createdBy: user.id }).returning({ id: tables.commentThreads.id });
      await tx.insert(tables.comments).values({ threadId: thread!.id, authorId: user.id, body: `退回意见：${data.note}` });
    }
  });
  return { rule, row, revision, dateIssue };
}

/** What is wrong with the printed 成文日期 against today and the day the report was approved for signing. */
async function findDocumentDateIssue(db: Database, reportId: string, documentDate: string, now: Date): Promise<DocumentDateIssue | undefined> {
  const approved = await findLatestRevisionWithStatus(db, reportId, "reviewed");
  return documentDateIssue({ documentDate, today: beijingDay(now), approvedOn: approved ? beijingDay(approved.createdAt) : undefined });
}

function assertPublication(publishedOn: string, publishedNote: string, now: Date, signedAt: Date | undefined): void {
  if (!publishedOn) throw new ReportError("INVALID_INPUT", "missing date", { userMessage: "请填写公开日期" });
  if (!publishedNote) throw new ReportError("INVALID_INPUT", "missing link", { userMessage: "请填写公开网址或公开方式说明" });
  const date = beijingMidnight(publishedOn);
  if (Number.isNaN(date.getTime())) throw new ReportError("INVALID_INPUT", "bad date", { userMessage: "公开日期无效" });
  if (date.getTime() > now.getTime()) throw new ReportError("INVALID_INPUT", "future date", { userMessage: "公开日期不能晚于今天" });
  // Both are calendar days in Beijing time: a report signed on 3月8日 may be published that same day.
  if (signedAt && publishedOn < beijingDay(signedAt)) {
    throw new ReportError("INVALID_INPUT", "published before signed", { userMessage: `公开日期不能早于签发日期（${formatDate(signedAt)}）` });
  }
}
