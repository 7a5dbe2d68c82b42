import { docToText, type Report } from "@/lib/report-model";

import type { BodyEditorHandle } from "@/components/editor/body-editor";

import { fieldDomId, focusField } from "./focus-location";
import { OPENING_EDITOR_ID } from "./opening-form";
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

/** The editor that holds a location's text: an item body's, or the opening's (导语). */
function editorKeyOf(location: Finding["location"]): string | undefined {
  if (location.field === "opening") return OPENING_EDITOR_ID;
  return location.field === "body" ? location.itemId : undefined;
}

/** Jump to a finding's text, and apply its one-click fix (handlers for the findings panel). */
export function useFindingActions(options: FindingActionsOptions) {
  const { findings, edit } = options;
  const editorOf = (itemId: string) => options.editors.current.get(itemId);

  function onSelectFinding(finding: Finding) {
    const { location } = finding;
    if (location.sectionId) options.onFocusSection(location.sectionId);
    const editor = editorKeyOf(location) ? editorOf(editorKeyOf(location)!) : undefined;
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
      const key = editorKeyOf(textEdit.location);
      if (!key || !editorOf(key)) return true;
      bodyEdits.set(key, [...(bodyEdits.get(key) ?? []), { from: textEdit.from, to: textEdit.to, insert: textEdit.insert }]);
      return false;
    });
    // Bodies and the opening change through their editor, so Ctrl+Z undoes the fix.
    for (const [itemId, edits] of bodyEdits) {
      const expected = itemId === OPENING_EDITOR_ID ? findings.checked.opening : checkedItems.get(itemId)?.body;
      const editor = editorOf(itemId);
      const isApplied = editor?.applyTextEdits(edits, expected ? docToText(expected) : undefined);
      editor?.flush();
      if (!isApplied) {
        options.onNotice("正文在检查之后又有改动，已重新检查，请再试一次。");
        findings.revalidate();
        return;
      }
    }
    if (otherEdits.length > 0 || fix.acknowledgeImportedNumbering) {
      edit((report) => applyFix(report, { ...fix, edits: otherEdits }));
      if (otherEdits.some((textEdit) => META_FIELDS.has(textEdit.location.field))) options.onMetaReplaced();
    }
    options.onNotice("");
  }

  return { onSelectFinding, onFixFinding };
}
