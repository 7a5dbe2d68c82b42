"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from "react";

import type { Report, ReportSection, ReportTemplate, TemplateSection } from "@/lib/report-model";
import { findLeaderDutyPassages, moveLeaderDutyPassage, type LeaderDutyPassage } from "@/lib/reuse/leader-duty-passages";
import { createSectionFromTemplate, insertSectionInOrder } from "@/lib/reuse/statutory-parts";

import type { BodyEditorHandle } from "@/components/editor/body-editor";

import { focusField } from "./focus-location";
import { PartsAddDialog } from "./parts-add-dialog";
import { leaderDutySuggestionsId, PartsLeaderDuty } from "./parts-leader-duty";
import { PartsRemoveDialog } from "./parts-remove-dialog";
import { insertSection, moveSection, removeSection, updateSection } from "./report-mutations";
import { sectionHeadingId } from "./section-form";

/** What the outline can do with parts. */
export interface PartActions {
  onAdd: () => void;
  onRemove: (sectionId: string) => void;
  onMove: (from: number, to: number) => void;
  onRename: (sectionId: string, heading: string) => void;
  /** Leader-duty passages found in other parts and not yet moved or dismissed. */
  leaderDutySuggestionCount: number;
  /** Scrolls to those suggestions and focuses the first one. */
  onShowSuggestions: () => void;
}

export interface UsePartActionsOptions {
  report: Report;
  reportRef: { readonly current: Report };
  edit: (change: (report: Report) => Report) => void;
  /** Sets the content and remounts the body editors (they are uncontrolled). */
  replace: (report: Report) => void;
  editors: RefObject<Map<string, BodyEditorHandle>>;
  template: ReportTemplate;
  isEditable: boolean;
}

export const addPartButtonId = "outline-add-part";
export const partMoveButtonId = (sectionId: string, direction: "up" | "down") => `part-move-${direction}-${sectionId}`;

/** Sends every editor's last keystrokes to the report first, so a part operation sees what was typed. */
function flushEditors(editors: RefObject<Map<string, BodyEditorHandle>>): void {
  for (const editor of editors.current?.values() ?? []) editor.flush();
}

/** Writes into their editors the bodies of items that exist in both versions and changed between them. */
function writeChangedBodies(editors: RefObject<Map<string, BodyEditorHandle>>, before: Report, after: Report): void {
  const previous = new Map(before.sections.flatMap((section) => section.items.map((item) => [item.id, item.body] as const)));
  for (const section of after.sections) {
    for (const item of section.items) {
      const old = previous.get(item.id);
      if (old !== undefined && old !== item.body) editors.current?.get(item.id)?.writeBody(item.body);
    }
  }
}

