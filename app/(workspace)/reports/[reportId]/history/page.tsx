import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { listSuggestionsWithPlace } from "@/components/editor/suggest/suggestion-place";
import { SuggestionsPanel } from "@/components/editor/suggest/suggestions-panel";
import { getDb } from "@/lib/db";
import { nullWhenMissing } from "@/lib/errors";
import { compareReportRevisions, listRevisions } from "@/lib/history";
import { reportSchema } from "@/lib/report-model";
import { canDecideSuggestions, findReport, trackedImportAccess } from "@/lib/reports";
import { getReportReview } from "@/lib/workflow";

import { resolveSuggestionsAction } from "../suggestion-actions";
import { ReviewPageView } from "./review-page-view";
import { requirePageUser } from "../../../require-page-user";

export const metadata: Metadata = { title: "审核与修订记录" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ reportId: string }>; searchParams: Promise<{ older?: string; newer?: string }> };

export default async function ReportHistoryPage({ params, searchParams }: Props) {
  const user = await requirePageUser("report.history");
  const { reportId } = await params;
  const { older, newer } = await searchParams;
  const db = await getDb();
  const row = await findReport({ db, user, reportId });
  if (!row) notFound();
  // Open suggestions (修订) with author and time; who may decide them depends on the state, as in the editor.
  const suggestions = listSuggestionsWithPlace(reportSchema.parse(row.content));
  const canResolveSuggestions = canDecideSuggestions(user, row.status);
  const [review, revisions] = await Promise.all([getReportReview({ db, user, reportId }), listRevisions({ db, user, reportId })]);
  const comparison = older && newer ? await nullWhenMissing(compareReportRevisions({ db, user, reportId, input: { olderId: older, newerId: newer } })) : null;
  return (
    <main className="mx-auto max-w-6xl space-y-4 px-4 py-6">
      <nav aria-label="面包屑" className="text-sm">
        <Link href={`/reports/${reportId}`} className="text-brand-700 hover:underline">
          ← 返回报告
        </Link>
      </nav>
      {suggestions.length > 0 ? (
        <div className="rounded-md border border-stone-200 bg-white p-4 shadow-sm">
          <SuggestionsPanel reportId={reportId} suggestions={suggestions} canResolve={canResolveSuggestions} onResolve={resolveSuggestionsAction} />
        </div>
      ) : null}
      <ReviewPageView
        reportId={reportId}
        userId={user.id}
        review={review}
        revisions={revisions}
        comparison={comparison}
        trackedImport={trackedImportAccess(user, review.status)}
      />
    </main>
  );
}
