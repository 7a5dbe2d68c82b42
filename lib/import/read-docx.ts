import mammoth from "mammoth";

import { readNumberedParagraphs, type NumberedParagraph } from "./docx-numbering";
import { withTextBoxFallbacks } from "./docx-text-boxes";
import { ImportError } from "./errors";
import { htmlToBlocks } from "./html-blocks";
import { readDocumentXml } from "./tracked/read-tracked-docx";
import { openCheckedDocxZip, readZipDirectory, type CheckedDocxZip } from "./inspect-zip";
import type { ImportLogEntry, SourceBlock } from "./types";

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

/** A DOCX through mammoth, after the ZIP has been checked for bombs and damage; `log` is told of open tracked changes. */
export async function readDocx(bytes: Uint8Array, log: ImportLogEntry[] = []): Promise<SourceBlock[]> {
  const entries = readZipDirectory(bytes);
  if (!entries.some((entry) => entry.name === "word/document.xml")) {
    throw new ImportError("UNSUPPORTED", "这个压缩文件不是 Word 文档（缺少 word/document.xml），请导入 .docx 文件。");
  }
  // Every entry, word/media included: the relationships may point the main document anywhere.
  const zip = openCheckedDocxZip(bytes);
  const numbered = readWordNumbering(zip);
  logTrackedChanges(new TextDecoder().decode(zip.read("word/document.xml")), log);
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

/**
 * mammoth reads a file still in 修订模式 as if every change were accepted (it keeps w:ins and drops w:del): the
 * official's text is not changed silently, so the log says how many changes were taken that way.
 */
function logTrackedChanges(documentXml: string, log: ImportLogEntry[]): void {
  if (!/<w:(?:ins|del|moveFrom|moveTo)\b/.test(documentXml)) return;
  const changes = { insert: new Set<string>(), delete: new Set<string>() };
  for (const char of readDocumentXml(documentXml).paragraphs.flatMap((paragraph) => paragraph.chars))
    if (char.kind === "insert" || char.kind === "delete") changes[char.kind].add(char.changeKey);
  const counts = [changes.insert.size ? `插入 ${changes.insert.size} 处` : "", changes.delete.size ? `删除 ${changes.delete.size} 处` : ""]
    .filter(Boolean)
    .join("、");
  if (!counts) return;
  log.push({
    kind: "warning",
    message: `文件中有尚未接受或拒绝的修订（${counts}），已按全部接受后的文字导入。要把领导的修订作为待处理的修订放进已有报告，请在报告页用“导入修订后的 Word 文件”。`,
  });
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
