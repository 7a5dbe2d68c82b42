import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import type { ImportResult } from "@/lib/import";
import { JobFailure, remoteErrorOf, runJob } from "@/lib/jobs";
import type { JobMessage } from "@/lib/jobs/job-types";
import { addMissingStatutoryParts, findMissingStatutorySections, rollForwardReport } from "@/lib/reuse";
import { acceptImportSchema, type AcceptImport } from "@/lib/schemas/import";
import { recordImportedNumbering } from "@/lib/validation";
import { findTemplate } from "@/templates";

import { insertReport } from "./create-report";

export interface PreviewImportOptions {
  user: SessionUser;
  /** An uploaded file, or text pasted by the user. */
  source: { bytes: Uint8Array; fileName: string } | { text: string };
  maxBytes: number;
  /** The request's signal: the import stops when the client leaves. */
  signal?: AbortSignal;
}

/** Reads last year's report for the user to check; nothing is stored until they accept. */
export async function previewImport({ user, source, maxBytes, signal }: PreviewImportOptions): Promise<ImportResult> {
  if ("text" in source && source.text.length > maxBytes) {
    throw new ReportError("TOO_LARGE", "text too large", { userMessage: `粘贴的文字超过 ${Math.round(maxBytes / 1024 / 1024)} MB 上限，请分段导入。` });
  }
  const job: JobMessage =
    "text" in source ? { kind: "import-text", text: source.text, maxBytes } : { kind: "import-file", bytes: source.bytes, fileName: source.fileName, maxBytes };
  try {
    const result = await runJob<ImportResult>(user.id, job, signal);
    // The file's wrong heading numerals travel with the report, so the editor reports them once it is stored.
    return { ...result, report: recordImportedNumbering(result.report, result.sourceHeadings) };
  } catch (error) {
    if (error instanceof JobFailure) {
      throw new ReportError(error.code === "BUSY" ? "RATE_LIMITED" : "TOO_LARGE", `import ${error.code}`, { userMessage: error.message, cause: error });
    }
    const remote = remoteErrorOf(error);
    if (remote?.name === "ImportError") {
      const code = remote.code === "TOO_LARGE" || remote.code === "ZIP_BOMB" ? "TOO_LARGE" : "INVALID_INPUT";
      throw new ReportError(code, `import failed: ${remote.code}`, { userMessage: remote.message, cause: error });
    }
    throw error;
  }
}

export interface AcceptImportOptions {
  db: Database;
  user: SessionUser;
  input: AcceptImport;
}

/** Stores an accepted import as its own year, or rolls it forward into next year's draft. */
export async function acceptImport({ db, user, input }: AcceptImportOptions): Promise<{ reportId: string }> {
  const { content, mode } = acceptImportSchema.parse(input);
  const template = findTemplate(content.templateId);
  // Both paths add the statutory parts the file lacks, empty, so the report can be submitted once they are filled.
  const addedParts = findMissingStatutorySections(content, template).map((section) => section.kind);
  const rolled = mode === "rollforward" ? rollForwardReport(content, { template }) : undefined;
  const report = rolled ? rolled.report : addMissingStatutoryParts(content, template).report;
  const agencyReport = { ...report, meta: { ...report.meta, agency: report.meta.agency || user.agencyName } };
  // Open suggestions (修订) in a rolled-forward file are not carried (roll-forward.ts says why): the log says how many.
  const dropped = rolled?.stats.droppedSuggestions ?? 0;
  const auditDetail = dropped > 0 ? { droppedSuggestions: dropped } : {};
  const result = await insertReport({ db, user, content: agencyReport, source: `import:${mode}`, auditDetail });
  await recordAuditEvent({
    db,
    action: "report.import",
    user,
    targetId: result.reportId,
    detail: { mode, year: agencyReport.meta.year, title: agencyReport.meta.title, addedParts },
  });
  return result;
}
