import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { SuggestModeBanner } from "@/components/editor/suggest/suggest-banner";
import { SuggestModeProvider } from "@/components/editor/suggest/suggest-context";
import { listSuggestionsWithPlace } from "@/components/editor/suggest/suggestion-place";
import { SuggestionsPanel } from "@/components/editor/suggest/suggestions-panel";
import { ReportWorkspace } from "@/components/report/report-workspace";
import { validateForEditor } from "@/components/report/validation/editor-validation";
// Straight from their modules: the workflow barrel would bring the review page's panels into this page's JavaScript.
import { CommentsPanel } from "@/components/workflow/comments-panel";
import { ReturnBanner } from "@/components/workflow/return-banner";
import { getAgencyProfile } from "@/lib/admin";
import { requireUser } from "@/lib/auth";
import { flushLiveReport } from "@/lib/collab/yjs/flush-live-report";
import { getDb } from "@/lib/db";
import { can } from "@/lib/permissions";
import { reportSchema, type ReportStatus } from "@/lib/report-model";
import { canDecideSuggestions, canSuggest, EDITABLE_STATUSES, findDisplayName, findPreviousReport, findReport } from "@/lib/reports";
import { getReportReview } from "@/lib/workflow";
import { resolveReportTemplate } from "@/templates";

import { submitReportAction } from "./actions";
import { resolveSuggestionsAction } from "./suggestion-actions";
import { createCommentThreadAction, replyToThreadAction, setThreadResolvedAction } from "./workflow-actions";

export const metadata: Metadata = { title: "起草报告" };
export const dynamic = "force-dynamic";

export default async function ReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const user = await requireUser("report.read");
  const { reportId } = await params;
  const db = await getDb();
  const found = await findReport({ db, user, reportId });
  if (!found) notFound();
  // The bodies are first drawn from the stored report: live co-edited text not yet written back goes in first.
  const row = (await flushLiveReport(found.id)) ? ((await findReport({ db, user, reportId })) ?? found) : found;
  const content = reportSchema.parse(row.content);
  const previous = await findPreviousReport({ db, user, year: row.year });
  const { template, notice: templateNotice } = resolveReportTemplate(content.templateId, user.agencyLevel);
  const isEditable = (EDITABLE_STATUSES as readonly string[]).includes(row.status);
  const review = await getReportReview({ db, user, reportId: row.id });
  // 修订模式: the reviewer in review, the approver before sign-off; their typing in the bodies becomes suggestions.
  const suggestAuthor = canSuggest(user, row.status) ? { id: user.id, name: user.displayName } : null;
  const canResolveSuggestions = canDecideSuggestions(user, row.status);
  const openComments = review.unresolved.total;
  const previousContent = previous ? reportSchema.parse(previous.content) : null;
  // The report belongs to the user's agency (findReport): its 版头/版记 defaults are the frame form's placeholders.
  const { frame: agencyFrame } = await getAgencyProfile({ db, user });
  // canSubmit is the role's: the button names the state (待审核, 已签发 …) as the reason, or is not shown at all.
  const permissions = { canEdit: isEditable && can(user.roles, "report.edit"), canSubmit: can(user.roles, "report.submit") };
  return (
    <>
      {review.returnNotice ? <ReturnBanner notice={review.returnNotice} /> : null}
      {templateNotice ? (
        <p role="alert" className="mx-auto max-w-6xl px-4 pt-3 text-sm text-amber-800">
          {templateNotice}
        </p>
      ) : null}
      {suggestAuthor ? <SuggestModeBanner /> : null}
      <SuggestModeProvider author={suggestAuthor}>
        <ReportWorkspace
          reportId={row.id}
          initial={{
            content,
            revision: row.revision,
            status: row.status as ReportStatus,
            updatedAt: row.updatedAt.toISOString(),
            updatedBy: await findDisplayName(db, row.updatedBy),
          }}
          template={template}
          previousReport={previousContent}
          initialValidation={validateForEditor(content, { template, previous: previousContent })}
          agencyFrame={agencyFrame}
          permissions={permissions}
          submitAction={submitReportAction}
          sidebarExtra={
            <>
              <SuggestionsPanel
                reportId={row.id}
                suggestions={listSuggestionsWithPlace(content)}
                canResolve={canResolveSuggestions}
                onResolve={resolveSuggestionsAction}
              />
              <CommentsPanel
                reportId={row.id}
                threads={review.threads}
                outline={review.outline}
                canComment={review.can.comment}
                onCreate={createCommentThreadAction}
                onReply={replyToThreadAction}
                onSetResolved={setThreadResolvedAction}
              />
            </>
          }
          reviewLink={{ href: `/reports/${row.id}/history`, label: openComments > 0 ? `审核与修订（${openComments}条意见）` : "审核与修订" }}
        />
      </SuggestModeProvider>
    </>
  );
}
