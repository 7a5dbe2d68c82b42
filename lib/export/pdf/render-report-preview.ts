import type { FontSubstitution } from "@/lib/fonts";
import type { Report } from "@/lib/report-model";

import type { SignatureFit } from "../layout/signature-fit";
import { ExportError } from "../options";
import { prepareTypstInput, translateTypstWarning, type PdfExportOptions } from "./prepare-typst-input";
import { fitSignature, SIGNATURE_PAGE_QUERY, signatureLayoutOf, signaturePageWarning } from "./signature-page";
import { splitSvgPages } from "./split-svg-pages";
import { runTypst } from "./typst-engine";

export interface ReportPreview {
  /** One standalone SVG per A4 page, in order (same template and fonts as the PDF). */
  pages: string[];
  warnings: string[];
  fontSubstitutions: FontSubstitution[];
}

async function renderSvg(report: Report, options: PdfExportOptions, fit?: SignatureFit) {
  const prepared = prepareTypstInput(report, options, fit);
  const response = await runTypst(
    prepared.fontFiles,
    { output: "svg", source: prepared.source, inputs: prepared.inputs, query: SIGNATURE_PAGE_QUERY },
    options.timeoutMs,
    options.owner,
  );
  if (response.errors || response.svg === undefined) {
    throw new ExportError("ENGINE_FAILED", `预览排版失败：${(response.errors ?? ["未返回结果"]).join("；")}`);
  }
  return { prepared, response, svg: response.svg };
}

/** The paged A4 preview of the editor: exactly what the PDF will show, as SVG (a tighter last page too). */
export async function renderReportPreview(report: Report, options: PdfExportOptions): Promise<ReportPreview> {
  let rendered = await renderSvg(report, options);
  const layout = signatureLayoutOf(rendered.response.queried);
  const { fit } = signaturePageWarning(layout) ? await fitSignature(report, options, layout) : {};
  if (fit) rendered = await renderSvg(report, options, fit);
  const { prepared, response, svg } = rendered;
  const pages = splitSvgPages(svg);
  if (response.pageCount !== undefined && pages.length !== response.pageCount) {
    throw new ExportError("ENGINE_FAILED", `预览分页失败：应有 ${response.pageCount} 页，实得 ${pages.length} 页`);
  }
  return { pages, warnings: [...prepared.warnings, ...response.warnings.map(translateTypstWarning)], fontSubstitutions: prepared.fontSubstitutions };
}
