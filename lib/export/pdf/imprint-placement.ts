import type { Report } from "@/lib/report-model";

import type { ImprintPlacement } from "../layout/imprint-placement";
import type { SignatureFit } from "../layout/signature-fit";
import { ExportError } from "../options";
import { prepareTypstInput, type PdfExportOptions } from "./prepare-typst-input";
import { fitSignature, signatureFitNotice } from "./signature-page";
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
 * the report prints no 版记. `fit`: the last page set tighter (fitSignature), as the DOCX will set it.
 * Throws ExportError as the PDF export does (no fonts, engine failure).
 */
export async function findImprintPlacement(report: Report, options: PdfExportOptions, fit?: SignatureFit): Promise<ImprintPlacement | undefined> {
  if (!report.meta.copyTo.trim() && !options.frame?.imprintAgency?.trim()) return undefined;
  const prepared = prepareTypstInput(report, options, fit);
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

/** What a DOCX export needs from the PDF engine's layout: the 版记's page, a tighter last page, what to tell. */
export interface DocxPlacement {
  imprintPlacement?: ImprintPlacement;
  signatureFit?: SignatureFit;
  warnings: string[];
}

/**
 * The layout facts for a DOCX export. First whether the 署名 and 成文日期 would stand alone on a page (GB/T 9704
 * 7.3.5): then the last page is set tighter (fitSignature), or, when even that cannot hold them, the warning says so;
 * then where the 版记 lands on that layout. When the PDF engine cannot lay the report out (no fonts, busy, failed),
 * the DOCX keeps the 版记 at the foot of the body's last page and the warning says so, so the official checks it.
 */
export async function placeImprintForDocx(report: Report, options: PdfExportOptions): Promise<DocxPlacement> {
  let fitted: Awaited<ReturnType<typeof fitSignature>> = {};
  try {
    fitted = await fitSignature(report, options);
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
  }
  const warnings = fitted.fit ? [signatureFitNotice(fitted.fit)] : fitted.warning ? [fitted.warning] : [];
  const signatureFit = fitted.fit ? { signatureFit: fitted.fit } : {};
  let imprintPlacement: ImprintPlacement | undefined;
  try {
    imprintPlacement = await findImprintPlacement(report, options, fitted.fit);
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    return {
      ...signatureFit,
      warnings: [...warnings, `未能排版确定版记所在页（${error.message}），版记排在正文末页下端：请核对版记是否位于偶数页，需要时在其前插入空白页。`],
    };
  }
  return { ...(imprintPlacement ? { imprintPlacement } : {}), ...signatureFit, warnings };
}
