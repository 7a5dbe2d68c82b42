import type { Report } from "@/lib/report-model";

import { FIT_LINE_PITCHES, fitStarts, type SignatureFit } from "../layout/signature-fit";
import { ExportError } from "../options";
import { prepareTypstInput, type PdfExportOptions } from "./prepare-typst-input";
import { runTypst } from "./typst-engine";

/** The pages report.typ records (`<signature-page>`): where the text ends and where the 署名 and 成文日期 stand. */
export interface SignaturePages {
  text: number | null;
  signature: number | null;
}

/** SignaturePages with the page each block a tighter last page may start at begins on (block index → page). */
export interface SignatureLayout extends SignaturePages {
  starts: Map<number, number>;
}

/**
 * The warning when the 署名 and 成文日期 stand on a page without text (GB/T 9704 7.3.5: "务使印章与正文同处一面，不得
 * 采取标识'此页无正文'的方法解决"). The export keeps the text's last paragraph of up to 8 lines with them
 * (keptWithSignature) and else sets the last page tighter (fitSignature); when even the tightest pitch cannot hold
 * them (a table ends the text, or the text fills the page at 22 pt too), the official must shorten or lengthen the
 * text: the exporter never changes it. `undefined` when they share a page.
 */
export function signaturePageWarning(pages: SignaturePages): string | undefined {
  if (pages.text === null || pages.signature === null || pages.signature <= pages.text) return undefined;
  return `署名和成文日期单独排在第${pages.signature}页，与正文不在同一页（GB/T 9704 7.3.5 要求印章与正文同处一面）：请增删正文末段的文字，使其与署名同页。`;
}

/** What the export tells the official when it set the last page tighter: the text is unchanged, its spacing is not. */
export function signatureFitNotice(fit: SignatureFit): string {
  return `为使署名和成文日期与正文同处一页（GB/T 9704 7.3.5），末页正文的固定行距由 28.95 磅调整为 ${fit.linePitch / 20} 磅，文字未改动。`;
}

/** The label report.typ gives the pages (SignaturePages). */
export const SIGNATURE_PAGE_QUERY = "<signature-page>";

/** The layout a query of SIGNATURE_PAGE_QUERY returned. */
export function signatureLayoutOf(queried: unknown[] | undefined): SignatureLayout {
  const pages = queried?.[0] as (Partial<SignaturePages> & { starts?: unknown }) | undefined;
  const starts = new Map<number, number>();
  if (Array.isArray(pages?.starts))
    for (const entry of pages.starts) if (Array.isArray(entry) && typeof entry[0] === "number" && typeof entry[1] === "number") starts.set(entry[0], entry[1]);
  return { text: pages?.text ?? null, signature: pages?.signature ?? null, starts };
}

/** signaturePageWarning for the values a query of SIGNATURE_PAGE_QUERY returned. */
export function signatureWarningOf(queried: unknown[] | undefined): string | undefined {
  return signaturePageWarning(signatureLayoutOf(queried));
}

/** Lays the report out (with a fit, if given) and returns where its text and 署名 end. */
async function layOut(report: Report, options: PdfExportOptions, fit?: SignatureFit): Promise<SignatureLayout> {
  const prepared = prepareTypstInput(report, options, fit);
  const response = await runTypst(
    prepared.fontFiles,
    { output: "query", source: prepared.source, inputs: prepared.inputs, query: SIGNATURE_PAGE_QUERY },
    options.timeoutMs,
    options.owner,
  );
  if (response.errors || !response.queried) throw new ExportError("ENGINE_FAILED", `署名页排版失败：${(response.errors ?? ["未返回结果"]).join("；")}`);
  return signatureLayoutOf(response.queried);
}

const isAlone = (layout: SignaturePages) => signaturePageWarning(layout) !== undefined;

/**
 * GB/T 9704 7.3.5's remedy, found with the PDF engine (which breaks pages as the DOCX in LibreOffice does, see
 * compare:pages): when the 署名 and 成文日期 would stand alone on a page, the widest of FIT_LINE_PITCHES at which the
 * last page's text, the empty lines and they fit on one page, starting from the blocks that begin on the text's
 * last page (then one block further back, fitStarts). `fit` when one was found, else `warning` (none when they
 * already share a page). `layout`: the report's layout without a fit, when the caller already has it.
 * Throws ExportError as the PDF export does (no fonts, engine failure).
 */
export async function fitSignature(report: Report, options: PdfExportOptions, layout?: SignatureLayout): Promise<{ fit?: SignatureFit; warning?: string }> {
  if (!report.meta.signature.trim() && !report.meta.date.trim()) return {};
  const plain = layout ?? (await layOut(report, options));
  if (!isAlone(plain) || plain.text === null) return {};
  const { blocks } = prepareTypstInput(report, options);
  for (const fromBlock of fitStarts(blocks, plain.starts, plain.text)) {
    // The tightest pitch first: when even it cannot hold them, no wider one can.
    if (isAlone(await layOut(report, options, { fromBlock, linePitch: FIT_LINE_PITCHES.at(-1)! }))) continue;
    for (const linePitch of FIT_LINE_PITCHES) {
      const fit = { fromBlock, linePitch };
      if (linePitch === FIT_LINE_PITCHES.at(-1) || !isAlone(await layOut(report, options, fit))) return { fit };
    }
  }
  return { warning: signaturePageWarning(plain) };
}

/**
 * fitSignature's advice alone: the warning when the 署名 and 成文日期 would stand alone even set tighter, or none.
 * Throws ExportError as the PDF export does (no fonts, engine failure).
 */
export async function findSignaturePageWarning(report: Report, options: PdfExportOptions): Promise<string | undefined> {
  return (await fitSignature(report, options)).warning;
}
