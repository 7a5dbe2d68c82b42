import { ImportError } from "../errors";
import { inspectDocxZip, readZipDirectory, verifyZipEntry, type ZipEntry } from "../inspect-zip";
import { scanXml } from "./xml-events";
import { textOf, type TrackedAuthor, type TrackedChar, type TrackedComment, type TrackedDocument, type TrackedKind, type TrackedParagraph } from "./types";

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
  // The page header and footer, footnotes and endnotes are not part of the report's text: their changes are logged.
  const unplaceable = [...(document.unplaceable ?? [])];
  for (const entry of entries) {
    const part = OTHER_PARTS.find(([pattern]) => pattern.test(entry.name));
    if (!part) continue;
    const changed = readDocumentXml(inflateText(bytes, entry)).paragraphs.flatMap((paragraph) => paragraph.chars);
    const inserted = textOf(changed, ["insert"]).trim();
    const deleted = textOf(changed, ["delete"]).trim();
    if (inserted || deleted)
      unplaceable.push(
        `${part[1]}中的修订未导入（${[inserted ? `插入“${excerpt(inserted)}”` : "", deleted ? `删除“${excerpt(deleted)}”` : ""].filter(Boolean).join("，")}）：${part[2]}`,
      );
  }
  const comments = commentsEntry ? readCommentsXml(inflateText(bytes, commentsEntry)) : [];
  // Replies and the 已解决 state (Word 2013+, WPS): word/commentsExtended.xml, keyed by each comment's last paragraph.
  const extendedEntry = entries.find((entry) => entry.name === "word/commentsExtended.xml");
  return { ...document, unplaceable, comments: extendedEntry ? withThreads(comments, inflateText(bytes, extendedEntry)) : comments };
}

/** Parts besides the body whose tracked changes are reported: [name, what it is, where to change it instead]. */
const OTHER_PARTS: Array<[RegExp, string, string]> = [
  [/^word\/header\d*\.xml$/, "页眉", "页眉由导出时自动生成。"],
  [/^word\/footer\d*\.xml$/, "页脚", "页码由导出时自动生成。"],
  [/^word\/footnotes\.xml$/, "脚注", "报告不含脚注，请把内容写入正文。"],
  [/^word\/endnotes\.xml$/, "尾注", "报告不含尾注，请把内容写入正文。"],
];

function inflateText(bytes: Uint8Array, entry: ZipEntry): string {
  const chunks: Uint8Array[] = [];
  verifyZipEntry(bytes, entry, (chunk) => chunks.push(chunk.slice()));
  const decoder = new TextDecoder();
  return chunks.map((chunk, index) => decoder.decode(chunk, { stream: index < chunks.length - 1 })).join("");
}

/**
 * Elements whose text is not part of the running text: field codes, the fallback copy of a drawing (its text box is
 * read once, from the drawing), note and comment reference marks. w:pPr and w:rPr hold no text but are looked into
 * for tracked changes of the paragraph mark and of formatting.
 */
const SKIPPED = new Set(["w:pPr", "w:rPr", "w:instrText", "w:delInstrText", "mc:Fallback", "w:footnoteReference", "w:endnoteReference", "w:commentReference"]);

/** Table and page formatting changes (no text of the report changes with them). */
const LAYOUT_CHANGES = new Set(["w:tblPrChange", "w:tblPrExChange", "w:trPrChange", "w:tcPrChange", "w:tblGridChange", "w:sectPrChange"]);

/** Characters read at most: a 600-page report has about 600,000; each costs an object while it is matched. */
export const MAX_TRACKED_CHARS = 3_000_000;
const TOO_MUCH_TEXT = "文档文字数量远超正常报告，已拒绝导入修订。请检查文件是否正确。";

interface Change {
  kind: TrackedKind;
  author: string;
  date: string;
  key: string;
  move?: string;
}

interface OpenParagraph {
  paragraph: TrackedParagraph;
  index: number;
}

