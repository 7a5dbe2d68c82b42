import type { FontSubstitution } from "@/lib/fonts";
import type { Report } from "@/lib/report-model";

import { ExportError } from "../options";
import { prepareTypstInput, translateTypstWarning, type PdfExportOptions } from "./prepare-typst-input";
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
  const response = await runTypst(prepared.fontFiles, { output: "pdf", source: prepared.source, inputs: prepared.inputs }, options.timeoutMs, options.owner);
  if (response.errors || !response.bytes || response.pageCount === undefined) {
    throw new ExportError("ENGINE_FAILED", `PDF 排版失败：${(response.errors ?? ["未返回结果"]).join("；")}`);
  }
  return {
    bytes: response.bytes,
    warnings: [...prepared.warnings, ...response.warnings.map(translateTypstWarning)],
    fontSubstitutions: prepared.fontSubstitutions,
    pageCount: response.pageCount,
  };
}
