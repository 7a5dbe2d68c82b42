import { docToText, type RichDoc } from "@/lib/report-model";

// Every rule reads the same bodies; caching per doc object keeps a full run linear in text size.
const cache = new WeakMap<object, string>();

/** `docToText(doc)`, computed once per body object. */
export function bodyText(doc: RichDoc | undefined): string {
  if (!doc || typeof doc !== "object") return "";
  let text = cache.get(doc);
  if (text === undefined) {
    text = docToText(doc);
    cache.set(doc, text);
  }
  return text;
}
