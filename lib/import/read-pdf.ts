import { createRequire } from "node:module";
import path from "node:path";

import { ImportError } from "./errors";
import type { SourceBlock } from "./types";

const MAX_PAGES = 500;
/** Fewer visible characters than this in the whole file means there is no text layer (a scan). */
const MIN_TEXT_CHARS = 10;

interface PositionedText {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
}

interface Line extends PositionedText {
  page: number;
}

function pdfjsAssetDirectory(folder: string): string | undefined {
  try {
    const packageJson = createRequire(path.join(process.cwd(), "index.js")).resolve("pdfjs-dist/package.json");
    return path.join(path.dirname(packageJson), folder) + path.sep;
  } catch {
    return undefined;
  }
}

/** Text of a PDF's text layer as paragraphs (lines rejoined by position), separated by blank blocks. */
export async function readPdf(bytes: Uint8Array): Promise<SourceBlock[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
    cMapUrl: pdfjsAssetDirectory("cmaps"),
    cMapPacked: true,
    standardFontDataUrl: pdfjsAssetDirectory("standard_fonts"),
  });
  let lines: Line[] = [];
  try {
    const document = await task.promise;
    for (let pageNumber = 1; pageNumber <= Math.min(document.numPages, MAX_PAGES); pageNumber += 1) {
      const page = await document.getPage(pageNumber);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const item of content.items) {
        if (!("str" in item) || !item.str) continue;
        const size = Math.abs(item.transform[3] as number) || Math.abs(item.transform[0] as number) || 10;
        items.push({ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, right: (item.transform[4] as number) + item.width, size });
      }
      lines.push(...groupLines(items).map((line) => ({ ...line, page: pageNumber })));
      page.cleanup();
    }
    await document.destroy();
  } catch (error) {
    if (error instanceof Error && error.name === "PasswordException") throw new ImportError("ENCRYPTED", undefined, { cause: error });
    throw new ImportError("CORRUPT", undefined, { cause: error });
  } finally {
    await task.destroy().catch(() => undefined);
  }
  lines = lines.filter((line) => !/^[-—–]?\s*\d{1,4}\s*[-—–]?$/.test(line.text));
  const visible = lines.reduce((count, line) => count + line.text.replace(/\s/g, "").length, 0);
  if (visible < MIN_TEXT_CHARS) throw new ImportError("NO_TEXT_LAYER");
  return toParagraphs(lines);
}

/** Items on one baseline (within a third of the font size) form a line, left to right. */
function groupLines(items: PositionedText[]): PositionedText[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PositionedText[] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - item.y) <= item.size / 3) {
      last.text += item.x - last.right > item.size * 0.8 ? " " + item.text : item.text;
      last.right = Math.max(last.right, item.right);
      last.x = Math.min(last.x, item.x);
    } else lines.push({ ...item });
  }
  return lines.map((line) => ({ ...line, text: tidy(line.text) })).filter((line) => line.text);
}

/** Spaces a PDF puts between Chinese and digits or Latin letters, which a Chinese text never has. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/(\p{Script=Han}|[，。、；：“”（）])\s+(?=[\p{Script=Han}\dA-Za-z，。、；：“”（）])/gu, "$1")
    .replace(/([\dA-Za-z])\s+(?=\p{Script=Han})/gu, "$1")
    .trim();
}

/** A new paragraph starts after a short line, at an indented line, or after a wide vertical gap. */
function toParagraphs(lines: Line[]): SourceBlock[] {
  const left = Math.min(...lines.map((line) => line.x));
  const right = Math.max(...lines.map((line) => line.right));
  const blocks: SourceBlock[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    const isIndented = line.x - left > line.size * 1.2;
    const isAfterShort = !!previous && right - previous.right > previous.size * 1.5;
    const isAfterGap = !!previous && previous.page === line.page && previous.y - line.y > line.size * 2.2;
    const isCentered = Math.abs(line.x - left - (right - line.right)) < line.size && right - line.right > line.size * 2;
    if (!previous || isIndented || isAfterShort || isAfterGap || isCentered) {
      if (blocks.length > 0) blocks.push({ text: "" });
      blocks.push({ text: line.text });
    } else blocks[blocks.length - 1]!.text += line.text;
  });
  return blocks;
}
