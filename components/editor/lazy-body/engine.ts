// The editing engine of a report body, loaded with import() on the first pointer, focus or key in a body (or when
// live co-editing starts): Tiptap, ProseMirror and the body's extensions stay out of the editor page's first load.
import { generateJSON } from "@tiptap/core";

import type { RichDoc } from "@/lib/report-model/rich-text";
import { createBodyExtensions } from "@/lib/report-model/extensions";

export { BodyEditor } from "../body-editor";

/** A body's HTML (the static body after the official typed into it) read with the editor's own schema. */
export function parseBodyHtml(html: string): RichDoc {
  const template = document.createElement("template");
  template.innerHTML = html;
  // A line break that ends a block draws no line (the browser adds one to keep an emptied paragraph open):
  // it is not the official's hard break.
  for (const element of template.content.querySelectorAll("br")) if (!element.nextSibling) element.remove();
  for (const element of template.content.querySelectorAll("[data-mark-id]")) element.replaceWith(...element.childNodes);
  return generateJSON(template.innerHTML, createBodyExtensions()) as RichDoc;
}
