import { recordAuditEvent } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { importReport, importText, isImportError, type ImportResult } from "@/lib/import";
import { rollForwardReport } from "@/lib/reuse";
import { acceptImportSchema, type AcceptImport } from "@/lib/schemas/import";

import { insertReport } from "./create-report";

export interface PreviewImportOptions {
  user: SessionUser;
  /** An uploaded file, or text pasted by the user. */
  source: { bytes: Uint8Array; fileName: string } | { text: string };
  maxBytes: number;
}

/** Reads last year's report for the user to check; nothing is stored until they accept. */
export async function previewImport({ source, maxBytes }: PreviewImportOptions): Promise<ImportResult> {
  try {
    if ("text" in source) return importText(source.text, { maxBytes });
    return await importReport({ ...source, maxBytes });
  } catch (error) {
    if (isImportError(error)) {
      const code = error.code === "TOO_LARGE" || error.code === "ZIP_BOMB" ? "TOO_LARGE" : "INVALID_INPUT";
      throw new ReportError(code, `import failed: ${error.code}`, { userMessage: error.message, cause: error });
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
  const report = mode === "rollforward" ? rollForwardReport(content).report : content;
  const agencyReport = { ...report, meta: { ...report.meta, agency: report.meta.agency || user.agencyName } };
  const result = await insertReport({ db, user, content: agencyReport, source: `import:${mode}` });
  await recordAuditEvent({ db, action: "report.import", user, targetId: result.reportId, detail: { mode, year: agencyReport.meta.year, title: agencyReport.meta.title } });
  return result;
}
