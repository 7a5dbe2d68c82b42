import { Mark, mergeAttributes } from "@tiptap/core";

import { formatDateTime } from "./beijing-time";
import type { SuggestionMarkType } from "./rich-text";

/** "2026年11月29日 16:15" in Beijing time, for the hover title of a suggestion. */
export function beijingTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? "" : formatDateTime(new Date(time));
}

const ATTRIBUTE_NAMES = ["id", "authorId", "authorName", "at"] as const;

function dataAttribute(name: (typeof ATTRIBUTE_NAMES)[number]): string {
  return `data-suggestion-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * Headless schema of the two suggestion marks (修订): the editor, the server's schema check and the exporters
 * share it. Rendered as <ins>/<del> with the author and time in data attributes; colour comes from CSS.
 * The typing behaviour of suggestion mode lives in the editor (components/editor/suggest).
 */
function createSuggestionMark(name: SuggestionMarkType, tag: "ins" | "del" | "span") {
  return Mark.create({
    name,
    // Typing right after a suggestion must not extend it silently; the editor marks new text itself.
    inclusive: false,
    // A reviewer may delete text someone else suggested inserting: both marks may sit on one text.
    excludes: name,
    addAttributes() {
      return Object.fromEntries(
        ATTRIBUTE_NAMES.map((attribute) => [
          attribute,
          {
            default: "",
            parseHTML: (element: HTMLElement) => element.getAttribute(dataAttribute(attribute)) ?? "",
            renderHTML: (attributes: Record<string, unknown>) => ({ [dataAttribute(attribute)]: String(attributes[attribute] ?? "") }),
          },
        ]),
      );
    },
    parseHTML() {
      return [{ tag: `${tag}[data-suggestion-id]` }];
    },
    renderHTML({ HTMLAttributes, mark }) {
      const kind = SUGGESTION_KINDS[name];
      const title = `${String(mark.attrs.authorName)}${SUGGESTION_VERBS[kind]}（${beijingTime(String(mark.attrs.at))}）`;
      return [tag, mergeAttributes(HTMLAttributes, { class: `suggestion suggestion-${kind}`, title }), 0];
    },
  });
}

const SUGGESTION_KINDS = { suggestInsert: "insert", suggestDelete: "delete", suggestSplit: "split" } as const satisfies Record<SuggestionMarkType, string>;
/** What the hover title says the author did; also the static body's title. */
export const SUGGESTION_VERBS = { insert: "插入", delete: "删除", split: "分段" } as const;

export const SuggestInsert = createSuggestionMark("suggestInsert", "ins");
export const SuggestDelete = createSuggestionMark("suggestDelete", "del");
/** A suggested paragraph break after the marked character (shown as ↵ by CSS, `span.suggestion-split`). */
export const SuggestSplit = createSuggestionMark("suggestSplit", "span");
