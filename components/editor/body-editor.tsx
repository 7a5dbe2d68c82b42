"use client";

import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { TextSelection } from "@tiptap/pm/state";
import { Placeholder } from "@tiptap/extensions";
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";

import { useLiveCollabContext } from "@/components/report/collab/live-collab-context";
import type { LiveCollabSession } from "@/components/report/collab/live-collab";
import { createBodyExtensions } from "@/lib/report-model/extensions";
import type { RichDoc } from "@/lib/report-model";
import { isEditableStatus } from "@/lib/report-model/workflow/status";

import { EditorToolbar } from "./editor-toolbar";
import { setBodyEditPending } from "./lazy-body/activation";
import { BODY_FRAME_CLASS, BODY_PROSE_CLASS } from "./lazy-body/body-classes";
import { HighlightRanges, highlightRangesKey, type HighlightMeta } from "./highlight-ranges";
import { buildTextMap, posToTextOffset, textRangeToPosRange } from "./text-position";
import { useLatest } from "./use-latest";
import { useSuggestAuthor } from "./suggest/suggest-context";

/** Character ranges in `docToText(body)`; `text` is the plain text they were computed on. */
export interface TextRanges {
  text: string;
  ranges: Array<{ id: string; from: number; to: number }>;
}

export interface BodyEditorHandle {
  /** Scrolls to, selects and paints `from..to` (plain-text offsets). */
  focusRange: (from: number, to: number) => void;
  /**
   * Replaces plain-text ranges in one undoable transaction. Returns false (and changes nothing)
   * when the body no longer reads `expectedText`, i.e. the edit was computed on older text.
   */
  applyTextEdits: (edits: Array<{ from: number; to: number; insert: string }>, expectedText?: string) => boolean;
  /** Sends pending changes to `onChange` now (unless an IME composition is open). */
  flush: () => void;
  isComposing: () => boolean;
  /**
   * Shows a body merged in from someone else's save, outside the undo history and without `onChange`.
   * Returns false (and changes nothing) while an IME composition is open.
   */
  setBody: (body: RichDoc) => boolean;
  /**
   * Writes a body changed in this page by the official's own action (moving a passage into another part) as
   * an edit outside the undo history; on a live body it reaches the live document like typing. False (nothing
   * changed) while an IME composition is open.
   */
  writeBody: (body: RichDoc) => boolean;
}

export interface BodyEditorProps {
  itemId: string;
  /** Read once when the editor mounts; the editor is uncontrolled afterwards (remount to replace). */
  initialContent: RichDoc;
  isEditable: boolean;
  /** Accessible name, e.g. "第1项正文". */
  label: string;
  placeholder?: string;
  /** Debounced; never called mid-composition. */
  onChange: (body: RichDoc) => void;
  onBlur?: () => void;
  onFocus?: () => void;
  /** A non-empty selection as a plain-text range of `docToText(body)` (for review comments), or null. */
  onSelectionChange?: (selection: { from: number; to: number; quote: string } | null) => void;
  pendingRanges?: TextRanges;
  /** @default 300 */
  syncDelayMs?: number;
}

const PROSE = BODY_PROSE_CLASS;

/** The body extensions; co-editing replaces the undo history with Yjs's own (the Collaboration extension's). */
function bodyExtensions(placeholder: string, session: LiveCollabSession | null, itemId: string) {
  const base = createBodyExtensions();
  if (!session) return [...base, Placeholder.configure({ placeholder }), HighlightRanges];
  const withoutHistory = base.filter((extension) => extension.name !== "undoRedo");
  return [...withoutHistory, Placeholder.configure({ placeholder }), HighlightRanges, session.extensionFor(itemId)];
}

/** Whether a body has any text or non-paragraph content (an empty doc is one empty paragraph). */
function bodyHasContent(body: RichDoc): boolean {
  return body.content.some((node) => node.type !== "paragraph" || (node.content?.length ?? 0) > 0);
}

/** The editor's JSON is built from `createBodyExtensions()`, whose nodes and marks are exactly RichDoc's. */
function editorDoc(editor: Editor): RichDoc {
  return editor.getJSON() as RichDoc;
}

