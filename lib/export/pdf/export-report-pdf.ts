import type { FontSubstitution } from "@/lib/fonts";
import type { Report } from "@/lib/report-model";

import type { SignatureFit } from "../layout/signature-fit";
import { ExportError } from "../options";
import { prepareTypstInput, translateTypstWarning, type PdfExportOptions } from "./prepare-typst-input";
import { fitSignature, SIGNATURE_PAGE_QUERY, signatureFitNotice, signatureLayoutOf, signaturePageWarning } from "./signature-page";
import { runTypst } from "./typst-engine";

export interface PdfExportResult {
  bytes: Uint8Array;
  /** Chinese messages: missing glyphs, engine warnings. */
  warnings: string[];
  /** Roles printed with an open substitute instead of the requested font. */
  fontSubstitutions: FontSubstitution[];
  pageCount: number;
  /** The last page set tighter so the 署名 and 成文日期 stand with the text (GB/T 9704 7.3.5), when it was. */
  signatureFit?: SignatureFit;
}

async function compilePdf(report: Report, options: PdfExportOptions, fit?: SignatureFit) {
  const prepared = prepareTypstInput(report, options, fit);
  const response = await runTypst(
    prepared.fontFiles,
    { output: "pdf", source: prepared.source, inputs: prepared.inputs, query: SIGNATURE_PAGE_QUERY },
    options.timeoutMs,
    options.owner,
  );
  if (response.errors || !response.bytes || response.pageCount === undefined) {
    throw new ExportError("ENGINE_FAILED", `PDF 排版失败：${(response.errors ?? ["未返回结果"]).join("；")}`);
  }
  return { prepared, response, bytes: response.bytes, pageCount: response.pageCount };
}

/**
 * The report as a GB/T 9704 PDF with every font embedded and subset. When the 署名 and 成文日期 would stand alone on
 * a page, the last page is set tighter and compiled again (fitSignature); when even that cannot hold them, the
 * export warns (GB/T 9704 7.3.5: told, never fixed by changing the text).
 */
export async function exportReportPdf(report: Report, options: PdfExportOptions): Promise<PdfExportResult> {
  let compiled = await compilePdf(report, options);
  const layout = signatureLayoutOf(compiled.response.queried);
  const { fit, warning } = signaturePageWarning(layout) ? await fitSignature(report, options, layout) : {};
  if (fit) compiled = await compilePdf(report, options, fit);
  const { prepared, response } = compiled;
  const signatureMessages = fit ? [signatureFitNotice(fit)] : warning ? [warning] : [];
  return {
    bytes: compiled.bytes,
    warnings: [...prepared.warnings, ...response.warnings.map(translateTypstWarning), ...signatureMessages],
    fontSubstitutions: prepared.fontSubstitutions,
    pageCount: compiled.pageCount,
    ...(fit ? { signatureFit: fit } : {}),
  };
}
