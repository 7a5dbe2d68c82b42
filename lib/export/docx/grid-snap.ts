import { OnOffElement, type Paragraph } from "docx";

/**
 * Takes a paragraph off the line grid (`w:snapToGrid w:val="0"`), which docx has no option for: LibreOffice
 * otherwise gives a 22 pt title line two grid lines. Call it on a paragraph whose only own property is its style,
 * so the element lands in schema order right after `w:pStyle`.
 */
export function withoutGridSnap(paragraph: Paragraph): Paragraph {
  // `properties` is private in docx's typings but is the ParagraphProperties component the paragraph writes.
  const { properties } = paragraph as unknown as { properties: { push(item: OnOffElement): void } };
  properties.push(new OnOffElement("w:snapToGrid", false));
  return paragraph;
}
