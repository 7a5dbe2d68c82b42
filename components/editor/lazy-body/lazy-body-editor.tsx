"use client";

import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";

import { useLiveCollabContext } from "@/components/report/collab/live-collab-context";
import type { RichDoc } from "@/lib/report-model/rich-text";

import type { BodyEditorHandle, BodyEditorProps } from "../body-editor";
import { useSuggestAuthor } from "../suggest/suggest-context";
import { useLatest } from "../use-latest";
import { activateBodies, loadBodyEngine, setBodyEditPending, useBodiesActivated } from "./activation";
import { BODY_FRAME_CLASS, BODY_PROSE_CLASS, TOOLBAR_BUTTON_CLASS, TOOLBAR_CLASS } from "./body-classes";
import { applyStaticTextEdits, domPointToTextOffset, drawnText, rebaseTypedEdit, staticBodyHtml, staticBodyText, textOffsetToDomPoint } from "./static-body";

type BodyEngine = Awaited<ReturnType<typeof loadBodyEngine>>;

/** How long a body that is ready waits for co-editing to connect, so it starts on the live document. */
const LIVE_WAIT_MS = 6000;
/** After the first touch, how long a body waits for the workspace to begin connecting co-editing. */
const SESSION_START_GRACE_MS = 500;
const POLL_MS = 16;

/** The toolbar's always-shown buttons (components/editor/editor-toolbar.tsx), drawn before the engine is loaded. */
const STATIC_TOOLBAR: Array<{ label: string; glyph: string; title: string; className?: string }> = [
  { label: "加粗", glyph: "B", title: "加粗（Ctrl+B）", className: "font-bold" },
  { label: "倾斜", glyph: "I", title: "倾斜（Ctrl+I）", className: "italic" },
  { label: "编号列表", glyph: "1.", title: "编号列表" },
  { label: "项目列表", glyph: "•", title: "项目列表" },
  { label: "插入表格", glyph: "表格", title: "插入表格" },
  { label: "撤销", glyph: "↶", title: "撤销（Ctrl+Z）" },
  { label: "重做", glyph: "↷", title: "重做（Ctrl+Shift+Z）" },
];

/** The browser's own serialization of `html`, to tell whether the official has changed the static body. */
function normalizedHtml(html: string): string {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.innerHTML;
}

interface TextSelectionOffsets {
  anchor: number;
  head: number;
  isFocused: boolean;
}

function readSelection(root: HTMLElement): TextSelectionOffsets | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return null;
  if (!root.contains(selection.anchorNode) || !root.contains(selection.focusNode)) return null;
  return {
    anchor: domPointToTextOffset(root, selection.anchorNode, selection.anchorOffset),
    head: domPointToTextOffset(root, selection.focusNode, selection.focusOffset),
    isFocused: root.contains(document.activeElement),
  };
}

/**
 * A report body that costs nothing until it is used: it is drawn as static HTML (the same elements and classes as
 * the editor) and the Tiptap engine loads on the first pointer, focus or key in a body, or when live co-editing
 * starts. Nothing typed meanwhile is lost: the static body is itself editable, so the browser takes the first
 * keystrokes and any IME composition; when the engine is in place (and no composition is open) it is handed the
 * static body's text (read with the editor's schema) and the caret, in one task, before it is shown.
 * Same props and handle as `BodyEditor`.
 */