export function readDocumentXml(xml: string): Omit<TrackedDocument, "comments"> {
  const paragraphs: TrackedParagraph[] = [];
  const commentStarts: TrackedDocument["commentStarts"] = [];
  const commentEnds: TrackedDocument["commentEnds"] = [];
  const changes: Change[] = [];
  // Open paragraphs: a text box's paragraphs stand inside the paragraph that anchors the box.
  const open: OpenParagraph[] = [];
  const top = () => open[open.length - 1];
  let skipDepth = 0;
  // Inside mc:Fallback: the copy of a drawing for old readers, not looked into at all.
  let fallbackDepth = 0;
  let textElement: "w:t" | "w:delText" | null = null;
  let inParagraphProperties = 0;
  let inRowProperties = 0;
  let inCellProperties = 0;
  let textBoxDepth = 0;
  let tableDepth = 0;
  let changeCount = 0;
  let runFormat: TrackedAuthor | undefined;
  // w:name of the move range being read (w:moveFromRangeStart … w:moveFromRangeEnd), which pairs a move's two halves.
  const moveNames = { from: "", to: "" };
  const layout = { rowsInserted: 0, rowsDeleted: 0, cells: 0, formatting: 0 };
  const change = (): Change => changes[changes.length - 1] ?? { kind: "normal", author: "", date: "", key: "" };
  let total = 0;
  const push = (text: string) => {
    const current = top()?.paragraph;
    if (!current) return;
    const inserted = changes.find((candidate) => candidate.kind === "insert");
    const deleted = changes.findLast((candidate) => candidate.kind === "delete");
    // Inserted, then deleted (w:del in w:ins as Word writes it, or w:ins in w:del): the deletion is the last word on it.
    const kind: TrackedKind = inserted && deleted ? "insertDeleted" : change().kind;
    const own = kind === "insertDeleted" ? deleted! : change();
    const extra = {
      ...(own.move !== undefined ? { move: own.move } : {}),
      ...(kind === "insertDeleted" ? { insertedBy: inserted!.author } : {}),
      ...(runFormat ? { formatChange: runFormat } : {}),
    };
    total += text.length;
    if (total > MAX_TRACKED_CHARS) throw new ImportError("TOO_LARGE", TOO_MUCH_TEXT);
    for (const char of text) current.chars.push({ char, kind, author: own.author, date: own.date, changeKey: own.key, ...extra });
  };
  const point = (attributes: Record<string, string>, isEnd: boolean) => {
    const current = top();
    if (current) return { commentId: attributes["w:id"] ?? "", paragraph: current.index, offset: current.paragraph.chars.length };
    // Between paragraphs: a range ends at the end of the paragraph before, starts at the start of the next.
    const previous = paragraphs[paragraphs.length - 1];
    if (isEnd && previous) return { commentId: attributes["w:id"] ?? "", paragraph: paragraphs.length - 1, offset: previous.chars.length };
    return { commentId: attributes["w:id"] ?? "", paragraph: paragraphs.length, offset: 0 };
  };
  const authorOf = (attributes: Record<string, string>): TrackedAuthor => ({ author: attributes["w:author"] ?? "", date: attributes["w:date"] ?? "" });
  scanXml(xml, {
    onOpen(name, attributes) {
      if (name === "mc:Fallback") fallbackDepth += 1;
      if (name === "w:pPr") inParagraphProperties += 1;
      else if (name === "w:trPr") inRowProperties += 1;
      else if (name === "w:tcPr") inCellProperties += 1;
      const current = top()?.paragraph;
      const isChange = name === "w:ins" || name === "w:del" || name === "w:moveTo" || name === "w:moveFrom";
      if (fallbackDepth === 0) {
        // w:pPr/w:rPr/w:ins: the paragraph mark itself is a tracked change (w:moveFrom/w:moveTo: a moved paragraph's).
        if (inParagraphProperties > 0 && current && isChange) {
          current.markChange = name === "w:ins" || name === "w:moveTo" ? "insert" : "delete";
          changeCount += 1;
          current.markChangeBy = { ...authorOf(attributes), changeKey: `${name}#${attributes["w:id"] ?? ""}#${changeCount}` };
        }
        // w:pPrChange, or w:rPrChange on the paragraph mark: the paragraph's formatting was changed.
        else if (inParagraphProperties > 0 && current && (name === "w:pPrChange" || name === "w:rPrChange")) current.formatChange ??= authorOf(attributes);
        else if (name === "w:rPrChange" && top()) runFormat = authorOf(attributes);
        else if (inRowProperties > 0 && isChange) layout[name === "w:ins" ? "rowsInserted" : "rowsDeleted"] += 1;
        else if (inCellProperties > 0 && (name === "w:cellIns" || name === "w:cellDel" || name === "w:cellMerge")) layout.cells += 1;
        else if (LAYOUT_CHANGES.has(name) || name === "w:numberingChange") layout.formatting += 1;
      }
      if (skipDepth > 0 || SKIPPED.has(name)) {
        skipDepth += 1;
        return;
      }
      switch (name) {
        case "w:p": {
          const paragraph: TrackedParagraph = { chars: [], markChange: "normal" };
          if (textBoxDepth > 0) paragraph.container = "textBox";
          else if (tableDepth > 0) paragraph.container = "table";
          open.push({ paragraph, index: paragraphs.length });
          paragraphs.push(paragraph);
          return;
        }
        case "w:txbxContent":
          textBoxDepth += 1;
          return;
        case "w:tbl":
          tableDepth += 1;
          return;
        case "w:r":
          runFormat = undefined;
          return;
        case "w:moveFromRangeStart":
        case "w:moveToRangeStart": {
          const moveName = attributes["w:name"] ?? "";
          moveNames[name === "w:moveFromRangeStart" ? "from" : "to"] = moveName;
          // Word opens the range before the w:moveFrom; LibreOffice writes it just inside, as the move's first child.
          const enclosing = change();
          const kind = name === "w:moveFromRangeStart" ? "delete" : "insert";
          if (enclosing.move === "" && enclosing.kind === kind) enclosing.move = moveName;
          return;
        }
        case "w:ins":
        case "w:moveTo":
        case "w:del":
        case "w:moveFrom":
          changeCount += 1;
          changes.push({
            kind: name === "w:ins" || name === "w:moveTo" ? "insert" : "delete",
            ...authorOf(attributes),
            key: `${name}#${attributes["w:id"] ?? ""}#${changeCount}`,
            ...(name === "w:moveTo" ? { move: moveNames.to } : name === "w:moveFrom" ? { move: moveNames.from } : {}),
          });
          return;
        case "w:t":
        case "w:delText":
          textElement = name;
          return;
        case "w:tab":
        case "w:ptab":
          push("\t");
          return;
        case "w:br":
        case "w:cr":
          if (attributes["w:type"] !== "page" && attributes["w:type"] !== "column") push("\n");
          return;
        case "w:sym": {
          // A character inserted as a symbol (Insert ▸ Symbol): its code, unless it is a symbol font's private glyph.
          const code = Number.parseInt(attributes["w:char"] ?? "", 16);
          if (Number.isInteger(code) && code > 0x1f && !(code >= 0xe000 && code <= 0xf8ff) && code <= 0x10ffff) push(String.fromCodePoint(code));
          return;
        }
        case "w:commentRangeStart":
          commentStarts.push(point(attributes, false));
          return;
        case "w:commentRangeEnd":
          commentEnds.push(point(attributes, true));
          return;
      }
    },
    onText(text) {
      if (skipDepth === 0 && textElement) push(text);
    },
    onClose(name) {
      if (name === "mc:Fallback") fallbackDepth -= 1;
      if (name === "w:pPr") inParagraphProperties -= 1;
      else if (name === "w:trPr") inRowProperties -= 1;
      else if (name === "w:tcPr") inCellProperties -= 1;
      if (skipDepth > 0) {
        skipDepth -= 1;
        return;
      }
      if (name === "w:t" || name === "w:delText") textElement = null;
      else if (name === "w:ins" || name === "w:del" || name === "w:moveTo" || name === "w:moveFrom") changes.pop();
      else if (name === "w:r") runFormat = undefined;
      else if (name === "w:moveFromRangeEnd") moveNames.from = "";
      else if (name === "w:moveToRangeEnd") moveNames.to = "";
      else if (name === "w:txbxContent") textBoxDepth -= 1;
      else if (name === "w:tbl") tableDepth -= 1;
      else if (name === "w:p") open.pop();
    },
  });
  return { paragraphs, commentStarts, commentEnds, unplaceable: describeLayout(layout) };
}

