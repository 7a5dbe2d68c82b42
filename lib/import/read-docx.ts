import mammoth from "mammoth";

import { readNumberedParagraphs, type NumberedParagraph } from "./docx-numbering";
import { withTextBoxFallbacks } from "./docx-text-boxes";
import { ImportError } from "./errors";
import { htmlToBlocks } from "./html-blocks";
import { openCheckedDocxZip, readZipDirectory, type CheckedDocxZip } from "./inspect-zip";
import type { SourceBlock } from "./types";

/** Images are never read: the report body keeps text and tables only. */
const skipImages = mammoth.images.imgElement(async () => ({ src: "" }));

/**
 * The archive as mammoth's own zip interface (`{ exists, read }`, what its `openZip` builds from a buffer and what
 * it takes as `file`), served from the parts the check already inflated, so nothing is inflated twice.
 */
function asMammothZip(zip: CheckedDocxZip): { exists(name: string): boolean; read(name: string, encoding?: string): Promise<Uint8Array | string> } {
  return {
    exists: (name) => zip.has(name),
    read: async (name, encoding) => {
      // Text boxes LibreOffice saved without their VML copy, which is all mammoth reads.
      if (name === "word/document.xml") {
        const xml = withTextBoxFallbacks(new TextDecoder().decode(zip.read(name)));
        return encoding ? xml : new TextEncoder().encode(xml);
      }
      const data = zip.read(name);
      if (encoding === "base64") return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("base64");
      return encoding ? new TextDecoder(encoding).decode(data) : data;
    },
  };
}

/** A DOCX through mammoth, after the ZIP has been checked for bombs and damage. */
export async function readDocx(bytes: Uint8Array): Promise<SourceBlock[]> {
  const entries = readZipDirectory(bytes);
  if (!entries.some((entry) => entry.name === "word/document.xml")) {
    throw new ImportError("UNSUPPORTED", "这个压缩文件不是 Word 文档（缺少 word/document.xml），请导入 .docx 文件。");
  }
  // Every entry, word/media included: the relationships may point the main document anywhere.
  const zip = openCheckedDocxZip(bytes);
  const numbered = readWordNumbering(zip);
  let html: string;
  try {
    // `file` (an opened zip) is mammoth's third input besides `path` and `buffer` (lib/unzip.js), not in its types.
    const input = { file: asMammothZip(zip) } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    const result = await mammoth.convertToHtml(input, {
      convertImage: skipImages,
      ignoreEmptyParagraphs: true,
      ...(numbered.length > 0 ? { transformDocument: showNumerals(numbered) } : {}),
    });
    html = result.value;
  } catch (error) {
    throw new ImportError("CORRUPT", undefined, { cause: error });
  }
  return htmlToBlocks(html, { hasStyledHeadings: true });
}

/** The numerals of Word's automatic numbering, when the document has a numbering part. */
function readWordNumbering(zip: CheckedDocxZip): NumberedParagraph[] {
  const decoder = new TextDecoder();
  const part = (name: string) => (zip.has(name) ? decoder.decode(zip.read(name)) : "");
  const numbering = part("word/numbering.xml");
  if (!numbering.includes("<w:num")) return [];
  return readNumberedParagraphs(part("word/document.xml"), numbering, part("word/styles.xml"));
}

interface MammothElement {
  type: string;
  children?: MammothElement[];
  numbering?: unknown;
  value?: string;
  isBold?: boolean;
}

/**
 * mammoth's document transform: each paragraph Word numbers gets the numeral as leading text and loses its
 * list marker, so "（一）加强组织领导" reaches the importer as written on screen. Paragraphs are matched to
 * the numbering read from document.xml by order and text (a short look-ahead absorbs any paragraph one
 * reader skips and the other does not).
 */
function showNumerals(numbered: NumberedParagraph[]): (document: MammothElement) => MammothElement {
  let cursor = 0;
  const onParagraph = (paragraph: MammothElement): MammothElement => {
    if (!paragraph.numbering || cursor >= numbered.length) return paragraph;
    const text = textOf(paragraph);
    const at = findAhead(numbered, cursor, text);
    if (at < 0) return paragraph;
    cursor = at + 1;
    const { numeral } = numbered[at]!;
    if (!numeral) return paragraph;
    const firstRun = paragraph.children?.find((child) => child.type === "run");
    const run = {
      type: "run",
      children: [{ type: "text", value: numeral }],
      isBold: firstRun?.isBold ?? false,
      isItalic: false,
      isUnderline: false,
      isStrikethrough: false,
      isAllCaps: false,
      isSmallCaps: false,
      verticalAlignment: "baseline",
      styleId: null,
      styleName: null,
      font: null,
      fontSize: null,
      highlight: null,
    };
    return { ...paragraph, numbering: null, children: [run, ...(paragraph.children ?? [])] };
  };
  // Depth-first, children before their parent, so paragraphs come in document order (tables included).
  const walk = (element: MammothElement): MammothElement => {
    const children = element.children?.map(walk);
    const next = children ? { ...element, children } : element;
    return next.type === "paragraph" ? onParagraph(next) : next;
  };
  return walk;
}

const LOOK_AHEAD = 8;

function findAhead(numbered: NumberedParagraph[], cursor: number, text: string): number {
  const wanted = text.replace(/\s+/g, "");
  for (let index = cursor; index < Math.min(numbered.length, cursor + LOOK_AHEAD); index += 1) {
    if (numbered[index]!.text.replace(/\s+/g, "") === wanted) return index;
  }
  return -1;
}

function textOf(element: MammothElement): string {
  if (element.type === "text") return element.value ?? "";
  return (element.children ?? []).map(textOf).join("");
}
