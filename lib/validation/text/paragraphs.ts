export interface Paragraph {
  text: string;
  /** Offset of the paragraph's first character in the field text. */
  from: number;
}

/** Splits field text at "\n" (block separators of `docToText`) keeping offsets. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let from = 0;
  for (;;) {
    const end = text.indexOf("\n", from);
    if (end === -1) {
      paragraphs.push({ text: text.slice(from), from });
      return paragraphs;
    }
    paragraphs.push({ text: text.slice(from, end), from });
    from = end + 1;
  }
}
