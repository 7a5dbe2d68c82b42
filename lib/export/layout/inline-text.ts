import type { PrintableInline } from "./types";

/** Plain text of inlines, with a break as "\n". */
export function inlinesToText(inlines: readonly PrintableInline[]): string {
  return inlines.map((inline) => (inline.kind === "text" ? inline.text : "\n")).join("");
}

/** Splits inlines after `length` characters (code points), cutting a text run in two where needed. */
export function splitInlinesAt(inlines: readonly PrintableInline[], length: number): [PrintableInline[], PrintableInline[]] {
  const before: PrintableInline[] = [];
  const after: PrintableInline[] = [];
  let remaining = length;
  for (const inline of inlines) {
    const chars = inline.kind === "text" ? [...inline.text] : ["\n"];
    if (remaining <= 0) after.push(inline);
    else if (chars.length <= remaining) before.push(inline);
    else if (inline.kind === "text") {
      before.push({ ...inline, text: chars.slice(0, remaining).join("") });
      after.push({ ...inline, text: chars.slice(remaining).join("") });
    }
    remaining -= chars.length;
  }
  return [before, after];
}

export function plainInline(text: string): PrintableInline {
  return { kind: "text", text, isBold: false, isItalic: false };
}
