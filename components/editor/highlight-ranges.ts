import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/** A document range (ProseMirror positions) to paint. */
export interface PosRange {
  from: number;
  to: number;
  /** Written to `data-mark-id` so tests and click handlers can find the span. */
  id?: string;
}

interface HighlightState {
  focus: DecorationSet;
  pending: DecorationSet;
}

/** Transaction meta: replace the focused range and/or the pending ("待更新") ranges. */
export interface HighlightMeta {
  focus?: PosRange | null;
  pending?: PosRange[];
}

export const highlightRangesKey = new PluginKey<HighlightState>("highlightRanges");

export const FOCUS_CLASS = "nb-focus-range rounded-sm bg-yellow-200 outline outline-1 outline-yellow-500";
export const PENDING_CLASS = "nb-pending-range rounded-sm bg-amber-100 underline decoration-amber-500 decoration-dotted";

function toSet(doc: EditorState["doc"], ranges: PosRange[], className: string): DecorationSet {
  const size = doc.content.size;
  const decorations = ranges
    .map((range) => ({ ...range, from: Math.max(0, Math.min(range.from, size)), to: Math.max(0, Math.min(range.to, size)) }))
    .filter((range) => range.to > range.from)
    .map((range) => Decoration.inline(range.from, range.to, { class: className, ...(range.id ? { "data-mark-id": range.id } : {}) }));
  return DecorationSet.create(doc, decorations);
}

function apply(tr: Transaction, value: HighlightState, state: EditorState): HighlightState {
  const meta = tr.getMeta(highlightRangesKey) as HighlightMeta | undefined;
  let { focus, pending } = value;
  if (tr.docChanged) {
    // Typing dismisses the finding highlight; pending marks follow the text until re-derived.
    focus = DecorationSet.empty;
    pending = pending.map(tr.mapping, tr.doc);
  }
  if (meta?.focus !== undefined) focus = meta.focus ? toSet(state.doc, [meta.focus], FOCUS_CLASS) : DecorationSet.empty;
  if (meta?.pending) pending = toSet(state.doc, meta.pending, PENDING_CLASS);
  return { focus, pending };
}

/** Client-only decorations over report bodies: the finding in focus and "待更新" marks. */
export const HighlightRanges = Extension.create({
  name: "highlightRanges",

  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: highlightRangesKey,
        state: {
          init: () => ({ focus: DecorationSet.empty, pending: DecorationSet.empty }),
          apply: (tr, value, _old, state) => apply(tr, value, state),
        },
        props: {
          decorations(state) {
            const value = highlightRangesKey.getState(state);
            if (!value) return DecorationSet.empty;
            return value.pending.add(state.doc, value.focus.find());
          },
        },
      }),
    ];
  },
});
