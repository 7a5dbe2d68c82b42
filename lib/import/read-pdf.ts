import { createRequire } from "node:module";
import path from "node:path";

import { ImportError } from "./errors";
import type { SourceBlock } from "./types";

/**
 * Bounds the reader keeps by itself, inside whatever process runs it (the job limits outside only kill it).
 * A real annual report is 5–60 pages of at most a few thousand text runs each and reads in well under a
 * second; a hostile file (500 pages sharing one stream of 20,000 text operators) would take minutes.
 * pdf.js extracts text in one uninterrupted chain of promises (no timer fires while it runs), so the checks
 * happen on every chunk of text it hands over, and the extraction is cancelled at once when one fails.
 */
export const PDF_LIMITS = {
  maxPages: 300,
  /** Text runs on one page, and in the whole file. */
  maxItemsPerPage: 10_000,
  maxItems: 400_000,
  /** Characters of text in the whole file (the report itself allows 500,000). */
  maxChars: 2_000_000,
  /** Reading time for one page, and for the whole file. */
  maxPageMs: 5_000,
  maxTotalMs: 20_000,
};

/** The refusal for a PDF past one of the bounds: what was exceeded, and what the user can do. */
export function pdfTooComplex(reason: string): ImportError {
  return new ImportError("TOO_LARGE", `PDF 文件${reason}，已中止读取。请导入 Word 原文，或删减后另存为 PDF 再试。`);
}

export interface PdfReadOptions {
  /** Bounds to apply instead of PDF_LIMITS (tests use smaller ones). */
  limits?: Partial<typeof PDF_LIMITS>;
  /** Clock (ms), for tests. */
  now?: () => number;
}
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
export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<SourceBlock[]> {
  const limits = { ...PDF_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const started = now();
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
  const totals = { items: 0, chars: 0 };
  try {
    const document = await task.promise;
    if (document.numPages > limits.maxPages) throw pdfTooComplex(`有 ${document.numPages} 页，超过 ${limits.maxPages} 页的上限`);
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
      const page = await document.getPage(pageNumber);
      const items = await readPageText(page, pageNumber, { limits, now, started, totals });
      lines.push(...groupLines(items).map((line) => ({ ...line, page: pageNumber })));
      page.cleanup();
    }
    await document.destroy();
  } catch (error) {
    if (error instanceof ImportError) throw error;
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

interface PdfPage {
  streamTextContent(): ReadableStream<{ items: Array<{ str?: string; transform?: number[]; width?: number } | object> }>;
}

/** One page's text runs, checked against the bounds after every chunk pdf.js hands over. */
async function readPageText(
  page: PdfPage,
  pageNumber: number,
  context: { limits: typeof PDF_LIMITS; now: () => number; started: number; totals: { items: number; chars: number } },
): Promise<PositionedText[]> {
  const { limits, now, started, totals } = context;
  const pageStarted = now();
  const items: PositionedText[] = [];
  const reader = page.streamTextContent().getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const item of value.items) {
        totals.items += 1;
        if (!("str" in item) || !item.str || !item.transform) continue;
        totals.chars += item.str.length;
        const transform = item.transform;
        const size = Math.abs(transform[3]!) || Math.abs(transform[0]!) || 10;
        items.push({ text: item.str, x: transform[4]!, y: transform[5]!, right: transform[4]! + (item.width ?? 0), size });
      }
      const refusal =
        items.length > limits.maxItemsPerPage
          ? `第 ${pageNumber} 页的文字片段超过 ${limits.maxItemsPerPage} 个`
          : totals.items > limits.maxItems
            ? `的文字片段超过 ${limits.maxItems} 个`
            : totals.chars > limits.maxChars
              ? `的文字超过 ${limits.maxChars} 字`
              : now() - pageStarted > limits.maxPageMs
                ? `第 ${pageNumber} 页结构异常复杂，读取超过 ${limits.maxPageMs / 1000} 秒`
                : now() - started > limits.maxTotalMs
                  ? `结构异常复杂，读取超过 ${limits.maxTotalMs / 1000} 秒`
                  : undefined;
      if (refusal) {
        // Cancelling the stream stops pdf.js's extraction of this page (it checks at every chunk it sends).
        await reader.cancel(new Error("limit")).catch(() => undefined);
        throw pdfTooComplex(refusal);
      }
    }
  } finally {
    reader.releaseLock();
  }
  return items;
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
