"use client";

import { useEditorState, type Editor } from "@tiptap/react";

import { cn } from "@/components/ui/cn";

interface ToolbarAction {
  id: string;
  label: string;
  /** Visible glyph; the Chinese label is the accessible name. */
  glyph: string;
  shortcut?: string;
  run: (editor: Editor) => boolean;
  isActive?: (editor: Editor) => boolean;
  isEnabled?: (editor: Editor) => boolean;
  /** Only shown while the caret is in a table. */
  isTableOnly?: boolean;
}

const ACTIONS: ToolbarAction[] = [
  { id: "bold", label: "加粗", glyph: "B", shortcut: "Ctrl+B", run: (e) => e.chain().focus().toggleBold().run(), isActive: (e) => e.isActive("bold") },
  { id: "italic", label: "倾斜", glyph: "I", shortcut: "Ctrl+I", run: (e) => e.chain().focus().toggleItalic().run(), isActive: (e) => e.isActive("italic") },
  { id: "ordered", label: "编号列表", glyph: "1.", run: (e) => e.chain().focus().toggleOrderedList().run(), isActive: (e) => e.isActive("orderedList") },
  { id: "bullet", label: "项目列表", glyph: "•", run: (e) => e.chain().focus().toggleBulletList().run(), isActive: (e) => e.isActive("bulletList") },
  {
    id: "table",
    label: "插入表格",
    glyph: "表格",
    run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    isEnabled: (e) => !e.isActive("table"),
  },
  { id: "row", label: "在下方插入行", glyph: "+行", run: (e) => e.chain().focus().addRowAfter().run(), isTableOnly: true },
  { id: "column", label: "在右侧插入列", glyph: "+列", run: (e) => e.chain().focus().addColumnAfter().run(), isTableOnly: true },
  { id: "delete-row", label: "删除行", glyph: "−行", run: (e) => e.chain().focus().deleteRow().run(), isTableOnly: true },
  { id: "delete-column", label: "删除列", glyph: "−列", run: (e) => e.chain().focus().deleteColumn().run(), isTableOnly: true },
  { id: "delete-table", label: "删除表格", glyph: "删表", run: (e) => e.chain().focus().deleteTable().run(), isTableOnly: true },
  { id: "undo", label: "撤销", glyph: "↶", shortcut: "Ctrl+Z", run: (e) => e.chain().focus().undo().run(), isEnabled: (e) => e.can().undo() },
  { id: "redo", label: "重做", glyph: "↷", shortcut: "Ctrl+Shift+Z", run: (e) => e.chain().focus().redo().run(), isEnabled: (e) => e.can().redo() },
];

/** Only the formatting an official document may carry (GB/T 9704 bodies: bold, italic, lists, tables). */
export function EditorToolbar({ editor, label }: { editor: Editor; label: string }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      isInTable: current.isActive("table"),
      active: ACTIONS.map((action) => action.isActive?.(current) ?? false),
      enabled: ACTIONS.map((action) => action.isEnabled?.(current) ?? true),
    }),
    equalityFn: (a, b) => !!b && a.isInTable === b.isInTable && a.active.join() === b.active.join() && a.enabled.join() === b.enabled.join(),
  });

  return (
    <div role="toolbar" aria-label={label} className="flex flex-wrap items-center gap-0.5 border-b border-stone-200 bg-stone-50 px-1 py-0.5">
      {ACTIONS.map((action, index) => {
        if (action.isTableOnly && !state.isInTable) return null;
        const isActive = state.active[index] ?? false;
        return (
          <button
            key={action.id}
            type="button"
            aria-label={action.label}
            title={action.shortcut ? `${action.label}（${action.shortcut}）` : action.label}
            aria-pressed={action.isActive ? isActive : undefined}
            disabled={!(state.enabled[index] ?? true)}
            // Keep the editor's selection: toolbar clicks must not blur it first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => action.run(editor)}
            className={cn(
              "h-7 min-w-7 rounded px-1.5 text-xs text-stone-700 hover:bg-stone-200 disabled:text-stone-300",
              "focus-visible:outline-2 focus-visible:outline-blue-700",
              action.id === "bold" && "font-bold",
              action.id === "italic" && "italic",
              isActive && "bg-stone-200 text-stone-950",
            )}
          >
            {action.glyph}
          </button>
        );
      })}
    </div>
  );
}
