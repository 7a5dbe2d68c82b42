import { docToText, type Report } from "@/lib/report-model";

import type { BodyEditorHandle } from "@/components/editor/body-editor";

import { fieldDomId, focusField } from "./focus-location";
import type { FindingsState } from "./use-findings";
import { applyFix, type Finding } from "./validation-api";

const META_FIELDS = new Set(["title", "mainRecipient", "signature", "meta"]);

export interface FindingActionsOptions {
  editors: { readonly current: Map<string, BodyEditorHandle> };
  findings: FindingsState;
  edit: (change: (report: Report) => Report) => void;
  onFocusSection: (sectionId: string) => void;
  /** Metadata changed outside its form (the form remounts to show it). */
  onMetaReplaced: () => void;
  onNotice: (message: string) => void;
}

/** Jump to a finding's text, and apply its one-click fix (handlers for the findings panel). */
export function useFindingActions(options: FindingActionsOptions) {
  const { findings, edit } = options;
  const editorOf = (itemId: string) => options.editors.current.get(itemId);

  function onSelectFinding(finding: Finding) {
    const { location } = finding;
    if (location.sectionId) options.onFocusSection(location.sectionId);
    const editor = location.field === "body" && location.itemId ? editorOf(location.itemId) : undefined;
    if (editor) {
      editor.focusRange(location.range?.from ?? 0, location.range?.to ?? location.range?.from ?? 0);
      return;
    }
    const id = fieldDomId(location);
    if (id) focusField(id, location.range);
  }

  function onFixFinding(finding: Finding) {
    const fix = finding.fix;
    if (!fix) return;
    const checkedItems = new Map(findings.checked.sections.flatMap((s) => s.items).map((item) => [item.id, item]));
    const bodyEdits = new Map<string, Array<{ from: number; to: number; insert: string }>>();
    const otherEdits = fix.edits.filter((textEdit) => {
      const itemId = textEdit.location.itemId;
      if (textEdit.location.field !== "body" || !itemId || !editorOf(itemId)) return true;
      bodyEdits.set(itemId, [...(bodyEdits.get(itemId) ?? []), { from: textEdit.from, to: textEdit.to, insert: textEdit.insert }]);
      return false;
    });
    // Bodies change through their editor, so Ctrl+Z undoes the fix.
    for (const [itemId, edits] of bodyEdits) {
      const expected = checkedItems.get(itemId);
      const editor = editorOf(itemId);
      const isApplied = editor?.applyTextEdits(edits, expected ? docToText(expected.body) : undefined);
      editor?.flush();
      if (!isApplied) {
        options.onNotice("正文在检查之后又有改动，已重新检查，请再试一次。");
        findings.revalidate();
        return;
      }
    }
    if (otherEdits.length > 0) {
      edit((report) => applyFix(report, { ...fix, edits: otherEdits }));
      if (otherEdits.some((textEdit) => META_FIELDS.has(textEdit.location.field))) options.onMetaReplaced();
    }
    options.onNotice("");
  }

  return { onSelectFinding, onFixFinding };
}
