/** What a run of a reviewed DOCX is: unchanged text, or a tracked insertion or deletion. */
/** "insertDeleted": text someone inserted and someone then deleted (w:del inside w:ins); it is in neither reading. */
export type TrackedKind = "normal" | "insert" | "delete" | "insertDeleted";

/** One character (or a line break, "\n") of a paragraph as Word shows it in 修订模式. */
export interface TrackedChar {
  char: string;
  kind: TrackedKind;
  /** w:author and w:date of the enclosing w:ins / w:del ("" when unchanged). */
  author: string;
  date: string;
  /** Identifies the w:ins / w:del element, so one Word change becomes one suggestion. */
  changeKey: string;
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
}

export interface TrackedComment {
  id: string;
  author: string;
  date: string;
  text: string;
}

export interface TrackedDocument {
  paragraphs: TrackedParagraph[];
  comments: TrackedComment[];
  commentStarts: TrackedCommentPoint[];
  commentEnds: TrackedCommentPoint[];
}

/** The text of chars of the given kinds. */
export function textOf(chars: readonly TrackedChar[], kinds: readonly TrackedKind[]): string {
  return chars
    .filter((char) => kinds.includes(char.kind))
    .map((char) => char.char)
    .join("");
}