/** The layout changes of a document as log lines. */
function describeLayout(layout: { rowsInserted: number; rowsDeleted: number; cells: number; formatting: number }): string[] {
  const lines: string[] = [];
  if (layout.rowsInserted > 0 || layout.rowsDeleted > 0) {
    const counts = [layout.rowsInserted ? `插入 ${layout.rowsInserted} 行` : "", layout.rowsDeleted ? `删除 ${layout.rowsDeleted} 行` : ""]
      .filter(Boolean)
      .join("、");
    lines.push(`表格中${counts}的修订未作为行导入：行中文字的修订按段落导入（见上下文），表格的行请在编辑器中增删。`);
  }
  if (layout.cells > 0) lines.push(`表格中 ${layout.cells} 处单元格的插入、删除或合并修订未导入，请在编辑器中修改表格。`);
  if (layout.formatting > 0) lines.push(`表格或页面格式的 ${layout.formatting} 处修订未导入：版式由导出时按 GB/T 9704 自动生成。`);
  return lines;
}

/** At most 30 characters of a text, whitespace collapsed, for a log line. */
export function excerpt(text: string): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length > 30 ? `${chars.slice(0, 30).join("")}…` : chars.join("");
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
      } else if (name === "w:p" && current) {
        lines.push("");
        // The last paragraph's w14:paraId is what commentsExtended.xml names the comment by.
        if (attributes["w14:paraId"]) current.paraId = attributes["w14:paraId"];
      } else if (name === "w:t") isText = true;
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

/** Marks each comment that answers another (w15:paraIdParent) with that comment's id, and each resolved one (w15:done). */
export function withThreads(comments: readonly TrackedComment[], extendedXml: string): TrackedComment[] {
  const byParagraph = new Map(comments.filter((comment) => comment.paraId).map((comment) => [comment.paraId!.toUpperCase(), comment]));
  const extended = new Map<string, { parent?: string; isDone: boolean }>();
  scanXml(extendedXml, {
    onOpen(name, attributes) {
      if (name !== "w15:commentEx" || !attributes["w15:paraId"]) return;
      const parent = attributes["w15:paraIdParent"]?.toUpperCase();
      extended.set(attributes["w15:paraId"].toUpperCase(), { ...(parent ? { parent } : {}), isDone: attributes["w15:done"] === "1" });
    },
    onText() {},
    onClose() {},
  });
  return comments.map((comment) => {
    const entry = comment.paraId ? extended.get(comment.paraId.toUpperCase()) : undefined;
    const parent = entry?.parent ? byParagraph.get(entry.parent) : undefined;
    return { ...comment, ...(parent && parent !== comment ? { parentId: parent.id } : {}), ...(entry?.isDone ? { isDone: true } : {}) };
  });
}

export type { TrackedChar };
