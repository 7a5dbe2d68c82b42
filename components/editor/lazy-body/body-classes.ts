/** The look of a report body, shared by the editor (components/editor/body-editor.tsx) and its static copy. */
export const BODY_PROSE_CLASS =
  "min-h-24 px-3 py-2 text-[15px] leading-7 text-stone-900 focus:outline-none " +
  "[&_p]:my-1 [&_ul]:my-1 [&_ul]:list-disc [&_ul]:pl-7 [&_ol]:my-1 [&_ol]:list-decimal [&_ol]:pl-7 " +
  "[&_table]:my-2 [&_table]:w-full [&_table]:border-collapse [&_td]:border [&_td]:border-stone-400 [&_td]:px-2 [&_td]:align-top " +
  "[&_th]:border [&_th]:border-stone-400 [&_th]:bg-stone-100 [&_th]:px-2 [&_th]:font-medium [&_.selectedCell]:bg-blue-100";

export const BODY_FRAME_CLASS =
  "rounded border border-stone-300 bg-white focus-within:border-blue-700 focus-within:ring-2 focus-within:ring-blue-700/20 " +
  // Hide the placeholder while pinyin is being composed so it never overlaps it (editor-pitfalls 3b).
  "[&_.is-editor-empty:first-child]:before:pointer-events-none [&_.is-editor-empty:first-child]:before:float-left " +
  "[&_.is-editor-empty:first-child]:before:h-0 [&_.is-editor-empty:first-child]:before:text-stone-400 " +
  "[&_.is-editor-empty:first-child]:before:content-[attr(data-placeholder)] " +
  "data-[composing=true]:[&_.is-editor-empty:first-child]:before:content-none";

/** The formatting toolbar's buttons as the editor draws them (components/editor/editor-toolbar.tsx). */
export const TOOLBAR_CLASS = "flex flex-wrap items-center gap-0.5 border-b border-stone-200 bg-stone-50 px-1 py-0.5";
export const TOOLBAR_BUTTON_CLASS =
  "h-7 min-w-7 rounded px-1.5 text-xs text-stone-700 hover:bg-stone-200 disabled:text-stone-300 focus-visible:outline-2 focus-visible:outline-blue-700";
