import type { Report } from "@/lib/report-model";

import { ExportError } from "../options";
import { prepareTypstInput, type PdfExportOptions } from "./prepare-typst-input";
import { runTypst } from "./typst-engine";

/** The pages report.typ records (`<signature-page>`): where the text ends and where the 署名 and 成文日期 stand. */
export interface SignaturePages {
  text: number | null;
  signature: number | null;
}

/**
 * The warning when the 署名 and 成文日期 stand on a page without text (GB/T 9704 7.3.5: "务使印章与正文同处一面，不得
 * 采取标识'此页无正文'的方法解决"). The export keeps the text's last paragraph of up to 8 lines with them
 * (keptWithSignature); a longer one, or a table or heading ending the text, can still leave them alone, and the
 * official must shorten or lengthen the text: the exporter never changes it. `undefined` when they share a page.
 */
export function signaturePageWarning(pages: SignaturePages): string | undefined {
  if (pages.text === null || pages.signature === null || pages.signature <= pages.text) return undefined;
  return `署名和成文日期单独排在第${pages.signature}页，与正文不在同一页（GB/T 9704 7.3.5 要求印章与正文同处一面）：请增删正文末段的文字，使其与署名同页。`;
}

/** The label report.typ gives the pages (SignaturePages). */
export const SIGNATURE_PAGE_QUERY = "<signature-page>";

/** signaturePageWarning for the values a query of SIGNATURE_PAGE_QUERY returned. */
export function signatureWarningOf(queried: unknown[] | undefined): string | undefined {
  const pages = queried?.[0] as Partial<SignaturePages> | undefined;
  return signaturePageWarning({ text: pages?.text ?? null, signature: pages?.signature ?? null });
}

/**
 * Lays the report out with the PDF engine (the same page breaks as the DOCX in LibreOffice, see compare:pages) and
 * returns the warning above, or none. Throws ExportError as the PDF export does (no fonts, engine failure).
 */
export async function findSignaturePageWarning(report: Report, options: PdfExportOptions): Promise<string | undefined> {
  if (!report.meta.signature.trim() && !report.meta.date.trim()) return undefined;
  const prepared = prepareTypstInput(report, options);
  const response = await runTypst(
    prepared.fontFiles,
    { output: "query", source: prepared.source, inputs: prepared.inputs, query: SIGNATURE_PAGE_QUERY },
    options.timeoutMs,
    options.owner,
  );
  if (response.errors || !response.queried) throw new ExportError("ENGINE_FAILED", `署名页排版失败：${(response.errors ?? ["未返回结果"]).join("；")}`);
  return signatureWarningOf(response.queried);
}