export const BodyEditor = forwardRef<BodyEditorHandle, BodyEditorProps>(function BodyEditor(props, ref) {
  const { itemId, initialContent, isEditable, label, placeholder = "在此撰写正文……", syncDelayMs = 300 } = props;
  const typedKey = `typed:${itemId}`;
  const wrapperRef = useRef<HTMLDivElement>(null);
  const callbacks = useLatest(props);
  const syncTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const isDirty = useRef(false);
  // Live co-editing: the editor is rebuilt on the Yjs fragment once the report's live document has synced,
  // unless the user already typed here (that text goes by the ordinary save and reaches the live document from it).
  const liveCollab = useLiveCollabContext();
  const [liveSession, setLiveSession] = useState<LiveCollabSession | null>(null);
  const hasLocalEdits = useRef(false);
  // Rebuilding a focused editor would drop the caret and any IME composition: a focused editor waits for its blur.
  const [blurCount, setBlurCount] = useState(0);
  const focusedRef = useRef(false);
  // An item made in this page since it loaded (a passage moved into a new item) has no text in the live
  // document yet: the editor built on it writes its own body there first, so nothing shown is dropped.
  const shouldSeedLive = useRef(false);
  const initialContentRef = useLatest(initialContent);
  useEffect(() => {
    if (liveCollab.session && !liveSession && !hasLocalEdits.current && !focusedRef.current) {
      shouldSeedLive.current = liveCollab.session.isBodyUnknown(itemId) && bodyHasContent(initialContentRef.current);
      setLiveSession(liveCollab.session);
    }
    // Goes live when the session arrives or the editor loses focus, not when the page's copy of the body changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [liveCollab.session, liveSession, blurCount]);
  useEffect(() => {
    if (!liveSession) return;
    liveSession.markLive(itemId, true);
    return () => liveSession.markLive(itemId, false);
  }, [liveSession, itemId]);

  const editor = useEditor(
    {
      immediatelyRender: false,
      extensions: bodyExtensions(placeholder, liveSession, itemId),
      ...(liveSession ? {} : { content: initialContent }),
      editable: isEditable,
      editorProps: {
        attributes: {
          class: PROSE,
          "aria-label": label,
          "aria-multiline": "true",
          role: "textbox",
          "data-testid": `body-editor-${itemId}`,
          spellcheck: "false",
        },
      },
      onUpdate: () => {
        isDirty.current = true;
        if (!liveSession) {
          hasLocalEdits.current = true;
          // Until sync() hands it to the report, this text is on screen only: the page must not say 已保存.
          setBodyEditPending(typedKey, true);
        }
        scheduleSync();
      },
      onBlur: () => {
        sync();
        focusedRef.current = false;
        setBlurCount((count) => count + 1);
        callbacks.current.onBlur?.();
      },
      onFocus: () => {
        focusedRef.current = true;
        callbacks.current.onFocus?.();
      },
      onSelectionUpdate: ({ editor: current }) => reportSelection(current),
    },
    [liveSession],
  );
  const editorRef = useLatest(editor);
  const liveSessionRef = useLatest(liveSession);
  useEffect(() => {
    if (!editor || !liveSession || !shouldSeedLive.current) return;
    // After the Yjs binding has rendered the (empty) fragment, write the body into it as a local edit.
    const timer = setTimeout(() => {
      if (editor.isDestroyed || editor.state.doc.textContent.length > 0) return;
      if (writeBodyNow(initialContent)) shouldSeedLive.current = false;
    }, 0);
    return () => clearTimeout(timer);
    // initialContent is read once, like the editor's own content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, liveSession]);

  // The server says the report left 草稿/退回: stop editing at once (the heartbeat says why).
  useEffect(() => {
    if (!liveSession || !editor) return;
    return liveSession.onStatus((status) => {
      if (!isEditableStatus(status) && !editor.isDestroyed) editor.setEditable(false);
    });
  }, [liveSession, editor]);

  /** Replaces only the range of the body that differs, so a caret elsewhere in it stays where it is. */
  function writeBodyNow(body: RichDoc): boolean {
    const current = editorRef.current;
    if (!current || current.isDestroyed) return true;
    if (current.view.composing) return false;
    clearTimeout(syncTimer.current);
    isDirty.current = false;
    setBodyEditPending(typedKey, false);
    // Replace only the range that differs, so a caret elsewhere in this body stays where it is.
    const { state } = current;
    const next = state.schema.nodeFromJSON(body);
    const start = state.doc.content.findDiffStart(next.content);
    if (start === null) return true;
    let { a: endA, b: endB } = state.doc.content.findDiffEnd(next.content) ?? { a: state.doc.content.size, b: next.content.size };
    const overlap = start - Math.min(endA, endB);
    if (overlap > 0) [endA, endB] = [endA + overlap, endB + overlap];
    current.view.dispatch(state.tr.replace(start, endA, next.slice(start, endB)).setMeta("addToHistory", false).setMeta("preventUpdate", true));
    return true;
  }

  /** Tells the workspace about a non-empty selection; during a composition it looks again once that ends. */
  function reportSelection(current: Editor) {
    const report = callbacks.current.onSelectionChange;
    if (!report || current.isDestroyed) return;
    if (current.view.composing) {
      setTimeout(() => reportSelection(current), 100);
      return;
    }
    const { from, to, empty } = current.state.selection;
    if (empty) return report(null);
    const map = buildTextMap(current.state.doc);
    const start = posToTextOffset(from, map);
    const end = posToTextOffset(to, map);
    report(end > start ? { from: start, to: end, quote: map.text.slice(start, end) } : null);
  }

  function sync() {
    clearTimeout(syncTimer.current);
    const current = editorRef.current;
    if (!current || current.isDestroyed || !isDirty.current) return;
    if (current.view.composing) {
      scheduleSync();
      return;
    }
    isDirty.current = false;
    callbacks.current.onChange(editorDoc(current));
    setBodyEditPending(typedKey, false);
  }

  function scheduleSync() {
    clearTimeout(syncTimer.current);
    syncTimer.current = setTimeout(sync, syncDelayMs);
  }

  useEffect(
    () => () => {
      clearTimeout(syncTimer.current);
      setBodyEditPending(typedKey, false);
    },
    [typedKey],
  );

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== isEditable) editor.setEditable(isEditable);
  }, [editor, isEditable]);

  // Suggestion mode (修订): a reviewer types into a submitted report; every change is kept as a tracked suggestion.
  const suggestAuthor = useSuggestAuthor();
  useEffect(() => {
    if (!editor || editor.isDestroyed || !suggestAuthor) return;
    let isCurrent = true;
    // Loaded only for a reviewer or approver; the body stays read-only until it is in place.
    void import("./suggest/suggest-mode").then(({ createSuggestPlugin }) => {
      if (!isCurrent || editor.isDestroyed) return;
      // First, so its Backspace/Delete come before the keymaps that would join paragraphs.
      editor.registerPlugin(createSuggestPlugin(suggestAuthor), (plugin, plugins) => [plugin, ...plugins]);
      editor.setEditable(true);
    });
    return () => {
      isCurrent = false;
      if (editor.isDestroyed) return;
      editor.unregisterPlugin("suggestMode");
      editor.setEditable(isEditable);
    };
    // isEditable is read when suggestion mode ends; the effect above follows its changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, suggestAuthor]);

  // Repaint "待更新" marks; a transaction mid-composition would disturb the IME, so wait for it to end.
  const pendingRanges = props.pendingRanges;
  const paintedCount = useRef(0);
  useEffect(() => {
    if (!editor || editor.isDestroyed || !pendingRanges) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const paint = () => {
      if (editor.isDestroyed) return;
      if (editor.view.composing) {
        timer = setTimeout(paint, 200);
        return;
      }
      const map = buildTextMap(editor.state.doc);
      if (map.text !== pendingRanges.text) return; // stale: the next sync brings fresh ranges
      if (pendingRanges.ranges.length === 0 && paintedCount.current === 0) return;
      paintedCount.current = pendingRanges.ranges.length;
      const pending = pendingRanges.ranges.map((range) => ({
        id: range.id,
        ...textRangeToPosRange(editor.state.doc, range.from, range.to, map),
      }));
      const meta: HighlightMeta = { pending };
      editor.view.dispatch(editor.state.tr.setMeta(highlightRangesKey, meta).setMeta("addToHistory", false));
    };
    paint();
    return () => clearTimeout(timer);
  }, [editor, pendingRanges]);

  useImperativeHandle(
    ref,
    () => ({
      focusRange(from, to) {
        const current = editorRef.current;
        if (!current || current.isDestroyed) return;
        const range = textRangeToPosRange(current.state.doc, from, to);
        const meta: HighlightMeta = { focus: range.to > range.from ? range : null };
        const tr = current.state.tr
          .setSelection(TextSelection.create(current.state.doc, range.from, range.to))
          .setMeta(highlightRangesKey, meta)
          .setMeta("addToHistory", false)
          .scrollIntoView();
        current.view.dispatch(tr);
        current.view.focus();
        wrapperRef.current?.scrollIntoView?.({ block: "center", behavior: "smooth" });
      },
      applyTextEdits(edits, expectedText) {
        const current = editorRef.current;
        if (!current || current.isDestroyed || current.view.composing) return false;
        const map = buildTextMap(current.state.doc);
        if (expectedText !== undefined && map.text !== expectedText) return false;
        const tr = current.state.tr;
        const ordered = [...edits].sort((a, b) => b.from - a.from);
        for (const edit of ordered) {
          const range = textRangeToPosRange(current.state.doc, edit.from, edit.to, map);
          tr.insertText(edit.insert, tr.mapping.map(range.from), tr.mapping.map(range.to));
        }
        current.view.dispatch(tr);
        return true;
      },
      flush: sync,
      isComposing: () => Boolean(editorRef.current?.view.composing),
      setBody(body) {
        // A live body is the Yjs document's: others' text arrives through it, never as a replacement.
        if (liveSessionRef.current) return true;
        return writeBodyNow(body);
      },
      writeBody: (body) => writeBodyNow(body),
    }),
    // Every method reads the editor through refs, so the handle never needs replacing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  return (
    <div
      ref={wrapperRef}
      data-collab={liveSession ? "live" : liveCollab.status}
      className={BODY_FRAME_CLASS}
      onCompositionStart={(event) => event.currentTarget.setAttribute("data-composing", "true")}
      onCompositionEnd={(event) => event.currentTarget.removeAttribute("data-composing")}
    >
      {isEditable && editor && <EditorToolbar editor={editor} label={`${label}格式工具栏`} />}
      <EditorContent editor={editor} />
    </div>
  );
});
