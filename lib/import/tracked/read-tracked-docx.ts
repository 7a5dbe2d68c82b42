import { ImportError } from "../errors";
import { inspectDocxZip, readZipDirectory, verifyZipEntry, type ZipEntry } from "../inspect-zip";
import { scanXml } from "./xml-events";
import type { TrackedChar, TrackedComment, TrackedDocument, TrackedKind, TrackedParagraph } from "./types";

/**
 * Reads a DOCX changed in 修订模式 as Word shows it: every paragraph of the body (table cells included) with each
 * character unchanged, inserted (w:ins, w:moveTo) or deleted (w:del, w:moveFrom) by author and time, and the
 * comments (word/comments.xml) with where their ranges start and end. mammoth drops all of this.
 */
export function readTrackedDocx(bytes: Uint8Array): TrackedDocument {
  const entries = readZipDirectory(bytes);
  const documentEntry = entries.find((entry) => entry.name === "word/document.xml");
  if (!documentEntry) throw new ImportError("UNSUPPORTED", "这个文件不是 Word 文档（缺少 word/document.xml），请上传 .docx 文件。");
  inspectDocxZip(bytes);
  const commentsEntry = entries.find((entry) => entry.name === "word/comments.xml");
  const document = readDocumentXml(inflateText(bytes, documentEntry));
  return { ...document, comments: commentsEntry ? readCommentsXml(inflateText(bytes, commentsEntry)) : [] };
}

function inflateText(bytes: Uint8Array, entry: ZipEntry): string {
  const chunks: Uint8Array[] = [];
  verifyZipEntry(bytes, entry, (chunk) => chunks.push(chunk.slice()));
  const decoder = new TextDecoder();
  return chunks.map((chunk, index) => decoder.decode(chunk, { stream: index < chunks.length - 1 })).join("");
}

/** Elements whose text is not part of the running text (text boxes, drawings, field codes, the fallback copy). */
const SKIPPED = new Set(["w:pPr", "w:rPr", "w:instrText", "w:drawing", "w:pict", "mc:Fallback", "w:txbxContent", "w:footnoteReference", "w:commentReference"]);

/** Characters read at most: a 600-page report has about 600,000; each costs an object while it is matched. */
export const MAX_TRACKED_CHARS = 3_000_000;
const TOO_MUCH_TEXT = "文档文字数量远超正常报告，已拒绝导入修订。请检查文件是否正确。";

interface Change {
  kind: TrackedKind;
  author: string;
  date: string;
  key: string;
}

export function readDocumentXml(xml: string): Omit<TrackedDocument, "comments"> {
  const paragraphs: TrackedParagraph[] = [];
  const commentStarts: TrackedDocument["commentStarts"] = [];
  const commentEnds: TrackedDocument["commentEnds"] = [];
  const changes: Change[] = [];
  let current: TrackedParagraph | null = null;
  let skipDepth = 0;
  let textElement: "w:t" | "w:delText" | null = null;
  let inParagraphProperties = 0;
  let changeCount = 0;
  const change = (): Change => changes[changes.length - 1] ?? { kind: "normal", author: "", date: "", key: "" };
  let total = 0;
  const push = (text: string) => {
    if (!current) return;
    const { author, date, key } = change();
    const isInserted = changes.some((candidate) => candidate.kind === "insert");
    const isDeleted = changes.some((candidate) => candidate.kind === "delete");
    const kind: TrackedKind = isInserted && isDeleted ? "insertDeleted" : change().kind;
    total += text.length;
    if (total > MAX_TRACKED_CHARS) throw new ImportError("TOO_LARGE", TOO_MUCH_TEXT);
    for (const char of text) current.chars.push({ char, kind, author, date, changeKey: key });
  };
  const point = (attributes: Record<string, string>) => ({
    commentId: attributes["w:id"] ?? "",
    paragraph: Math.max(0, current ? paragraphs.length - 1 : paragraphs.length),
    offset: current ? current.chars.length : 0,
  });
  scanXml(xml, {
    onOpen(name, attributes) {
      if (name === "w:pPr") inParagraphProperties += 1;
      // w:pPr/w:rPr/w:ins: the paragraph mark itself is a tracked change.
      if (inParagraphProperties > 0 && current && (name === "w:ins" || name === "w:del")) current.markChange = name === "w:ins" ? "insert" : "delete";
      if (skipDepth > 0 || SKIPPED.has(name)) {
        skipDepth += 1;
        return;
      }
      switch (name) {
        case "w:p":
          current = { chars: [], markChange: "normal" };
          paragraphs.push(current);
          return;
        case "w:ins":
        case "w:moveTo":
        case "w:del":
        case "w:moveFrom":
          changeCount += 1;
          changes.push({
            kind: name === "w:ins" || name === "w:moveTo" ? "insert" : "delete",
            author: attributes["w:author"] ?? "",
            date: attributes["w:date"] ?? "",
            key: `${name}#${attributes["w:id"] ?? ""}#${changeCount}`,
          });
          return;
        case "w:t":
        case "w:delText":
          textElement = name;
          return;
        case "w:tab":
          push("\t");
          return;
        case "w:br":
        case "w:cr":
          if (attributes["w:type"] !== "page" && attributes["w:type"] !== "column") push("\n");
          return;
        case "w:commentRangeStart":
          commentStarts.push(point(attributes));
          return;
        case "w:commentRangeEnd":
          commentEnds.push(point(attributes));
          return;
      }
    },
    onText(text) {
      if (skipDepth === 0 && textElement) push(text);
    },
    onClose(name) {
      if (name === "w:pPr") inParagraphProperties -= 1;
      if (skipDepth > 0) {
        skipDepth -= 1;
        return;
      }
      if (name === "w:t" || name === "w:delText") textElement = null;
      else if (name === "w:ins" || name === "w:del" || name === "w:moveTo" || name === "w:moveFrom") changes.pop();
      else if (name === "w:p") current = null;
    },
  });
  return { paragraphs, commentStarts, commentEnds };
}

export function readCommentsXml(xml: string): TrackedComment[] {
  const comments: TrackedComment[] = [];
  let current: TrackedComment | null = null;
  let lines: string[] = [];
  let isText = false;
  scanXml(xml, {
    onOpen(name, attributes) {
      if (name === "w:comment") {
        current = { id: attributes["w:id"] ?? "", author: attributes["w:author"] ?? "", date: attributes["w:date"] ?? "", text: "" };
        lines = [];
      } else if (name === "w:p" && current) lines.push("");
      else if (name === "w:t") isText = true;
    },
    onText(text) {
      if (current && isText && lines.length > 0) lines[lines.length - 1] += text;
    },
    onClose(name) {
      if (name === "w:t") isText = false;
      else if (name === "w:comment" && current) {
        comments.push({ ...current, text: lines.join("\n").trim() });
        current = null;
      }
    },
  });
  return comments;
}

export type { TrackedChar };
