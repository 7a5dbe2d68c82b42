import { Extension } from "@tiptap/core";
import type { Mark, Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, TextSelection, type Transaction } from "@tiptap/pm/state";
import { Mapping, ReplaceStep } from "@tiptap/pm/transform";
import type { EditorView } from "@tiptap/pm/view";

import type { SuggestionAttrs } from "@/lib/report-model/rich-text";

/** Who is suggesting: typed text gets this author and the current time. */
export interface SuggestAuthor {
  id: string;
  name: string;
}

interface Range {
  from: number;
  to: number;
}

/** Text typed during an IME composition: marked once the composition ends, so the IME is never disturbed. */
interface PendingState {
  ranges: Range[];
}

type PendingMeta = { add: Range[] } | { clear: true };

/** Also the name the body editor unregisters the plugin by ("suggestMode"). */
export const suggestModeKey = new PluginKey<PendingState>("suggestMode");
/** Transactions carrying this meta are the plugin's own (or a merge from elsewhere) and pass untouched. */
export const SUGGEST_SKIP = "suggestModeSkip";

/** Makes ProseMirror take in pending DOM changes and the DOM caret now (its observer otherwise reads them a little later). */
function readDom(view: EditorView): void {
  (view as unknown as { domObserver?: { flush?: () => void } }).domObserver?.flush?.();
}

/** Same time-window for one suggestion: typing on within it extends the suggestion instead of starting a new one. */
const SAME_SUGGESTION_MS = 10 * 60_000;

