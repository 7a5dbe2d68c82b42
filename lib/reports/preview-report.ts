import { eq } from "drizzle-orm";

import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { acceptedView, isSignedStatus, reportSchema, resolveDocumentFrame, type Report } from "@/lib/report-model";
import { findTemplate } from "@/templates";

import { getReport } from "./get-report";

export interface PreviewReportOptions {
  db: Database;
  user: SessionUser;
  reportId: string;
  /** Unsaved content from the editor; the stored content when absent. */
  content?: Report;
}

/** A4 pages (SVG) in the official layout, the same as the PDF export. */
export async function previewReport({ db, user, reportId, content }: PreviewReportOptions): Promise<{ pages: string[] }> {
  const row = await getReport({ db, user, reportId });
  const report = reportSchema.parse(content ?? row.content);
  const template = findTemplate(report.templateId) ?? undefined;
  const [agency] = await db.select({ settings: tables.agencies.settings }).from(tables.agencies).where(eq(tables.agencies.id, row.agencyId));
  const { renderReportPreview } = await import("@/lib/export/pdf");
  return renderReportPreview(report, {
    ...DEFAULT_EXPORT_OPTIONS,
    owner: user.id,
    isDraft: !isSignedStatus(row.status),
    isHeadingBold: template?.layout.isHeadingBold ?? false,
    pageNumberPosition: template?.layout.pageNumberPosition ?? "outside",
    // The same 版头/版记 as the export: the report's choices over the agency profile's defaults.
    frame: resolveDocumentFrame(agency?.settings.frame, report.frame),
    // …and as it prints with the report's own suggestions on it accepted (a suggested 签发人 shows in colour).
    acceptedFrame: resolveDocumentFrame(agency?.settings.frame, acceptedView(report).frame),
    template,
  });
}
