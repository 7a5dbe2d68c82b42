import { AssignmentsPanel, CommentsPanel, HistoryPanel, ReportWorkflowBar, ReturnBanner, TrackedDocxPanel } from "@/components/workflow";
import type { RevisionDiff, RevisionSummary } from "@/lib/history";
import { beijingDay } from "@/lib/report-model";
import type { ReportReview } from "@/lib/workflow";

import {
  createAssignmentAction,
  createCommentThreadAction,
  deleteAssignmentAction,
  replyToThreadAction,
  restoreRevisionAction,
  setThreadResolvedAction,
  transitionReportAction,
  updateAssignmentAction,
} from "../workflow-actions";

interface ReviewPageViewProps {
  reportId: string;
  userId: string;
  review: ReportReview;
  revisions: RevisionSummary[];
  comparison: RevisionDiff | null;
  /** May the user import a DOCX changed in 修订模式, and if not, why. */
  trackedImport: { canImport: boolean; reason?: string };
}

export function ReviewPageView({ reportId, userId, review, revisions, comparison, trackedImport }: ReviewPageViewProps) {
  const { report } = review;
  return (
    <>
      <header>
        <h1 className="text-xl font-semibold">{report.title || "（无标题）"}</h1>
        <p className="text-sm text-stone-500">审核流程、意见、分工和修订记录</p>
      </header>
      {review.returnNotice ? <ReturnBanner notice={review.returnNotice} /> : null}
      <ReportWorkflowBar
        reportId={reportId}
        status={review.status}
        transitions={review.transitions}
        onTransition={transitionReportAction}
        publication={report.publishedAt ? { publishedOn: beijingDay(report.publishedAt), note: report.publishedNote ?? "" } : null}
        checks={{ errorCount: review.errorCount, unresolvedCount: review.unresolved.total, suggestionCount: review.suggestionCount }}
        documentDate={{ value: review.documentDate, issue: review.documentDateIssue?.message }}
        signedOn={review.signedOn}
        today={beijingDay(new Date())}
      />
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <HistoryPanel
          reportId={reportId}
          revisions={revisions}
          basePath={`/reports/${reportId}/history`}
          comparison={comparison}
          canRestore={review.can.restore}
          restoreBlockedReason={review.can.restore ? undefined : review.status === "draft" ? "当前角色不能恢复旧版本" : "只有草稿状态的报告可以恢复旧版本"}
          onRestore={restoreRevisionAction}
        />
        <div className="space-y-4">
          <CommentsPanel
            reportId={reportId}
            threads={review.threads}
            outline={review.outline}
            canComment={review.can.comment}
            onCreate={createCommentThreadAction}
            onReply={replyToThreadAction}
            onSetResolved={setThreadResolvedAction}
          />
          <TrackedDocxPanel reportId={reportId} canImport={trackedImport.canImport} importBlockedReason={trackedImport.reason} />
          <AssignmentsPanel
            reportId={reportId}
            assignments={review.assignments}
            progress={review.progress}
            outline={review.outline}
            assignableUsers={review.assignableUsers}
            canAssign={review.can.assign}
            currentUserId={userId}
            onCreate={createAssignmentAction}
            onUpdate={updateAssignmentAction}
            onDelete={deleteAssignmentAction}
          />
        </div>
      </div>
    </>
  );
}
