import type { Report, ReportTemplate } from "@/lib/report-model";

import { buildPrintableReport } from "../layout/build-printable-report";
import type { HeadingRole, PrintableBlock, PrintableBlockKind, PrintableInline, PrintableTable } from "../layout/types";
import { escapeHtml } from "./escape-html";
import { PUBLIC_STYLE } from "./public-style";

export interface PublicHtmlOptions {
  template?: ReportTemplate;
  /** Bold 楷体/仿宋 headings, as the PDF prints them for this template. @default false */
  isHeadingBold?: boolean;
  /** A line under the report, e.g. "发布机关：… 发布日期：…". */
  footerLines?: string[];
}

/** The page's h1 is the title, so the report's numbered levels sit one below it. */
const HEADING_TAGS: Record<HeadingRole, string> = { h1: "h2", h2: "h3", h3: "h4", h4: "h5" };

function inlineHtml(inlines: readonly PrintableInline[]): string {
  return inlines
    .map((inline) => {
      if (inline.kind === "break") return "<br>";
      let html = escapeHtml(inline.text);
      if (inline.isItalic) html = `<em>${html}</em>`;
      if (inline.isBold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join("");
}

function tableHtml(table: PrintableTable): string {
  const caption = table.source === "indicators" ? '<caption class="visually-hidden">主要数据</caption>' : "";
  const rows = table.rows
    .map((row) => {
      const cells = row
        .map((cell) => {
          const tag = cell.isHeader ? "th" : "td";
          const span = `${cell.columnSpan > 1 ? ` colspan="${cell.columnSpan}"` : ""}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ""}`;
          const scope = cell.isHeader ? ' scope="col"' : "";
          const className = cell.isCentered ? ' class="figure"' : "";
          return `<${tag}${scope}${span}${className}>${cell.blocks.map(blockHtml).join("")}</${tag}>`;
        })
        .join("");
      return `<tr>${cells}</tr>`;
    })
    .join("\n");
  return `<div class="table-wrap"><table>${caption}\n${rows}\n</table></div>`;
}

type BlockOf<K extends PrintableBlockKind> = Extract<PrintableBlock, { kind: K }>;

/** Every printable block has an HTML form; a new kind without one is a compile error, never a silent drop. */
const BLOCK_HTML: { [K in PrintableBlockKind]: (block: BlockOf<K>) => string } = {
  docNumber: (block) => `<p class="doc-number">${escapeHtml(block.text)}</p>`,
  title: (block) => `<h1>${block.lines.map((line) => `<span>${escapeHtml(line)}</span>`).join("")}</h1>`,
  blank: () => `<div class="blank" aria-hidden="true"></div>`,
  mainRecipient: (block) => `<p class="main-recipient">${escapeHtml(block.text)}</p>`,
  heading: (block) => {
    const tag = HEADING_TAGS[block.role];
    return `<${tag}>${escapeHtml(block.prefix + block.text)}</${tag}>`;
  },
  paragraph: (block) => {
    const indent = block.indentLevel > 0 ? ` class="indent-${Math.min(block.indentLevel, 3)}"` : "";
    return `<p${indent}>${escapeHtml(block.prefix)}${inlineHtml(block.inlines)}</p>`;
  },
  runIn: (block) => `<p><span class="run-in">${escapeHtml(block.prefix + block.heading)}</span>${inlineHtml(block.inlines)}</p>`,
  table: (block) => tableHtml(block),
  signature: (block) => `<p class="closing" style="width:${block.startFromRightChars}em">${escapeHtml(block.text)}</p>`,
  date: (block) => `<p class="closing" style="width:${block.startFromRightChars}em">${escapeHtml(block.text)}</p>`,
  copyTo: (block) => `<p class="copy-to">${escapeHtml(block.text)}</p>`,
  attachment: (block) => `<p class="attachment">${escapeHtml(block.label + block.text)}</p>`,
};

function blockHtml(block: PrintableBlock): string {
  const render = BLOCK_HTML[block.kind] as ((value: PrintableBlock) => string) | undefined;
  if (!render) throw new Error(`公开版本无法呈现“${block.kind}”类型的内容`);
  return render(block);
}

/**
 * The public version of a report as one standalone HTML page: zh-CN, semantic headings, no script and no outside
 * resource (fonts are named, never fetched), readable on a phone, printing like the PDF.
 */
export function renderPublicHtml(report: Report, options: PublicHtmlOptions = {}): string {
  const blocks = buildPrintableReport(report, { template: options.template, closing: { latinGapChars: 0 } });
  const title = report.meta.title.trim() || `${report.meta.agency}${report.meta.year}年法治政府建设情况报告`;
  const body = blocks.map(blockHtml).join("\n");
  const footer = (options.footerLines ?? []).map((line) => `<p>${escapeHtml(line)}</p>`).join("");
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="年报 Nianbao">
<title>${escapeHtml(title)}</title>
<style>${PUBLIC_STYLE}.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }</style>
</head>
<body>
<main class="page${options.isHeadingBold ? " bold-headings" : ""}">
<article>
${body}
</article>
${footer ? `<footer>${footer}</footer>` : ""}
</main>
</body>
</html>
`;
}
