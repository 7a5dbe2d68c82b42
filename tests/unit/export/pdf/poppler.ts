import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { defaultFontDirectories, resolveFonts } from "@/lib/fonts";

/** Whether poppler and the fonts are here; under CI=true their absence fails instead of skipping. */
export function pdfToolsStatus(): { isReady: boolean; reason: string } {
  const hasPoppler = spawnSync("pdfinfo", ["-v"]).error === undefined;
  const missingRoles = resolveFonts({ profile: "gb2312", ...defaultFontDirectories() }).missingRoles;
  if (!hasPoppler) return { isReady: false, reason: "未安装 poppler-utils（pdfinfo/pdffonts/pdftotext）" };
  if (missingRoles.length > 0) return { isReady: false, reason: `缺少字体（${missingRoles.join("、")}），请先运行 npm run -s cli -- setup-fonts` };
  return { isReady: true, reason: "" };
}

export function writeTempPdf(bytes: Uint8Array, name = "report.pdf"): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "nianbao-pdf-")), name);
  writeFileSync(file, bytes);
  return file;
}

export function pdfInfo(file: string): { pageSize: string; pages: number } {
  const output = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return { pageSize: /Page size:\s+(.+)/.exec(output)?.[1]?.trim() ?? "", pages: Number(/Pages:\s+(\d+)/.exec(output)?.[1]) };
}

export interface PdfFontRow {
  name: string;
  isEmbedded: boolean;
  isSubset: boolean;
}

export function pdfFonts(file: string): PdfFontRow[] {
  const lines = execFileSync("pdffonts", [file], { encoding: "utf8" })
    .split("\n")
    .slice(2)
    .filter((line) => line.trim());
  // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object, generation.
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    const flags = columns.slice(-5, -2);
    return { name: columns[0]!, isEmbedded: flags[0] === "yes", isSubset: flags[1] === "yes" };
  });
}

/** Whole text, layout mode. */
export function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

export interface PdfLine {
  text: string;
  /** Baseline y in points from the top of the page. */
  y: number;
  xMin: number;
  xMax: number;
}

/**
 * Lines of one page rebuilt from word boxes (`pdftotext -bbox`): words sharing a baseline form a line.
 * More reliable than -layout, which splits lines where boxed punctuation leaves gaps.
 */
export function pdfPageLines(file: string, page: number): PdfLine[] {
  const html = execFileSync("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), file, "-"], { encoding: "utf8" });
  const lines = new Map<number, Array<{ x0: number; x1: number; text: string }>>();
  for (const match of html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    const y = Number(match[3]);
    const key = [...lines.keys()].find((existing) => Math.abs(existing - y) <= 2) ?? y;
    const words = lines.get(key) ?? [];
    words.push({ x0: Number(match[1]), x1: Number(match[2]), text: decodeEntities(match[4]!) });
    lines.set(key, words);
  }
  return [...lines.entries()]
    .sort(([a], [b]) => a - b)
    .map(([y, words]) => {
      words.sort((a, b) => a.x0 - b.x0);
      return { y, text: words.map((word) => word.text).join(""), xMin: words[0]!.x0, xMax: Math.max(...words.map((word) => word.x1)) };
    });
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Printed width in full-width characters: ASCII (digits, Latin letters) counts half. */
export function widthInChars(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! < 0x7f ? 0.5 : 1;
  return width;
}
