import { readFileSync } from "node:fs";
import { PDF_DIRECTORY } from "./pdf-directory";
import path from "node:path";

import {
  FONT_ROLE_LABELS,
  defaultFontDirectories,
  findMissingGlyphs,
  formatMissingGlyphs,
  resolveFonts,
  type FontDirectories,
  type FontRole,
  type FontSubstitution,
  type ResolvedFont,
} from "@/lib/fonts";
import type { Report, ReportTemplate } from "@/lib/report-model";

import { buildPrintableReport } from "../layout/build-printable-report";
import type { SignatureFit } from "../layout/signature-fit";
import type { PrintableBlock } from "../layout/types";
import { ExportError, type ExportOptions } from "../options";
import { buildTypstData } from "./build-typst-data";

/** `latin-gap` in report.typ, in characters: the space the PDF sets between Chinese and Latin letters or digits. */
export const TYPST_LATIN_GAP_CHARS = 0.21;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface PdfExportOptions extends ExportOptions {
  /** Decides which parts print an indicator table. */
  template?: ReportTemplate;
  /** Without a template: print every part's indicators as a table (as the DOCX option). @default false */
  shouldPrintIndicatorTables?: boolean;
  /** @default FONTS_DIR and `.cache/fonts` */
  fontDirectories?: FontDirectories;
  /** @default 20 000 ms */
  timeoutMs?: number;
  /** Who asked (a user id): bounds how many compiles one person may queue. */
  owner?: string;
}

export interface PreparedTypstInput {
  source: string;
  inputs: Record<string, string>;
  fontFiles: string[];
  warnings: string[];
  fontSubstitutions: FontSubstitution[];
  /** The printable blocks laid out (a SignatureFit counts them). */
  blocks: PrintableBlock[];
}

let templateSource: string | undefined;

function readTemplate(): string {
  templateSource ??= readFileSync(path.join(/*turbopackIgnore: true*/ PDF_DIRECTORY, "report.typ"), "utf8");
  return templateSource;
}

/** Fonts, the template and the report as JSON: everything the compiler needs, plus glyph warnings. */
/** `fit`: the last page set tighter so the 署名 and 成文日期 stand with the text (fitSignature). */
export function prepareTypstInput(report: Report, options: PdfExportOptions, fit?: SignatureFit): PreparedTypstInput {
  const directories = options.fontDirectories ?? defaultFontDirectories();
  const resolution = resolveFonts({ profile: options.fontProfile, ...directories });
  if (resolution.missingRoles.length > 0) {
    const roles = resolution.missingRoles.map((role) => FONT_ROLE_LABELS[role]).join("、");
    throw new ExportError(
      "FONTS_MISSING",
      `缺少 PDF 导出所需的字体：${roles}。请运行 npm run -s cli -- setup-fonts 准备开源替代字体，或把本机构的正版字体放入 ${directories.agencyDirectory}。`,
    );
  }
  const fonts = resolution.fonts as Record<FontRole, ResolvedFont>;
  const blocks = buildPrintableReport(report, {
    template: options.template,
    shouldPrintIndicatorTables: options.shouldPrintIndicatorTables,
    isFinal: !options.isDraft,
    frame: options.frame,
    acceptedFrame: options.acceptedFrame,
    // The 署名 and 成文日期 are placed by their printed width, which includes the template's Chinese–digit gaps.
    closing: { latinGapChars: TYPST_LATIN_GAP_CHARS },
  });
  const { data, textByRole } = buildTypstData(blocks, options, fonts, report.meta.title || "法治政府建设年度报告", fit);
  const warnings = [
    ...resolution.unreadableFiles.map((file) => `字体文件无法读取，未使用：${path.basename(file)}（请检查文件是否完整、是否有读取权限）`),
    ...findMissingGlyphs(textByRole, resolution).map(formatMissingGlyphs),
  ];
  return {
    source: readTemplate(),
    // Typst's JSON reader rejects unpaired surrogates (an engine failure): print them as U+FFFD instead.
    inputs: { data: JSON.stringify(data, (_key, value: unknown) => (typeof value === "string" ? value.replace(LONE_SURROGATE, "\uFFFD") : value)) },
    fontFiles: resolution.files,
    warnings,
    fontSubstitutions: resolution.substitutions,
    blocks,
  };
}

/** Typst warnings in Chinese; an unknown font family means a wrong family name and must never pass silently. */
export function translateTypstWarning(message: string): string {
  const family = /unknown font family: (.+)/.exec(message);
  if (family) return `排版引擎找不到字体“${family[1]}”（unknown font family），已改用其他字体。`;
  return `排版提示：${message}`;
}
