// The import/export worker process (started by lib/jobs/run-job.ts through tsx): reads untrusted files and
// builds DOCX files away from the server's event loop and heap. One job at a time; killed on any limit.
import { ZodError } from "zod";

import { exportReportDocx, type DocxExportOptions } from "@/lib/export/docx";
import { importReport, importText, ImportError, type ImportResult } from "@/lib/import";
import { findLimitViolation, type Report } from "@/lib/report-model";

import { toRemoteError } from "./child-worker";
import type { JobMessage } from "./job-types";

/** The same report limits as a save: an import the user could not save is refused here, with the reason. */
function withinLimits(result: ImportResult): ImportResult {
  const violation = findLimitViolation(result.report);
  if (violation) throw new ImportError("TOO_LARGE", `导入的内容超出报告的上限：${violation.message}`);
  return result;
}

async function handle(job: JobMessage): Promise<unknown> {
  switch (job.kind) {
    case "import-file":
      return withinLimits(await importReport({ bytes: job.bytes, fileName: job.fileName, maxBytes: job.maxBytes }));
    case "import-text":
      return withinLimits(importText(job.text, { maxBytes: job.maxBytes }));
    case "export-docx":
      return exportReportDocx(job.report as Report, job.options as DocxExportOptions);
  }
}

/** A report over the schema limits comes out of the importer as a ZodError: say so as an import error. */
function asImportError(error: unknown): unknown {
  if (!(error instanceof ZodError)) return error;
  const message = error.issues.find((issue) => issue.code === "custom")?.message;
  return message ? new ImportError("TOO_LARGE", `导入的内容超出报告的上限：${message}`) : new ImportError("CORRUPT", undefined, { cause: error });
}

process.on("message", (message: { id: number; job: JobMessage }) => {
  handle(message.job).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: toRemoteError(message.job.kind === "export-docx" ? error : asImportError(error)) }),
  );
});

// The server went away (even by kill -9): no one is left to answer.
process.on("disconnect", () => process.exit(0));
process.send?.({ ready: true });
