"use client";

import { useMemo, type RefObject } from "react";

import { isSameJson } from "@/lib/collab";
import type { Report, ReportItem } from "@/lib/report-model";

import type { BodyEditorHandle } from "@/components/editor/body-editor";
import type { CompositionTracker } from "@/components/editor/composition";

export interface MergeBridgeOptions {
  editors: RefObject<Map<string, BodyEditorHandle>>;
  composition: CompositionTracker;
  reportRef: { readonly current: Report };
  /** A change of the content that autosave counts as an edit. */
  edit: (change: (report: Report) => Report) => void;
  /** Replaces the content and remounts every editor. */
  replace: (report: Report) => void;
  /** The meta form reads its values once: remount it. */
  onMetaReplaced: () => void;
}

function bodies(report: Report): Map<string, ReportItem["body"]> {
  return new Map(report.sections.flatMap((section) => section.items.map((item) => [item.id, item.body] as const)));
}

/**
 * Connects autosave's merge to the workspace: waits for the editors to hold no pending input, then
 * shows merged content by updating only the editors whose body changed, so the caret and an open
 * field elsewhere stay where they are.
 */
export function useMergeBridge({ editors, composition, reportRef, edit, replace, onMetaReplaced }: MergeBridgeOptions) {
  return useMemo(
    () => ({
      prepareMerge: () =>
        new Promise<void>((resolve) =>
          composition.whenIdle(() => {
            for (const editor of editors.current.values()) editor.flush();
            resolve();
          }),
        ),
      applyMerged: (merged: Report) => {
        const previous = reportRef.current;
        if (merged === previous) return;
        // Fields that keep their own state (indicator inputs, the opening editor) need a remount to show new values.
        const statefulParts = (report: Report) => ({
          opening: report.opening,
          closing: report.closing,
          indicators: report.sections.map((section) => [section.id, section.indicators]),
        });
        if (!isSameJson(statefulParts(previous), statefulParts(merged))) {
          replace(merged);
          onMetaReplaced();
          return;
        }
        edit(() => merged);
        const before = bodies(previous);
        let isShown = true;
        for (const [id, body] of bodies(merged)) {
          const old = before.get(id);
          if (old === undefined || isSameJson(old, body)) continue;
          const editor = editors.current.get(id);
          if (editor && !editor.setBody(body)) isShown = false;
        }
        if (!isSameJson(previous.meta, merged.meta)) onMetaReplaced();
        if (!isShown) replace(merged);
      },
    }),
    [composition, editors, reportRef, edit, replace, onMetaReplaced],
  );
}