/** Part add/remove/reorder/rename and the leader-duty move, with their dialogs; used by the workspace. */
export function usePartActions({ report, reportRef, edit, replace, editors, template, isEditable }: UsePartActionsOptions) {
  const [isAdding, setIsAdding] = useState(false);
  const [addEpoch, setAddEpoch] = useState(0);
  const [removal, setRemoval] = useState<{ section: ReportSection; index: number } | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => {
    const id = focusAfterRender.current;
    if (!id) return;
    focusAfterRender.current = null;
    const element = document.getElementById(id);
    // focusField looks for a field inside the element; outline controls are the buttons themselves.
    if (element instanceof HTMLButtonElement) element.focus();
    else focusField(id);
  });

  const passages = useMemo(() => findLeaderDutyPassages(report), [report]);
  const visible = useMemo(() => passages.filter((passage) => !dismissed.has(`${passage.itemId}:${passage.text}`)), [passages, dismissed]);
  const suggestionCount = isEditable ? visible.length : 0;

  const actions = useMemo<PartActions>(
    () => ({
      leaderDutySuggestionCount: suggestionCount,
      onShowSuggestions: () => focusField(leaderDutySuggestionsId),
      onAdd: () => {
        setAddEpoch((value) => value + 1);
        setIsAdding(true);
      },
      onRemove: (sectionId) => {
        // The warning counts what was typed, including the last keystrokes not yet synced.
        flushEditors(editors);
        const index = reportRef.current.sections.findIndex((section) => section.id === sectionId);
        const section = reportRef.current.sections[index];
        if (section) setRemoval({ section, index });
      },
      onMove: (from, to) => {
        const section = reportRef.current.sections[from];
        if (!section) return;
        edit((current) => moveSection(current, from, to));
        const last = reportRef.current.sections.length - 1;
        const target = Math.max(0, Math.min(to, last));
        // Keep focus on the control that moved with the part, or on its twin once the part reached an end.
        const direction = target === 0 ? "down" : target === last ? "up" : to < from ? "up" : "down";
        focusAfterRender.current = partMoveButtonId(section.id, direction);
      },
      onRename: (sectionId, heading) =>
        edit((current) => updateSection(current, sectionId, (section) => (section.heading === heading ? section : { ...section, heading }))),
    }),
    [edit, editors, reportRef, suggestionCount],
  );

  const onAddTemplatePart = useCallback(
    (templateSection: TemplateSection) => {
      const section = createSectionFromTemplate(templateSection, reportRef.current);
      edit((current) => (templateSection.isRequired ? insertSectionInOrder(current, section, template) : insertSection(current, section)));
      focusAfterRender.current = sectionHeadingId(section.id);
      setIsAdding(false);
    },
    [edit, reportRef, template],
  );
  const onAddOtherPart = useCallback(
    (heading: string) => {
      const templateSection = template.sections.find((candidate) => candidate.kind === "other");
      const base = templateSection ?? {
        kind: "other" as const,
        headingPattern: heading,
        isRequired: false,
        guidance: heading,
        minLength: 0,
        suggestedItems: [],
        indicators: [],
        requiredIndicators: [],
        shouldPrintIndicatorTable: false,
      };
      const section = { ...createSectionFromTemplate({ ...base, suggestedItems: [] }, reportRef.current), heading };
      edit((current) => insertSection(current, section));
      focusAfterRender.current = sectionHeadingId(section.id);
      setIsAdding(false);
    },
    [edit, reportRef, template],
  );

  const onAccept = useCallback(
    (passage: LeaderDutyPassage) => {
      flushEditors(editors);
      const before = reportRef.current;
      edit((current) => moveLeaderDutyPassage(current, passage, template));
      // The source item's body lost the passage: write it into its editor as the official's own edit, so a
      // live (co-edited) body changes in the live document too, not only in this page.
      writeChangedBodies(editors, before, reportRef.current);
      // Body editors are uncontrolled: remount them so every part shows the moved text.
      replace(reportRef.current);
      const target = reportRef.current.sections.find((section) => section.kind === "leader_duty");
      if (target) focusAfterRender.current = sectionHeadingId(target.id);
    },
    [edit, editors, replace, reportRef, template],
  );
  const onDismiss = useCallback((passage: LeaderDutyPassage) => setDismissed((current) => new Set([...current, `${passage.itemId}:${passage.text}`])), []);

  // Reviewers and read-only viewers cannot move anything, so they are not shown the suggestion.
  const leaderDutyPanel: ReactNode = isEditable ? (
    <PartsLeaderDuty report={report} passages={visible} isEditable onAccept={onAccept} onDismiss={onDismiss} />
  ) : null;

  const dialogs = (
    <>
      <PartsAddDialog
        key={addEpoch}
        open={isAdding}
        report={report}
        template={template}
        onClose={() => setIsAdding(false)}
        onAddTemplatePart={onAddTemplatePart}
        onAddOtherPart={onAddOtherPart}
      />
      <PartsRemoveDialog
        target={removal}
        onCancel={() => setRemoval(null)}
        onConfirm={(sectionId) => {
          edit((current) => removeSection(current, sectionId));
          setRemoval(null);
          focusAfterRender.current = addPartButtonId;
        }}
      />
    </>
  );

  return { actions, dialogs, leaderDutyPanel };
}
