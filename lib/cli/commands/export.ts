import { stat, writeFile } from "node:fs/promises";
import path from "node:path";

import { ExportError, type ExportOptions, type FontProfile } from "@/lib/export/options";
import { exportReportPdf, placeImprintForDocx, stopTypstEngine } from "@/lib/export/pdf";
import { FONT_ROLE_LABELS } from "@/lib/fonts";
import { acceptedView } from "@/lib/report-model";
import { findTemplate } from "@/templates";

import { readReportFile } from "../read-report-file";
import { CliInputError, parseArgs, type CliCommand } from "../types";

const FORMATS = ["docx", "pdf"] as const;
const FONT_PROFILES: FontProfile[] = ["gb2312", "windows"];
const PAGE_NUMBER_POSITIONS: Array<ExportOptions["pageNumberPosition"]> = ["outside", "center"];

function pickValue<T extends string>(value: string | true | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (value === true || !allowed.includes(value as T)) throw new CliInputError(`${flag} 的取值应为 ${allowed.join(" 或 ")}`);
  return value as T;
}

function pickFormat(value: string | true | undefined, output: string): (typeof FORMATS)[number] {
  const format = pickValue(value, FORMATS, "--format");
  if (format) return format;
  const fromName = path.extname(output).slice(1).toLowerCase();
  if ((FORMATS as readonly string[]).includes(fromName)) return fromName as (typeof FORMATS)[number];
  throw new CliInputError("请用 --format docx 或 --format pdf 指定导出格式");
}

function stringOption(value: string | true | undefined): string {
  return typeof value === "string" ? value.trim() : "";
}

function isoDateOption(value: string | true | undefined): string {
  const text = stringOption(value);
  if (text && !/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new CliInputError("--imprint-date 的格式应为 YYYY-MM-DD，例如 2026-02-12");
  return text;
}

const exportCommand: CliCommand = {
  async run(args, io) {
    const { positionals, options } = parseArgs(args, {
      strings: ["output", "format", "font-profile", "page-number", "agency-mark", "signer", "attachments", "imprint-agency", "imprint-date"],
      booleans: ["final", "bold-headings", "sealed"],
      missingValue: { output: "请用 -o 指定输出文件，例如：-o 报告.pdf" },
    });
    const [input, ...extra] = positionals;
    if (!input) throw new CliInputError("请指定要导出的报告文件，例如：export 2024.nianbao.json --format pdf -o 报告.pdf");
    if (extra.length > 0) throw new CliInputError(`多余的参数：${extra.join(" ")}`);
    const output = options.output;
    if (typeof output !== "string" || !output) throw new CliInputError("请用 -o 指定输出文件，例如：-o 报告.pdf");
    const format = pickFormat(options.format, output);
    const fontProfile = pickValue(options["font-profile"], FONT_PROFILES, "--font-profile") ?? "gb2312";
    const pageNumber = pickValue(options["page-number"], PAGE_NUMBER_POSITIONS, "--page-number");
    const directory = await stat(path.dirname(path.resolve(output))).catch(() => undefined);
    if (!directory?.isDirectory()) throw new CliInputError(`输出目录不存在：${path.dirname(output)}`);

    const report = await readReportFile(input);
    const template = findTemplate(report.templateId) ?? undefined;
    const exportOptions: ExportOptions = {
      isDraft: options.final !== true,
      fontProfile,
      isHeadingBold: options["bold-headings"] === true || (template?.layout.isHeadingBold ?? false),
      pageNumberPosition: pageNumber ?? template?.layout.pageNumberPosition ?? "outside",
      frame: {
        agencyMark: stringOption(options["agency-mark"]),
        signer: stringOption(options.signer),
        // 附件 names separated by "；" (or ";").
        attachments: stringOption(options.attachments)
          .split(/[；;]/)
          .map((name) => name.trim())
          .filter(Boolean),
        isSealed: options.sealed === true,
        imprintAgency: stringOption(options["imprint-agency"]),
        imprintDate: isoDateOption(options["imprint-date"]),
      },
    };
    try {
      if (format === "docx") {
        // GB/T 9704: the 版记 on an even page, where the PDF engine's layout puts it.
        const placed = await placeImprintForDocx(report, { ...exportOptions, template });
        for (const warning of placed.warnings) io.stderr(`警告：${warning}`);
        // The docx library (and the font subsetter) load only for a DOCX: a PDF export does not pay for them.
        const { exportReportDocx } = await import("@/lib/export/docx");
        await writeFile(
          output,
          await exportReportDocx(report, { ...exportOptions, template, imprintPlacement: placed.imprintPlacement, signatureFit: placed.signatureFit }),
        );
        io.stdout(`已导出 DOCX：${output}`);
        return 0;
      }
      // A PDF prints the text as it will be: suggestions (修订) accepted, as the app's export (only a DOCX carries them).
      const result = await exportReportPdf(acceptedView(report), { ...exportOptions, template });
      await writeFile(output, result.bytes);
      for (const { role, requested, used } of result.fontSubstitutions)
        io.stderr(`字体替代：${FONT_ROLE_LABELS[role]}需要“${requested}”，本机没有，已使用开源字体“${used}”。`);
      for (const warning of result.warnings) io.stderr(`警告：${warning}`);
      io.stdout(`已导出 PDF（${result.pageCount} 页）：${output}`);
      return 0;
    } catch (error) {
      if (!(error instanceof ExportError)) throw error;
      io.stderr(`错误：${error.message}`);
      return 1;
    } finally {
      await stopTypstEngine();
    }
  },
};

export default exportCommand;