export const LazyBodyEditor = forwardRef<BodyEditorHandle, BodyEditorProps>(function LazyBodyEditor(props, ref) {
  const { itemId, isEditable, label, placeholder = "在此撰写正文……" } = props;
  const suggestAuthor = useSuggestAuthor();
  const liveCollab = useLiveCollabContext();
  const isActivated = useBodiesActivated();
  const [engine, setEngine] = useState<BodyEngine | null>(null);
  const [isShown, setShown] = useState(false);
  const [isHydrated, setHydrated] = useState(false);
  const [isTouchedHere, setTouchedHere] = useState(false);
  // What the static copy shows and the engine starts from; merges and moves before the engine is shown update it.
  const [body, setBodyState] = useState(props.initialContent);
  const bodyRef = useRef(body);
  const staticRef = useRef<HTMLDivElement>(null);
  const engineBoxRef = useRef<HTMLDivElement>(null);
  const inner = useRef<BodyEditorHandle | null>(null);
  const callbacks = useLatest(props);
  const liveRef = useLatest(liveCollab);
  const isShownRef = useLatest(isShown);
  // Typed into the static copy (its DOM is the official's now: never re-rendered) / composition open there.
  const isEdited = useRef(false);
  const isComposing = useRef(false);
  const pendingFocus = useRef<{ from: number; to: number } | null>(null);
  // The engine starts from this body; fixes made before it was mounted are replayed into it (so Ctrl+Z undoes them).
  const engineStart = useRef(props.initialContent);
  const queuedEdits = useRef<Array<Array<{ from: number; to: number; insert: string }>>>([]);
  // Undo is there (as in the editor) only once something was done here: a fix waiting for the engine.
  const [canUndo, setCanUndo] = useState(false);
  const pendingToolbar = useRef<string | null>(null);
  // Suggestion mode waits for its plugin in the engine: its static copy takes no typing.
  const isStaticEditable = isEditable && !suggestAuthor;
  const wantsEngine = isTouchedHere || liveCollab.session !== null;

  const pendingRanges = props.pendingRanges;
  const frozenHtml = useRef<string | null>(null);
  const html = useMemo(() => {
    const ranges = pendingRanges && pendingRanges.text === staticBodyText(body) ? pendingRanges.ranges : [];
    // The editor shows its placeholder only where it can be typed in.
    return staticBodyHtml(body, ranges, isStaticEditable ? placeholder : undefined);
  }, [body, pendingRanges, placeholder, isStaticEditable]);
  const shownHtml = frozenHtml.current ?? html;
  const firstHtml = useRef(shownHtml);
  // What React last put into the static copy: once the official types there, React keeps it as it is.
  const renderedHtml = useRef(shownHtml);
  useLayoutEffect(() => {
    renderedHtml.current = shownHtml;
  });

  function touch() {
    // Enter in the static copy makes paragraphs, as in the editor (Chromium's default is a div).
    if (!isActivated && typeof document.execCommand === "function") document.execCommand("defaultParagraphSeparator", false, "p");
    activateBodies();
    setTouchedHere(true);
  }

  function markEdited() {
    if (isEdited.current) return;
    isEdited.current = true;
    frozenHtml.current = renderedHtml.current;
    // Until the engine takes this text over, the page says it is not saved yet.
    setBodyEditPending(itemId, true);
  }

  function updateBody(next: RichDoc) {
    bodyRef.current = next;
    setBodyState(next);
  }

  // Hydrated: only now the body carries its test id (the page is interactive). Anything done before hydration
  // (a click, typing into the server-rendered body) starts the engine now.
  useEffect(() => {
    setHydrated(true);
    const element = staticRef.current;
    if (!element) return;
    const isChanged = element.innerHTML !== normalizedHtml(firstHtml.current);
    if (isChanged) markEdited();
    if (isChanged || element.contains(document.activeElement)) touch();
    // Runs once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A body that goes away (its item removed) holds nothing the page waits for.
  useEffect(() => () => setBodyEditPending(itemId, false), [itemId]);

  // A reviewer's static copy takes no typing (suggestions need the engine's plugin), so in suggestion mode the
  // engine starts at once: no key a reviewer types after the first click can fall into a body that ignores it.
  useEffect(() => {
    if (suggestAuthor && isEditable) touch();
    // touch() reads refs and module state only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [suggestAuthor, isEditable]);

  // The browser edits the static copy itself; these listeners only record that it did.
  useEffect(() => {
    const element = staticRef.current;
    if (!element || isShown) return;
    const onInput = () => {
      markEdited();
      // The editor's placeholder leaves a paragraph once it has text.
      for (const paragraph of element.querySelectorAll(".is-editor-empty")) if (paragraph.textContent) paragraph.classList.remove("is-editor-empty");
    };
    const onCompositionStart = () => {
      isComposing.current = true;
      markEdited();
      touch();
    };
    const onCompositionEnd = () => {
      isComposing.current = false;
    };
    element.addEventListener("beforeinput", onInput);
    element.addEventListener("input", onInput);
    element.addEventListener("compositionstart", onCompositionStart);
    element.addEventListener("compositionend", onCompositionEnd);
    return () => {
      element.removeEventListener("beforeinput", onInput);
      element.removeEventListener("input", onInput);
      element.removeEventListener("compositionstart", onCompositionStart);
      element.removeEventListener("compositionend", onCompositionEnd);
    };
    // The handlers read refs only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isShown]);

  useEffect(() => {
    if (!wantsEngine || engine) return;
    let isCurrent = true;
    loadBodyEngine()
      .then((loaded) => {
        if (isCurrent) setEngine(loaded);
      })
      .catch(() => {
        // The next touch tries again; what was typed stays in the static copy.
        if (isCurrent) setTouchedHere(false);
      });
    return () => {
      isCurrent = false;
    };
  }, [wantsEngine, engine]);

  // Until it is shown, the engine's editor is no second "body-editor-…" on the page (its view keeps the attribute
  // ProseMirror gave it once, so taking it off sticks; a rebuilt view is caught before any other task runs).
  const hideTestIds = useRef<MutationObserver | null>(null);
  useEffect(() => {
    const box = engineBoxRef.current;
    if (!engine || isShown || !box) return;
    const strip = () => {
      for (const element of box.querySelectorAll("[data-testid]")) element.removeAttribute("data-testid");
    };
    const observer = new MutationObserver(strip);
    observer.observe(box, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-testid"] });
    hideTestIds.current = observer;
    strip();
    return () => observer.disconnect();
  }, [engine, isShown]);

  // Hand over once the engine's editor is in place (on the live document when co-editing is connecting).
  useEffect(() => {
    if (!engine || isShown) return;
    const startedAt = performance.now();
    let lastView: Element | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () => {
      timer = setTimeout(attempt, POLL_MS);
      const view = engineBoxRef.current?.querySelector(".ProseMirror");
      const frame = engineBoxRef.current?.querySelector("[data-collab]");
      if (!view || !frame || !inner.current || isComposing.current) return;
      const waited = performance.now() - startedAt;
      const { status, session } = liveRef.current;
      // Where the official is at work, the editor should start on the live document (typing stays in the static
      // copy meanwhile); other bodies go live later by themselves.
      const isUserHere = isEdited.current || Boolean(staticRef.current?.contains(document.activeElement));
      if (isUserHere && waited < LIVE_WAIT_MS) {
        if (status === "connecting") return;
        if (status === "off" && isActivated && isEditable && waited < SESSION_START_GRACE_MS) return;
        if (session && frame.getAttribute("data-collab") !== "live") return;
      }
      // The same editor two polls running: a rebuild (going live) has finished.
      if (view !== lastView) {
        lastView = view;
        return;
      }
      clearTimeout(timer);
      handOver(engine, view as HTMLElement);
    };
    timer = setTimeout(attempt, POLL_MS);
    return () => clearTimeout(timer);
    // handOver reads refs; isActivated/isEditable are read when the engine arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, isShown]);

  /** One task: the static copy's text and caret go into the editor, which replaces it on screen. */
  function handOver(loaded: BodyEngine, view: HTMLElement) {
    const element = staticRef.current;
    const handle = inner.current;
    if (!handle) return;
    const selection = element ? readSelection(element) : null;
    for (const edits of queuedEdits.current.splice(0)) handle.applyTextEdits(edits, undefined);
    if (element && isEdited.current) {
      const parsed = loaded.parseBodyHtml(element.innerHTML);
      if (JSON.stringify(parsed) !== JSON.stringify(bodyRef.current)) {
        const base = document.createElement("template");
        base.innerHTML = renderedHtml.current;
        const [baseText, typedText, currentText] = [drawnText(base.content), drawnText(element), drawnText(view)];
        // On a live body others may have changed since it was drawn: only the official's own edit goes in.
        const edit = currentText === baseText ? null : rebaseTypedEdit(baseText, typedText, currentText);
        // Applied as typing, the editor reports the change itself; written whole, the page is told here.
        if (!edit || !handle.applyTextEdits([edit], undefined)) {
          handle.writeBody(parsed);
          callbacks.current.onChange(parsed);
        }
        bodyRef.current = parsed;
      }
    }
    hideTestIds.current?.disconnect();
    view.setAttribute("data-testid", `body-editor-${itemId}`);
    flushSync(() => setShown(true));
    // The typed text is the editor's now (a live change or a save on its way): the page's save state follows it.
    setBodyEditPending(itemId, false);
    // Only where the official still is: a selection put into an editor also moves the focus there.
    if (selection?.isFocused) {
      const anchor = textOffsetToDomPoint(view, selection.anchor);
      const head = textOffsetToDomPoint(view, selection.head);
      view.focus({ preventScroll: true });
      document.getSelection()?.setBaseAndExtent(anchor.node, anchor.offset, head.node, head.offset);
    }
    if (pendingFocus.current) {
      const { from, to } = pendingFocus.current;
      pendingFocus.current = null;
      handle.focusRange(from, to);
    }
    if (pendingToolbar.current) {
      const name = pendingToolbar.current;
      pendingToolbar.current = null;
      // The editor's own button, so the action is exactly the toolbar's.
      Array.from(engineBoxRef.current?.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button') ?? [])
        .find((button) => button.getAttribute("aria-label") === name)
        ?.click();
    }
  }

  useImperativeHandle(
    ref,
    () => ({
      focusRange(from, to) {
        if (isShownRef.current && inner.current) return inner.current.focusRange(from, to);
        pendingFocus.current = { from, to };
        staticRef.current?.scrollIntoView?.({ block: "center", behavior: "smooth" });
        touch();
      },
      applyTextEdits(edits, expectedText) {
        if (isShownRef.current && inner.current) return inner.current.applyTextEdits(edits, expectedText);
        if (isEdited.current || isComposing.current) return false;
        const next = applyStaticTextEdits(bodyRef.current, edits, expectedText);
        if (!next) return false;
        updateBody(next);
        // Into the (hidden) editor's history now, or into the engine's once it is mounted.
        if (inner.current) inner.current.applyTextEdits(edits, undefined);
        else {
          queuedEdits.current.push(edits);
          setCanUndo(true);
          callbacks.current.onChange(next);
        }
        return true;
      },
      flush() {
        inner.current?.flush();
      },
      isComposing: () => isComposing.current || Boolean(inner.current?.isComposing()),
      setBody(next) {
        if (isShownRef.current && inner.current) return inner.current.setBody(next);
        if (isComposing.current) return false;
        updateBody(next);
        engineStart.current = next;
        queuedEdits.current = [];
        setCanUndo(false);
        inner.current?.setBody(next);
        return true;
      },
      writeBody(next) {
        if (isShownRef.current && inner.current) return inner.current.writeBody(next);
        if (isComposing.current) return false;
        updateBody(next);
        engineStart.current = next;
        queuedEdits.current = [];
        setCanUndo(false);
        inner.current?.writeBody(next);
        return true;
      },
    }),
    // Every method reads refs, so the handle never needs replacing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const EngineEditor = engine?.BodyEditor;
  return (
    <>
      {!isShown && (
        <div
          className={BODY_FRAME_CLASS}
          data-collab={liveCollab.status === "live" ? "connecting" : liveCollab.status}
          onCompositionStart={(event) => event.currentTarget.setAttribute("data-composing", "true")}
          onCompositionEnd={(event) => event.currentTarget.removeAttribute("data-composing")}
        >
          {isEditable && (
            <div role="toolbar" aria-label={`${label}格式工具栏`} className={TOOLBAR_CLASS}>
              {STATIC_TOOLBAR.map((action) => (
                <button
                  key={action.label}
                  type="button"
                  aria-label={action.label}
                  title={action.title}
                  disabled={(action.label === "撤销" && !canUndo) || action.label === "重做"}
                  className={`${TOOLBAR_BUTTON_CLASS} ${action.className ?? ""}`}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => {
                    pendingToolbar.current = action.label;
                    touch();
                  }}
                >
                  {action.glyph}
                </button>
              ))}
            </div>
          )}
          <div
            ref={staticRef}
            className={BODY_PROSE_CLASS}
            contentEditable={isStaticEditable}
            tabIndex={isStaticEditable ? undefined : 0}
            role="textbox"
            aria-label={label}
            aria-multiline="true"
            aria-readonly={isStaticEditable ? undefined : "true"}
            spellCheck={false}
            translate="no"
            data-static-body=""
            data-testid={isHydrated ? `body-editor-${itemId}` : undefined}
            onPointerDown={touch}
            onFocus={touch}
            onKeyDown={touch}
            dangerouslySetInnerHTML={{ __html: shownHtml }}
          />
        </div>
      )}
      {EngineEditor && (
        <div ref={engineBoxRef} hidden={!isShown}>
          <EngineEditor
            {...props}
            initialContent={engineStart.current}
            ref={(handle) => {
              inner.current = handle;
            }}
          />
        </div>
      )}
    </>
  );
});