let counter = 0;
function newSuggestionId(): string {
  counter = (counter + 1) % 1_000_000;
  return `s${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

function isForeign(tr: Transaction): boolean {
  // Merges of others' saves (setBody), live co-editing (y-sync) and highlight repaints are not this user's typing.
  return Boolean(tr.getMeta(SUGGEST_SKIP)) || tr.getMeta("addToHistory") === false || Boolean(tr.getMeta("y-sync$"));
}

function isPlainInlineSlice(step: ReplaceStep): boolean {
  const { slice } = step;
  if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
  let inline = true;
  slice.content.forEach((node) => {
    if (!node.isInline) inline = false;
  });
  return inline;
}

function suggestionAttrsOf(mark: Mark | undefined): SuggestionAttrs | undefined {
  return mark ? (mark.attrs as SuggestionAttrs) : undefined;
}

/**
 * Suggestion mode (修订模式): for a reviewer, typed text becomes a suggestInsert by them and deleted text is kept
 * under a suggestDelete instead of disappearing. Deleting one's own suggested text removes it. A new paragraph
 * (Enter at a paragraph's end) holds suggested text only; Enter inside a paragraph splits it with a suggestSplit
 * on the character before the break. Other structure and formatting cannot be tracked as marks, so such changes
 * (bold, lists, pasting paragraphs) are refused.
 */
export const SuggestMode = Extension.create<{ author: SuggestAuthor | null }>({
  name: "suggestMode",
  addOptions() {
    return { author: null };
  },
  addProseMirrorPlugins() {
    return this.options.author ? [createSuggestPlugin(this.options.author)] : [];
  },
});

/** The suggestion-mode plugin for `author`; an editor may register it after creation (`editor.registerPlugin`). */
export function createSuggestPlugin(author: SuggestAuthor): Plugin<PendingState> {
  let view: EditorView | undefined;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  const freshAttrs = (): SuggestionAttrs => ({ id: newSuggestionId(), authorId: author.id, authorName: author.name, at: new Date().toISOString() });

  /** Reuses the id of this author's adjacent suggestion of the same kind, so one word typed is one suggestion. */
  function attrsNear(doc: PMNode, from: number, to: number, markName: "suggestInsert" | "suggestDelete"): SuggestionAttrs {
    const type = doc.type.schema.marks[markName]!;
    const $from = doc.resolve(Math.max(0, Math.min(from, doc.content.size)));
    const $to = doc.resolve(Math.max(0, Math.min(to, doc.content.size)));
    for (const node of [$from.nodeBefore, $to.nodeAfter]) {
      const attrs = suggestionAttrsOf(node?.marks.find((mark) => mark.type === type));
      if (attrs && attrs.authorId === author.id && Date.now() - Date.parse(attrs.at) < SAME_SUGGESTION_MS) return attrs;
    }
    return freshAttrs();
  }

  function markInserted(tr: Transaction, from: number, to: number): void {
    if (to <= from) return;
    const schema = tr.doc.type.schema;
    const attrs = attrsNear(tr.doc, from, to, "suggestInsert");
    tr.removeMark(from, to, schema.marks.suggestDelete!);
    tr.addMark(from, to, schema.marks.suggestInsert!.create(attrs));
  }

  /** Marks text in from..to as deleted by this author, except text already deleted by someone. */
  function markDeleted(tr: Transaction, from: number, to: number): void {
    if (to <= from) return;
    const schema = tr.doc.type.schema;
    const deleteType = schema.marks.suggestDelete!;
    const attrs = attrsNear(tr.doc, from, to, "suggestDelete");
    const ranges: Range[] = [];
    tr.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isText || deleteType.isInSet(node.marks)) return;
      ranges.push({ from: Math.max(from, pos), to: Math.min(to, pos + node.nodeSize) });
    });
    for (const range of ranges) tr.addMark(range.from, range.to, deleteType.create(attrs));
  }

  /**
   * Parts of from..to (in `doc`) that are this author's own suggested insertions or text still being composed.
   * Not a character that carries a suggested break: removing it would leave the split untracked, so it is marked deleted.
   */
  function ownRanges(doc: PMNode, from: number, to: number, pending: Range[]): Range[] {
    const insertType = doc.type.schema.marks.suggestInsert!;
    const splitType = doc.type.schema.marks.suggestSplit!;
    const own: Range[] = [];
    doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isText || splitType.isInSet(node.marks)) return;
      const attrs = suggestionAttrsOf(node.marks.find((mark) => mark.type === insertType));
      if (attrs?.authorId === author.id) own.push({ from: Math.max(from, pos), to: Math.min(to, pos + node.nodeSize) });
    });
    for (const range of pending) {
      const start = Math.max(from, range.from);
      const end = Math.min(to, range.to);
      if (end > start) own.push({ from: start, to: end });
    }
    return own;
  }

  /**
   * Backspace/Delete handled here rather than natively: the text is marked deleted (one's own suggested text is
   * removed) and the caret steps over it, so repeated Backspace walks left through the text.
   */
  function deleteAsSuggestion(editorView: EditorView, direction: "backward" | "forward"): boolean {
    // A caret the keyboard moved a moment ago may not be read yet: read the DOM before deciding what to delete.
    readDom(editorView);
    const { state } = editorView;
    const { selection } = state;
    let { from, to } = selection;
    if (selection.empty) {
      const $pos = selection.$from;
      if (!$pos.parent.isTextblock) return false;
      if (removeEmptyParagraph(editorView, direction)) return true;
      if (direction === "backward") {
        // Joining paragraphs is structure, not a suggestion, unless it takes back this author's own break.
        if ($pos.parentOffset === 0) return withdrawOwnSplit(editorView, $pos.depth === 1 ? $pos.before() : null);
        const before = $pos.parent.textBetween(Math.max(0, $pos.parentOffset - 2), $pos.parentOffset, undefined, "\ufffc");
        from = to - (before.length === 2 && /[\uDC00-\uDFFF]/.test(before[1]!) && /[\uD800-\uDBFF]/.test(before[0]!) ? 2 : 1);
      } else {
        if ($pos.parentOffset === $pos.parent.content.size) return withdrawOwnSplit(editorView, $pos.depth === 1 ? $pos.after() : null);
        const after = $pos.parent.textBetween($pos.parentOffset, Math.min($pos.parent.content.size, $pos.parentOffset + 2), undefined, "\ufffc");
        to = from + (after.length === 2 && /[\uD800-\uDBFF]/.test(after[0]!) && /[\uDC00-\uDFFF]/.test(after[1]!) ? 2 : 1);
      }
    }
    const pending = suggestModeKey.getState(state)?.ranges ?? [];
    const own = ownRanges(state.doc, from, to, pending);
    const tr = state.tr.setMeta(SUGGEST_SKIP, true);
    markDeleted(tr, from, to);
    const marksDone = tr.mapping.maps.length;
    for (const range of [...own].sort((a, b) => b.from - a.from)) tr.delete(range.from, range.to);
    const after = tr.mapping.slice(marksDone);
    const caret = direction === "backward" ? after.map(from, -1) : after.map(to, 1);
    tr.setSelection(TextSelection.create(tr.doc, caret)).scrollIntoView();
    editorView.dispatch(tr);
    return true;
  }

  /**
   * An empty paragraph (one the reviewer made with Enter, or whose suggested text they took back) goes with
   * Backspace/Delete: it holds no text, so removing it changes nothing anyone wrote.
   */
  function removeEmptyParagraph(editorView: EditorView, direction: "backward" | "forward"): boolean {
    const { state } = editorView;
    const $pos = state.selection.$from;
    if ($pos.depth !== 1 || $pos.parent.type.name !== "paragraph" || $pos.parent.content.size > 0 || state.doc.childCount < 2) return false;
    const index = $pos.index(0);
    const start = $pos.before();
    const tr = state.tr.setMeta(SUGGEST_SKIP, true).delete(start, $pos.after());
    // The caret goes to the end of the paragraph before (Backspace) or the start of the one after (Delete).
    const caret = direction === "backward" && index > 0 ? start - 1 : Math.min(start + 1, tr.doc.content.size);
    tr.setSelection(TextSelection.near(tr.doc.resolve(caret), direction === "backward" ? -1 : 1)).scrollIntoView();
    editorView.dispatch(tr);
    return true;
  }

  /**
   * Backspace at the start of the paragraph after this author's own suggested break (or Delete at the end of the one
   * before it) takes the break back: the two paragraphs join as they were. Any other join does nothing.
   */
  function withdrawOwnSplit(editorView: EditorView, boundary: number | null): boolean {
    const { state } = editorView;
    if (boundary === null || boundary <= 0 || boundary >= state.doc.content.size) return true;
    const $boundary = state.doc.resolve(boundary);
    const [before, after] = [$boundary.nodeBefore, $boundary.nodeAfter];
    if (before?.type.name !== "paragraph" || after?.type.name !== "paragraph") return true;
    const splitType = state.schema.marks.suggestSplit!;
    const ownSplit = (node: PMNode) => node.marks.some((mark) => mark.type === splitType && (mark.attrs as SuggestionAttrs).authorId === author.id);
    let hasOwnSplit = false;
    before.forEach((child) => {
      if (ownSplit(child)) hasOwnSplit = true;
    });
    if (!hasOwnSplit) return true;
    const start = boundary - before.nodeSize;
    const tr = state.tr.setMeta(SUGGEST_SKIP, true).removeMark(start, boundary, splitType).join(boundary);
    tr.setSelection(TextSelection.create(tr.doc, boundary - 1)).scrollIntoView();
    editorView.dispatch(tr);
    return true;
  }

  /**
   * Enter inside a paragraph splits it, the break a suggestion: the character before it carries a suggestSplit, so
   * accepting keeps the two paragraphs and rejecting joins them back. Not before a line break (no character).
   */
  function splitParagraph(editorView: EditorView, at: number): boolean {
    const { state } = editorView;
    const $pos = state.doc.resolve(at);
    const before = $pos.nodeBefore;
    if (!before?.isText) return true;
    const tail = before.text!.slice(-2);
    const charSize = tail.length === 2 && /[\uD800-\uDBFF]/.test(tail[0]!) && /[\uDC00-\uDFFF]/.test(tail[1]!) ? 2 : 1;
    const tr = state.tr
      .setMeta(SUGGEST_SKIP, true)
      .addMark(at - charSize, at, state.schema.marks.suggestSplit!.create(freshAttrs()))
      .split(at);
    tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView();
    editorView.dispatch(tr);
    return true;
  }

  /**
   * Enter at the end (or start) of a paragraph suggests a new paragraph: an empty one is added after (or before)
   * and what is typed in it becomes a suggested insertion, so rejecting it takes the paragraph away too.
   * Enter inside one suggests splitting it (`splitParagraph`).
   */
  function insertParagraph(editorView: EditorView): boolean {
    readDom(editorView);
    const { state } = editorView;
    const { selection } = state;
    const $pos = selection.$from;
    if (!selection.empty || $pos.depth !== 1 || $pos.parent.type.name !== "paragraph") return true;
    const isAtEnd = $pos.parentOffset === $pos.parent.content.size;
    if (!isAtEnd && $pos.parentOffset !== 0) return splitParagraph(editorView, $pos.pos);
    const at = isAtEnd ? $pos.after() : $pos.before();
    const tr = state.tr.setMeta(SUGGEST_SKIP, true).insert(at, state.schema.nodes.paragraph!.create());
    tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView();
    editorView.dispatch(tr);
    return true;
  }

  function flushPending(): void {
    clearTimeout(flushTimer);
    if (!view || view.isDestroyed) return;
    if (view.composing) {
      flushTimer = setTimeout(flushPending, 100);
      return;
    }
    // Let ProseMirror read what the DOM holds first (the composed text, a caret the keyboard just moved), so the
    // redraw that marking causes never writes an older text or caret back into the page.
    readDom(view);
    const { ranges } = suggestModeKey.getState(view.state) ?? { ranges: [] };
    const tr = view.state.tr.setMeta(SUGGEST_SKIP, true).setMeta(suggestModeKey, { clear: true } satisfies PendingMeta);
    for (const range of ranges) markInserted(tr, range.from, Math.min(range.to, tr.doc.content.size));
    view.dispatch(tr);
  }

  return new Plugin<PendingState>({
    key: suggestModeKey,
    state: {
      init: () => ({ ranges: [] }),
      apply(tr, value) {
        const meta = tr.getMeta(suggestModeKey) as PendingMeta | undefined;
        if (meta && "clear" in meta) return { ranges: [] };
        let ranges = value.ranges;
        if (tr.docChanged) {
          ranges = ranges.map((range) => ({ from: tr.mapping.map(range.from, 1), to: tr.mapping.map(range.to, -1) })).filter((range) => range.to > range.from);
        }
        if (meta && "add" in meta) ranges = [...ranges, ...meta.add];
        return ranges === value.ranges ? value : { ranges };
      },
    },
    view(editorView) {
      view = editorView;
      return { destroy: () => clearTimeout(flushTimer) };
    },
    filterTransaction(tr) {
      if (!tr.docChanged || isForeign(tr)) return true;
      // Only text can be suggested; structure and formatting changes would be untracked edits.
      return tr.steps.every((step) => step instanceof ReplaceStep && isPlainInlineSlice(step));
    },
    appendTransaction(transactions, oldState, newState) {
      const tr = newState.tr;
      let changed = false;
      const addPending: Range[] = [];
      let pendingBefore = suggestModeKey.getState(oldState)?.ranges ?? [];
      transactions.forEach((transaction, index) => {
        const later = new Mapping(transactions.slice(index + 1).flatMap((next) => next.mapping.maps));
        const selectionBefore = index === 0 ? oldState.selection : transactions[index - 1]!.selection;
        if (transaction.docChanged && !isForeign(transaction)) {
          const composing = Boolean(view?.composing) || transaction.getMeta("composition") !== undefined;
          transaction.steps.forEach((step, stepIndex) => {
            if (!(step instanceof ReplaceStep)) return;
            const docBefore = transaction.docs[stepIndex]!;
            const toStep = new Mapping(transaction.mapping.maps.slice(0, stepIndex));
            const pendingHere = pendingBefore.map((range) => ({ from: toStep.map(range.from, 1), to: toStep.map(range.to, -1) }));
            const afterStep = new Mapping([...transaction.mapping.maps.slice(stepIndex + 1), ...later.maps]);
            const { from, to } = step;
            const size = step.slice.size;
            // Inserted text, in the final document, then through what this transaction already appended.
            const insertFrom = tr.mapping.map(afterStep.map(from, 1), 1);
            const insertTo = tr.mapping.map(afterStep.map(from + size, -1), -1);
            const insertMappedAt = tr.mapping.maps.length;
            if (to > from) {
              // Put the deleted text back before the inserted text, then mark it deleted.
              const at = tr.mapping.map(afterStep.map(from, -1), -1);
              const beforeSize = tr.doc.content.size;
              const replacedAt = tr.mapping.maps.length;
              tr.replace(at, at, docBefore.slice(from, to));
              const restored = tr.doc.content.size - beforeSize;
              const own = ownRanges(docBefore, from, to, pendingHere);
              markDeleted(tr, at, at + restored);
              // One's own suggested text (and text still being composed) is simply removed.
              if (restored === to - from) {
                for (const range of [...own].sort((a, b) => b.from - a.from)) tr.delete(at + (range.from - from), at + (range.to - from));
              }
              const end = tr.mapping.slice(replacedAt + 1).map(at + restored, -1);
              if (size === 0) {
                const wasBackspace = selectionBefore.empty && selectionBefore.head === to;
                const caret = wasBackspace ? at : end;
                tr.setSelection(TextSelection.create(tr.doc, caret));
              }
              changed = true;
            }
            if (size > 0) {
              const sinceComputed = tr.mapping.slice(insertMappedAt);
              const finalFrom = sinceComputed.map(insertFrom, 1);
              const finalTo = sinceComputed.map(insertTo, -1);
              if (composing) addPending.push({ from: finalFrom, to: finalTo });
              else {
                markInserted(tr, finalFrom, finalTo);
                changed = true;
              }
            }
          });
        }
        pendingBefore = pendingBefore.map((range) => ({ from: transaction.mapping.map(range.from, 1), to: transaction.mapping.map(range.to, -1) }));
      });
      if (addPending.length > 0) {
        tr.setMeta(suggestModeKey, { add: addPending } satisfies PendingMeta);
        changed = true;
      }
      return changed ? tr.setMeta(SUGGEST_SKIP, true) : null;
    },
    props: {
      handleKeyDown(editorView, event) {
        if (editorView.composing || event.isComposing || event.keyCode === 229) return false;
        if (event.key === "Backspace") return deleteAsSuggestion(editorView, "backward");
        if (event.key === "Delete") return deleteAsSuggestion(editorView, "forward");
        if (event.key === "Enter" && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) return insertParagraph(editorView);
        return false;
      },
      handleDOMEvents: {
        compositionstart(editorView) {
          // Typing pinyin over a selection would replace it mid-composition: mark it deleted first.
          const { from, to, empty } = editorView.state.selection;
          if (!empty) {
            const tr = editorView.state.tr.setMeta(SUGGEST_SKIP, true);
            markDeleted(tr, from, to);
            tr.setSelection(TextSelection.create(tr.doc, to));
            editorView.dispatch(tr);
          }
          return false;
        },
        compositionend() {
          clearTimeout(flushTimer);
          // ProseMirror reads the composed text 20 ms after compositionend; mark it soon after, before the body syncs.
          // (Not from a keydown: redrawing there loses the caret move the key is about to make.)
          flushTimer = setTimeout(flushPending, 80);
          return false;
        },
      },
    },
  });
}
