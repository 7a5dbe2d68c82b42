import { eq } from "drizzle-orm";

import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { env } from "@/lib/env";
import { flushLiveReport } from "@/lib/collab/yjs/flush-live-report";
import { NotFoundError, ReportError } from "@/lib/errors";
import { DEFAULT_EXPORT_OPTIONS, ExportError, exportFileName, type ExportOptions } from "@/lib/export/options";
import type { ExportCommentThread } from "@/lib/export/docx/track-changes-comments";
import { acceptedView, isSignedStatus, listSuggestions, reportSchema, resolveDocumentFrame, type Report } from "@/lib/report-model";
import { JobFailure, remoteErrorOf, runJob } from "@/lib/jobs";
import { findReportForSupervisor } from "@/lib/supervision";
import { findTemplate } from "@/templates";

import { findReport } from "./get-report";

export interface ExportReportOptions {
  db: Database;
  user: SessionUser;
  reportId: string;
  format: "docx" | "pdf";
  /** Export without the 草稿 mark; only for signed-off or published reports. */
  isFinal?: boolean;
  /**
   * The public version of the report (personal data hidden) to print instead of the stored text, for the
   * publication package. Recorded in the audit entry.
   */
  publicContent?: Report;
  /** Open comment threads to print as Word comments (DOCX only; the review export, export-review-docx.ts). */
  comments?: ExportCommentThread[];
}

export interface ExportedFile {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
  warnings: string[];
}

export async function exportReport({ db, user, reportId, format, isFinal, publicContent, comments }: ExportReportOptions): Promise<ExportedFile> {
  // A supervising agency (依法治X办) may also export the reports of the agencies under it.
  const find = async () => (await findReport({ db, user, reportId })) ?? (await findReportForSupervisor({ db, user, reportId }));
  const found = await find();
  if (!found) throw new NotFoundError("报告");
  // What colleagues typed live and the server acknowledged is in the file, not only what was last written back.
  const row = (await flushLiveReport(found.id)) ? ((await find()) ?? found) : found;
  const content = publicContent ? reportSchema.parse(publicContent) : reportSchema.parse(row.content);
  if (isFinal && !isSignedStatus(row.status)) {
    throw new ReportError("INVALID_STATE", "not approved", { userMessage: "报告签发后才能导出正式版，当前导出为草稿" });
  }
  const [agency] = await db.select().from(tables.agencies).where(eq(tables.agencies.id, row.agencyId));
  const template = findTemplate(content.templateId) ?? undefined;
  // Open suggestions (修订) are never printed silently: the draft mark and the answer's warnings say how many and how.
  const openSuggestions = listSuggestions(content).length;
  const isDraft = !isSignedStatus(row.status);
  const options: ExportOptions & { template?: typeof template } = {
    ...DEFAULT_EXPORT_OPTIONS,
    isDraft,
    ...(isDraft && openSuggestions > 0 ? { draftNote: `含${openSuggestions}处未处理修订` } : {}),
    fontProfile: agency?.settings.fontProfile ?? DEFAULT_EXPORT_OPTIONS.fontProfile,
    isHeadingBold: template?.layout.isHeadingBold ?? false,
    pageNumberPosition: template?.layout.pageNumberPosition ?? "outside",
    // 版头/版记: the report's own choices over the agency profile's defaults.
    frame: resolveDocumentFrame(agency?.settings.frame, content.frame),
    // The review DOCX writes the report's own suggestions on the 版头 (签发人) as tracked changes.
    acceptedFrame: resolveDocumentFrame(agency?.settings.frame, acceptedView(content).frame),
    template,
  };
  let file: ExportedFile;
  if (format === "docx") {
    // GB/T 9704: the 版记 on an even page. Where it lands is laid out by the PDF engine, which breaks pages as the DOCX does.
    const { placeImprintForDocx } = await import("@/lib/export/pdf");
    const placed = await placeImprintForDocx(content, { ...options, timeoutMs: env.PDF_TIMEOUT_MS, owner: user.id });
    const docxOptions = {
      ...options,
      ...(placed.imprintPlacement ? { imprintPlacement: placed.imprintPlacement } : {}),
      // GB/T 9704 7.3.5: the last page set tighter, as the PDF, when the 署名 would stand alone.
      ...(placed.signatureFit ? { signatureFit: placed.signatureFit } : {}),
    };
    file = {
      bytes: await exportDocxInWorker(user, content, comments ? { ...docxOptions, comments } : docxOptions),
      fileName: exportFileName(content.meta.agency, content.meta.year, "docx"),
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      warnings: [...suggestionWarnings(openSuggestions, "docx"), ...placed.warnings],
    };
  } else {
    const { exportReportPdf } = await import("@/lib/export/pdf");
    // A PDF prints the text as it will be: suggestions (修订) accepted; only the review DOCX carries them as tracked changes.
    const accepted = acceptedView(content);
    // The report's own 版头/版记 as accepted too (a suggested 签发人, 印发机关 …), over the agency profile's.
    const frame = resolveDocumentFrame(agency?.settings.frame, accepted.frame);
    const result = await exportReportPdf(accepted, { ...options, frame, timeoutMs: env.PDF_TIMEOUT_MS, owner: user.id });
    file = {
      bytes: result.bytes,
      fileName: exportFileName(content.meta.agency, content.meta.year, "pdf"),
      contentType: "application/pdf",
      warnings: [
        ...suggestionWarnings(openSuggestions, "pdf"),
        ...result.warnings,
        ...result.fontSubstitutions.map((s) => `${s.role}：${s.requested} → ${s.used}`),
      ],
    };
  }
  await recordAuditEvent({
    db,
    action: "report.export",
    user,
    targetId: reportId,
    detail: {
      format,
      isDraft: options.isDraft,
      revision: row.revision,
      reportAgencyId: row.agencyId,
      ...(openSuggestions > 0 ? { openSuggestions } : {}),
      ...(publicContent ? { publicVersion: true } : {}),
    },
  });
  return file;
}

/** What the file does with the suggestions nobody has accepted or rejected yet, said first among the warnings. */
function suggestionWarnings(count: number, format: "docx" | "pdf"): string[] {
  if (count === 0) return [];
  return [
    format === "pdf"
      ? `报告含${count}处未处理修订，PDF按全部接受排版，并在草稿标记中注明；处理修订后再导出的才是定稿文本`
      : `报告含${count}处未处理修订，DOCX中以修订（插入、删除）保留，并在草稿标记中注明`,
  ];
}

/** The DOCX is built in the worker process: a hostile report can exhaust only that process. */
async function exportDocxInWorker(user: SessionUser, report: unknown, options: unknown): Promise<Uint8Array> {
  try {
    return await runJob<Uint8Array>(user.id, { kind: "export-docx", report, options });
  } catch (error) {
    if (error instanceof JobFailure)
      throw new ExportError(error.code === "BUSY" ? "BUSY" : error.code === "TIMEOUT" ? "TIMEOUT" : "ENGINE_FAILED", error.message);
    const remote = remoteErrorOf(error);
    if (remote?.name === "ExportError") throw new ExportError((remote.code ?? "ENGINE_FAILED") as ExportError["code"], remote.message);
    throw error;
  }
}
