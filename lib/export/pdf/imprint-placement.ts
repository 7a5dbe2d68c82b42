import type { Report } from "@/lib/report-model";

import type { ImprintPlacement } from "../layout/imprint-placement";
import { ExportError } from "../options";
import { prepareTypstInput, type PdfExportOptions } from "./prepare-typst-input";
import { findSignaturePageWarning } from "./signature-page";
import { runTypst } from "./typst-engine";

/** The pages report.typ records for the 版记 (`<imprint-placement>`). */
export interface ImprintPages {
  /** The page of the body's last line. */
  body: number;
  /** The page the 版记 stands on. */
  imprint: number;
}

/** The placement the pages describe: the 版记 on the body's last page, the next one, or after a blank page. */
export function placementFromPages(pages: ImprintPages): ImprintPlacement {
  const distance = pages.imprint - pages.body;
  if (distance <= 0) return "samePage";
  return distance === 1 ? "nextPage" : "afterBlankPage";
}

/**
 * Lays the report out with the PDF engine (same fonts, same page-break policy as the DOCX, which compare:pages keeps
 * line for line equal) and returns where the 版记 lands, so the DOCX puts it on the same even page. `undefined` when
 * the report prints no 版记. Throws ExportError as the PDF export does (no fonts, engine failure).
 */
export async function findImprintPlacement(report: Report, options: PdfExportOptions): Promise<ImprintPlacement | undefined> {
  if (!report.meta.copyTo.trim() && !options.frame?.imprintAgency?.trim()) return undefined;
  const prepared = prepareTypstInput(report, options);
  const response = await runTypst(
    prepared.fontFiles,
    { output: "query", source: prepared.source, inputs: prepared.inputs, query: "<imprint-placement>" },
    options.timeoutMs,
    options.owner,
  );
  if (response.errors || !response.queried) throw new ExportError("ENGINE_FAILED", `版记排版失败：${(response.errors ?? ["未返回结果"]).join("；")}`);
  const pages = response.queried[0] as Partial<ImprintPages> | undefined;
  if (typeof pages?.body !== "number" || typeof pages.imprint !== "number") return undefined;
  return placementFromPages({ body: pages.body, imprint: pages.imprint });
}

/**
 * findImprintPlacement for a DOCX export. When the PDF engine cannot lay the report out (no fonts, busy, failed),
 * the DOCX keeps the 版记 at the foot of the body's last page and the warning says so, so the official checks it.
 * The same layout tells whether the 署名 and 成文日期 stand alone on a page (GB/T 9704 7.3.5, findSignaturePageWarning);
 * without the engine that advice is left out (the DOCX itself is unaffected).
 */
export async function placeImprintForDocx(report: Report, options: PdfExportOptions): Promise<{ imprintPlacement?: ImprintPlacement; warnings: string[] }> {
  let imprintPlacement: ImprintPlacement | undefined;
  try {
    imprintPlacement = await findImprintPlacement(report, options);
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    return {
      warnings: [`未能排版确定版记所在页（${error.message}），版记排在正文末页下端：请核对版记是否位于偶数页，需要时在其前插入空白页。`],
    };
  }
  const warnings: string[] = [];
  try {
    const signatureWarning = await findSignaturePageWarning(report, options);
    if (signatureWarning) warnings.push(signatureWarning);
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
  }
  return { ...(imprintPlacement ? { imprintPlacement } : {}), warnings };
}
