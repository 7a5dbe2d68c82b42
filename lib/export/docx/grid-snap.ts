import { createSpacing, LineRuleType, OnOffElement, type Paragraph, type XmlComponent } from "docx";

/** The w:pPr elements that follow w:snapToGrid and w:spacing in the schema's order (Word rejects them out of order). */
const AFTER_SPACING = new Set([
  "w:ind",
  "w:contextualSpacing",
  "w:mirrorIndents",
  "w:suppressOverlap",
  "w:jc",
  "w:textDirection",
  "w:textAlignment",
  "w:textboxTightWrap",
  "w:outlineLvl",
  "w:divId",
  "w:cnfStyle",
  "w:rPr",
  "w:sectPr",
  "w:pPrChange",
]);

/** A paragraph's w:pPr children, which docx keeps in `properties.root` (private in its typings). */
function propertiesOf(paragraph: Paragraph): unknown[] {
  return (paragraph as unknown as { properties: { root: unknown[] } }).properties.root;
}

/** The element name of a w:pPr child (`rootKey`, protected in docx's typings). */
const nameOf = (child: unknown) => (child as { rootKey?: string }).rootKey ?? "";

/** Puts `element` into the paragraph's properties before the first element that must follow it. */
function insertBefore(paragraph: Paragraph, element: XmlComponent, following: ReadonlySet<string>): void {
  const children = propertiesOf(paragraph);
  const at = children.findIndex((child) => following.has(nameOf(child)));
  if (at < 0) children.push(element);
  else children.splice(at, 0, element);
}

/**
 * Takes a paragraph off the line grid (`w:snapToGrid w:val="0"`), which docx has no option for: LibreOffice
 * otherwise gives a 22 pt title line two grid lines, and a line tighter than the grid a whole grid line.
 */
export function withoutGridSnap(paragraph: Paragraph): Paragraph {
  insertBefore(paragraph, new OnOffElement("w:snapToGrid", false), new Set(["w:spacing", ...AFTER_SPACING]));
  return paragraph;
}

/**
 * Sets a paragraph's lines `linePitch` twips apart, exactly and off the grid: the tighter last page of GB/T 9704
 * 7.3.5 (SignatureFit). Replaces any spacing of its own; the style's space before and after (none) stays.
 */
export function atLinePitch(paragraph: Paragraph, linePitch: number): Paragraph {
  const children = propertiesOf(paragraph);
  const own = children.findIndex((child) => nameOf(child) === "w:spacing");
  if (own >= 0) children.splice(own, 1);
  withoutGridSnap(paragraph);
  insertBefore(paragraph, createSpacing({ line: linePitch, lineRule: LineRuleType.EXACT }), AFTER_SPACING);
  return paragraph;
}
