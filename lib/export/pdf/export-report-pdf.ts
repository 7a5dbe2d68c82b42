import type { FontSubstitution } from "@/lib/fonts";
import type { Report } from "@/lib/report-model";

import { ExportError } from "../options";
import { prepareTypstInput, translateTypstWarning, type PdfExportOptions } from "./prepare-typst-input";
import { SIGNATURE_PAGE_QUERY, signatureWarningOf } from "./signature-page";
import { runTypst } from "./typst-engine";

export interface PdfExportResult {
  bytes: Uint8Array;
  /** Chinese messages: missing glyphs, engine warnings. */
  warnings: string[];
  /** Roles printed with an open substitute instead of the requested font. */
  fontSubstitutions: FontSubstitution[];
  pageCount: number;
}

/** The report as a GB/T 9704 PDF with every font embedded and subset. */
export async function exportReportPdf(report: Report, options: PdfExportOptions): Promise<PdfExportResult> {
  const prepared = prepareTypstInput(report, options);
  const response = await runTypst(
    prepared.fontFiles,
    { output: "pdf", source: prepared.source, inputs: prepared.inputs, query: SIGNATURE_PAGE_QUERY },
    options.timeoutMs,
    options.owner,
  );
  if (response.errors || !response.bytes || response.pageCount === undefined) {
    throw new ExportError("ENGINE_FAILED", `PDF 排版失败：${(response.errors ?? ["未返回结果"]).join("；")}`);
  }
  // The 署名 and 成文日期 alone on a page (GB/T 9704 7.3.5): told, never fixed by changing the text.
  const signatureWarning = signatureWarningOf(response.queried);
  return {
    bytes: response.bytes,
    warnings: [...prepared.warnings, ...response.warnings.map(translateTypstWarning), ...(signatureWarning ? [signatureWarning] : [])],
    fontSubstitutions: prepared.fontSubstitutions,
    pageCount: response.pageCount,
  };
}
