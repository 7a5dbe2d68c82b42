/** What a run of a reviewed DOCX is: unchanged text, or a tracked insertion or deletion. */
/** "insertDeleted": text someone inserted and someone then deleted (w:del inside w:ins); it is in neither reading. */
export type TrackedKind = "normal" | "insert" | "delete" | "insertDeleted";

/** Who made a tracked change and when (w:author, w:date; "" when the writer left them out). */
export interface TrackedAuthor {
  author: string;
  date: string;
}

/** One character (or a line break, "\n") of a paragraph as Word shows it in 修订模式. */
export interface TrackedChar {
  char: string;
  kind: TrackedKind;
  /** w:author and w:date of the enclosing w:ins / w:del ("" when unchanged). */
  author: string;
  date: string;
  /** Identifies the w:ins / w:del element, so one Word change becomes one suggestion. */
  changeKey: string;
  /** The change is half of a move (w:moveFrom / w:moveTo): its w:name pairs the two halves ("" when it has none). */
  move?: string;
  /** For "insertDeleted": who inserted the text (the enclosing w:ins). */
  insertedBy?: string;
  /** The run's formatting was changed in 修订模式 (w:rPrChange): by whom. The text itself is unchanged by it. */
  formatChange?: TrackedAuthor;
}

/** A comment's anchor end in a paragraph: before character `offset` of `chars`. */
export interface TrackedCommentPoint {
  commentId: string;
  paragraph: number;
  offset: number;
}

export interface TrackedParagraph {
  chars: TrackedChar[];
  /** The paragraph mark itself was inserted (the leader split a paragraph) or deleted (joined two). */
  markChange: TrackedKind;
  /** Who changed the paragraph mark, and the change's key (when `markChange` is not "normal"). */
  markChangeBy?: TrackedAuthor & { changeKey: string };
  /** The paragraph's own formatting (alignment, indent, spacing, style; w:pPrChange) was changed in 修订模式: by whom. */
  formatChange?: TrackedAuthor;
  /** Where the paragraph stands when not in the running text: in a text box (w:txbxContent) or a table cell. */
  container?: "textBox" | "table";
}

export interface TrackedComment {
  id: string;
  author: string;
  date: string;
  text: string;
  /** w14:paraId of its last paragraph (how word/commentsExtended.xml names it). */
  paraId?: string;
  /** A reply: the w:id of the comment it answers (w15:paraIdParent). */
  parentId?: string;
  /** Marked 已解决 in Word (w15:done="1"). */
  isDone?: boolean;
}

export interface TrackedDocument {
  paragraphs: TrackedParagraph[];
  comments: TrackedComment[];
  commentStarts: TrackedCommentPoint[];
  commentEnds: TrackedCommentPoint[];
  /**
   * Tracked changes the report has no place for, one Chinese line each: table rows and cells inserted or deleted,
   * table and page formatting, changes in the page header/footer or footnotes. The import logs them.
   */
  unplaceable?: string[];
}

/** The text of chars of the given kinds. */
export function textOf(chars: readonly TrackedChar[], kinds: readonly TrackedKind[]): string {
  return chars
    .filter((char) => kinds.includes(char.kind))
    .map((char) => char.char)
    .join("");
}
