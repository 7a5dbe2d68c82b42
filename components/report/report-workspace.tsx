"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";

import {
  docToText,
  headingPrefix,
  isEditableStatus,
  newId,
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  type AgencyFrame,
  type Report,
  type ReportItem,
  type ReportSection,
  type ReportStatus,
  type ReportTemplate,
  suggestFieldText,
} from "@/lib/report-model";
import type { PresenceSnapshot } from "@/lib/collab";
import type { ActionResult } from "@/lib/errors";

import type { BodyEditorHandle } from "@/components/editor/body-editor";
import { useCompositionTracker } from "@/components/editor/composition";
import { activateBodies, hasPendingBodyEdits, onPendingBodyEditsChange, useBodiesActivated } from "@/components/editor/lazy-body/activation";
import { FieldSuggestScope, type FieldSuggestState } from "@/components/editor/suggest/field-suggest";
import { useSuggestAuthor } from "@/components/editor/suggest/suggest-context";

import { useAutosave } from "./autosave/use-autosave";
import { useLiveCollab } from "./collab/live-collab-context";
import { useLiveNotice } from "./collab/live-notice";
import { PresenceContext, PresenceList } from "./collab/presence-badges";
import { usePresence } from "./collab/use-presence";
import { CommitmentsPanel } from "./commitments-panel";
import { CommentSelectionContext, SelectCommentRangeContext, type CommentSelection, type SelectCommentRange } from "./comment-selection";
import { CompletenessMeter } from "./completeness-meter";
import { isSameContent } from "./conflict/is-same-content";
import { useMergeBridge } from "./conflict/use-merge-bridge";
import { FindingsPanel } from "./findings-panel";
import { FrameForm } from "./frame-form";
import { useFindingActions } from "./use-finding-actions";
import { focusField } from "./focus-location";
import { GuidancePanel } from "./guidance-panel";
import { itemHeadingId } from "./item-form";
import { MetaForm, metaFieldId } from "./meta-form";
import { ClosingForm, OpeningForm } from "./opening-form";
import { OutlinePanel } from "./outline-panel";
import { usePartActions } from "./parts-actions";
import { createEmptyItem, insertItem, moveItem, removeItem, updateItem, updateSection } from "./report-mutations";
import { RestoreBanner } from "./restore-banner";
import { SectionForm, sectionHeadingId } from "./section-form";
import { itemStatuses, sectionStatuses } from "./status-marks";
import { TopBar } from "./top-bar";
import { useFindings } from "./use-findings";
import { useReportState } from "./use-report-state";
import type { EditorValidation } from "./validation/editor-validation";
import { summarizeFindings, type Finding } from "./validation-api";

// Dialogs load when first opened, not with the page: the first screen needs only the editor and its panels.
const ComparisonDialog = dynamic(() => import("./comparison-dialog").then((module) => module.ComparisonDialog));
const ConflictDialog = dynamic(() => import("./conflict-dialog").then((module) => module.ConflictDialog));
const PreviewDialog = dynamic(() => import("./preview-dialog").then((module) => module.PreviewDialog));
const RemoveItemDialog = dynamic(() => import("./remove-item-dialog").then((module) => module.RemoveItemDialog));

export interface ReportWorkspaceProps {
  reportId: string;
  initial: { content: Report; revision: number; status: ReportStatus; updatedAt: string; updatedBy: string };
  template: ReportTemplate;
  /** Last year's report of the same agency, when one exists (for 与去年对比 and validation rule 9). */
  previousReport: Report | null;
  permissions: { canEdit: boolean; canSubmit: boolean };
  /** Server action: submit for review. Server re-validates; returns ActionResult from lib/errors.ts. */
  submitAction: (input: { reportId: string }) => Promise<ActionResult<{ status: ReportStatus }>>;
  /** Link to the review page: workflow steps, comments, assignments and history. */
  reviewLink?: { href: string; label: string };
  /** Extra panels for the right column (review comments beside the editor). */
  sidebarExtra?: React.ReactNode;
  /** The server's validation of `initial.content` (validateForEditor), so findings show on the first paint. */
  initialValidation?: EditorValidation;
  /** The agency profile's 版头/版记 defaults: the frame form shows them in its empty fields. */
  agencyFrame?: AgencyFrame;
}

export function ReportWorkspace(props: ReportWorkspaceProps) {
  const { reportId, initial, template, previousReport, permissions } = props;
  const [status, setStatus] = useState<ReportStatus>(initial.status);
  const isEditable = permissions.canEdit && isEditableStatus(status);
  // 修订模式 (a reviewer or approver, in the state the page was opened in): the bodies save as suggestions.
  const suggestAuthor = useSuggestAuthor();
  const isSuggesting = suggestAuthor !== null && status === initial.status;
  const composition = useCompositionTracker();
  const markDirtyRef = useRef<() => void>(() => undefined);
  // Assigned below once autosave exists; edits only happen after commit, in event handlers.
  const { report, reportRef, epoch, edit, replace } = useReportState(initial.content, () => markDirtyRef.current());
  const editors = useRef(new Map<string, BodyEditorHandle>());
  const [metaEpoch, setMetaEpoch] = useState(0);
  const onMetaReplaced = useCallback(() => setMetaEpoch((value) => value + 1), []);
  const [notice, setNotice] = useState("");
  const mergeBridge = useMergeBridge({ editors, composition, reportRef, edit, replace, onMetaReplaced });
  // Live co-editing of the bodies (Yjs, loaded on demand); without a socket the page keeps item-level saves.
  // It starts once the official works in a body or others are here (the bodies are static HTML until then).
  const areBodiesActive = useBodiesActivated();
  const liveCollab = useLiveCollab(reportId, isEditable, areBodiesActive);
  // A workflow step holding live editing, or a live change the server refused: said at once, with the reason.
  const liveNotice = useLiveNotice(liveCollab.session);
  const autosave = useAutosave({
    ...mergeBridge,
    reportId,
    initial: { revision: initial.revision, updatedAt: initial.updatedAt, updatedBy: initial.updatedBy, content: initial.content },
    getContent: () => reportRef.current,
    composition,
    isEnabled: isEditable || isSuggesting,
    onLocked: () => setNotice("报告已不在草稿或退回修改状态，本次修改未能保存，已暂存在本机浏览器中。"),
    liveFields: () => liveCollab.session?.liveFields() ?? new Set<string>(),
    // Text typed into a body and not yet handed to the report (or to its engine) is not saved anywhere yet either.
    hasUnsyncedLive: () => hasPendingBodyEdits() || (liveCollab.session?.hasUnsyncedChanges() ?? false),
    isLiveConnected: () => liveCollab.session?.isConnected() ?? true,
  });
  useLayoutEffect(() => {
    markDirtyRef.current = autosave.markDirty;
  });
  // Typing into a body: the save state leaves 已保存 at once and returns once it is saved.
  useEffect(() => onPendingBodyEditsChange(() => markDirtyRef.current()), []);
  const findings = useFindings(report, { template, previous: previousReport }, composition, { initial: props.initialValidation });
  const [focusedSectionId, setFocusedSectionId] = useState<string | undefined>(report.sections[0]?.id);
  const [dialog, setDialog] = useState<"preview" | "compare" | null>(null);
  // Others' windows, and the report's status and revision: a lock stops editing here within one heartbeat.
  const people = usePresence({
    reportId,
    onSnapshot: (snapshot: PresenceSnapshot) => {
      const next = snapshot.status as ReportStatus;
      if (REPORT_STATUSES.includes(next) && next !== status) {
        const [wasEditable, willBeEditable] = [isEditableStatus(status), isEditableStatus(next)];
        setStatus(next);
        if (wasEditable && !willBeEditable) {
          const pending = autosave.isAllSaved() ? "" : "本窗口尚未保存的修改已暂存在本机浏览器中，退回修改后可恢复。";
          setNotice(`报告已转为“${REPORT_STATUS_LABELS[next]}”，所有人的编辑已停止。${pending}`);
        } else if (!wasEditable && willBeEditable) setNotice(`报告已转为“${REPORT_STATUS_LABELS[next]}”，可以继续编辑。`);
      }
      autosave.notifyRemoteRevision(snapshot.revision);
    },
  });
  useEffect(() => {
    if (people.length > 0) activateBodies();
  }, [people]);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [commentSelection, setCommentSelection] = useState<CommentSelection | null>(null);
  const selectCommentRange = useCallback<SelectCommentRange>(
    (itemId, range) => {
      if (!range) return;
      const section = reportRef.current.sections.find((candidate) => candidate.items.some((item) => item.id === itemId));
      if (section) setCommentSelection({ sectionId: section.id, itemId, field: "body", ...range });
    },
    [reportRef],
  );
  const focusAfterRender = useRef<string | null>(null);
  // Autosave merges others' saves in; only units both sides changed come here, after any IME composition ended.
  const visibleConflict = autosave.state.conflict;

  const progress = findings.progress;
  const statusesOfSections = useMemo(() => sectionStatuses(progress.perSection), [progress]);
  const statusesOfItems = useMemo(() => itemStatuses(findings.checked, findings.findings), [findings]);
  // Typed 基本信息 the server would refuse: listed first, saved without them (see meta-input-findings).
  const [inputFindings, setInputFindings] = useState<Finding[]>([]);
  const shownFindings = useMemo(() => (inputFindings.length > 0 ? [...inputFindings, ...findings.findings] : findings.findings), [inputFindings, findings]);
  const counts = summarizeFindings(shownFindings);

  useEffect(() => {
    const id = focusAfterRender.current;
    if (!id) return;
    focusAfterRender.current = null;
    focusField(itemHeadingId(id));
  });

  const registerEditor = useCallback((itemId: string, handle: BodyEditorHandle | null) => {
    if (handle) editors.current.set(itemId, handle);
    else editors.current.delete(itemId);
  }, []);
  const onItemChange = useCallback((itemId: string, change: (item: ReportItem) => ReportItem) => edit((r) => updateItem(r, itemId, change)), [edit]);
  const onSectionChange = useCallback(
    (sectionId: string, change: (section: ReportSection) => ReportSection) => edit((r) => updateSection(r, sectionId, change)),
    [edit],
  );
  const onMetaChange = useCallback((meta: Report["meta"]) => edit((r) => (isSameContent(r.meta, meta) ? r : { ...r, meta })), [edit]);
  const onOpeningChange = useCallback(
    (change: (current: Pick<Report, "opening" | "openingPendingUpdates">) => Pick<Report, "opening" | "openingPendingUpdates">) =>
      edit((r) => {
        const { openingPendingUpdates: _marks, ...rest } = r;
        return { ...rest, ...change({ opening: r.opening, openingPendingUpdates: r.openingPendingUpdates }) };
      }),
    [edit],
  );
  const onClosingChange = useCallback((closing: string) => edit((r) => (r.closing === closing ? r : { ...r, closing })), [edit]);
  const onFrameChange = useCallback(
    (frame: Report["frame"]) =>
      edit((r) => {
        if (isSameContent(r.frame ?? null, frame ?? null)) return r;
        const { frame: _previous, ...rest } = r;
        return frame ? { ...rest, frame } : rest;
      }),
    [edit],
  );
  // Headings, leads, 基本信息 and the closing typed in 修订模式 become field suggestions; the stored text stays.
  const fieldSuggest = useMemo<FieldSuggestState>(
    () => ({
      suggestions: report.fieldSuggestions ?? [],
      authorId: isSuggesting ? suggestAuthor!.id : null,
      onSuggest: (target, text) =>
        edit(
          (r) =>
            suggestFieldText(r, {
              target,
              text,
              author: { authorId: suggestAuthor!.id, authorName: suggestAuthor!.name, at: new Date().toISOString() },
              newId: () => newId("f"),
            }) ?? r,
        ),
    }),
    [report.fieldSuggestions, isSuggesting, suggestAuthor, edit],
  );
  const flush = autosave.flush;
  const onLeaveField = useCallback(() => void flush(), [flush]);
  const onAddItem = useCallback(
    (sectionId: string) => {
      const item = createEmptyItem();
      focusAfterRender.current = item.id;
      edit((r) => insertItem(r, sectionId, item));
    },
    [edit],
  );
  const [removal, setRemoval] = useState<ReportItem | null>(null);
  const onRemoveItem = useCallback(
    (itemId: string) => {
      const item = reportRef.current.sections.flatMap((s) => s.items).find((candidate) => candidate.id === itemId);
      if (!item) return;
      // Removing cannot be undone with Ctrl+Z, so an item with content asks first.
      if (item.heading.trim() || docToText(item.body).trim()) setRemoval(item);
      else edit((r) => removeItem(r, itemId));
    },
    [edit, reportRef],
  );
  const onMoveItem = useCallback((sectionId: string, from: number, to: number) => edit((r) => moveItem(r, sectionId, from, to)), [edit]);
  const parts = usePartActions({ report, reportRef, edit, replace, editors, template, isEditable });
  const onJump = useCallback((target: { sectionId?: string; itemId?: string; anchor?: "meta" | "commitments" }) => {
    if (target.anchor === "meta") focusField(metaFieldId("title"));
    else if (target.anchor === "commitments") focusField("commitments");
    else if (target.itemId) focusField(itemHeadingId(target.itemId));
    else if (target.sectionId) focusField(sectionHeadingId(target.sectionId));
    if (target.sectionId) setFocusedSectionId(target.sectionId);
  }, []);

  const { onSelectFinding, onFixFinding } = useFindingActions({
    editors,
    findings,
    edit,
    onFocusSection: setFocusedSectionId,
    onMetaReplaced: () => setMetaEpoch((value) => value + 1),
    onNotice: setNotice,
  });

  async function onSubmit() {
    setIsSubmitting(true);
    setNotice("");
    try {
      for (const editor of editors.current.values()) editor.flush();
      await autosave.flush();
      if (!autosave.isAllSaved()) {
        setNotice("修改尚未保存到服务器，请待保存成功（或处理冲突）后再提交审核。");
        return;
      }
      const result = await props.submitAction({ reportId });
      if (result.ok) {
        setStatus(result.data.status);
        setNotice("已提交审核。");
      } else setNotice(`提交失败：${result.message}`);
    } catch {
      setNotice("提交失败：无法连接服务器，请稍后再试。");
    } finally {
      setIsSubmitting(false);
    }
  }

  async function onResolveConflict(choices: Parameters<typeof autosave.resolveConflict>[0]) {
    await autosave.resolveConflict(choices);
  }

  const focusedSection = report.sections.find((section) => section.id === focusedSectionId);

  return (
    <SelectCommentRangeContext.Provider value={selectCommentRange}>
      <CommentSelectionContext.Provider value={commentSelection}>
        <PresenceContext.Provider value={people}>
          {/* The workspace layout's header is 3.5rem plus its 1px border; the three columns scroll on their own below it. */}
          <div className="flex h-[calc(100dvh-3.5rem-1px)] min-h-[32rem] flex-col bg-stone-100 text-stone-900">
            <TopBar
              title={report.meta.title}
              status={status}
              saveState={autosave.state}
              isReadOnly={!isEditable && !isSuggesting}
              hasPrevious={Boolean(previousReport)}
              reportId={reportId}
              onPreview={() => setDialog("preview")}
              onRetrySave={() => void autosave.flush()}
              onCompare={() => setDialog("compare")}
              reviewLink={props.reviewLink}
              beforeExport={async () => {
                for (const editor of editors.current.values()) editor.flush();
                await autosave.flush();
              }}
              submit={{ canSubmit: permissions.canSubmit, errorCount: counts.error, isBusy: isSubmitting, onSubmit: () => void onSubmit() }}
            />
            {notice && (
              <p role="status" className="border-b border-blue-200 bg-blue-50 px-4 py-1.5 text-sm text-blue-900">
                {notice}
              </p>
            )}
            {liveNotice && (
              <p role="status" data-testid="live-notice" className="border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-sm text-amber-900">
                {liveNotice}
              </p>
            )}
            <PresenceList
              people={people}
              itemLabel={(itemId) => {
                for (const section of report.sections) {
                  const index = section.items.findIndex((item) => item.id === itemId);
                  if (index >= 0) return `${headingPrefix(2, index + 1)}${section.items[index]!.heading}`;
                }
                return null;
              }}
            />
            <div className="grid min-h-0 flex-1 grid-cols-[14rem_minmax(0,1fr)_19rem] xl:grid-cols-[16rem_minmax(0,1fr)_22rem]">
              <aside className="min-h-0 overflow-auto border-r border-stone-200 bg-white p-3">
                <OutlinePanel
                  report={report}
                  sectionStatuses={statusesOfSections}
                  itemStatuses={statusesOfItems}
                  canEdit={isEditable}
                  onJump={onJump}
                  onAddItem={onAddItem}
                  onRemoveItem={onRemoveItem}
                  onMoveItem={onMoveItem}
                  template={template}
                  parts={parts.actions}
                />
              </aside>
              <main className="min-h-0 overflow-auto p-4" key={epoch}>
                <FieldSuggestScope value={fieldSuggest} className="mx-auto max-w-4xl space-y-4">
                  {autosave.restorable && (
                    <RestoreBanner
                      savedAt={autosave.restorable.savedAt}
                      onRestore={() => {
                        const content = autosave.acceptRestore();
                        if (content) replace(content);
                        setMetaEpoch((value) => value + 1);
                      }}
                      onDiscard={autosave.discardRestore}
                    />
                  )}
                  <section aria-labelledby="meta-title" className="rounded-md border border-stone-200 bg-white p-4 shadow-sm" onBlurCapture={onLeaveField}>
                    <h2 id="meta-title" className="mb-3 text-base font-semibold">
                      基本信息
                    </h2>
                    <MetaForm key={metaEpoch} initial={report.meta} isEditable={isEditable} onChange={onMetaChange} onInputFindings={setInputFindings} />
                  </section>
                  <details className="rounded-md border border-stone-200 bg-white p-4 shadow-sm">
                    <summary className="cursor-pointer text-base font-semibold">版头与版记（红头、签发人、附件、印章、印发）</summary>
                    <div className="mt-3">
                      <FrameForm key={metaEpoch} initial={report.frame} agencyFrame={props.agencyFrame} isEditable={isEditable} onChange={onFrameChange} />
                    </div>
                  </details>
                  <OpeningForm
                    opening={report.opening}
                    pendingUpdates={report.openingPendingUpdates}
                    year={report.meta.year}
                    agency={report.meta.agency}
                    template={template}
                    isEditable={isEditable}
                    onChange={onOpeningChange}
                    registerEditor={registerEditor}
                    onLeaveField={onLeaveField}
                  />
                  {report.sections.map((section, index) => (
                    <SectionForm
                      key={section.id}
                      section={section}
                      index={index}
                      templateSection={template.sections.find((candidate) => candidate.kind === section.kind)}
                      isEditable={isEditable}
                      onSectionChange={onSectionChange}
                      onItemChange={onItemChange}
                      onAddItem={onAddItem}
                      registerEditor={registerEditor}
                      onLeaveField={onLeaveField}
                      onFocusSection={setFocusedSectionId}
                      extra={section.kind === "leader_duty" ? parts.leaderDutyPanel : undefined}
                    />
                  ))}
                  <ClosingForm
                    key={metaEpoch}
                    closing={report.closing}
                    template={template}
                    isEditable={isEditable}
                    onChange={onClosingChange}
                    onLeaveField={onLeaveField}
                  />
                  <CommitmentsPanel report={report} suggestFrom={findings.checked} isEditable={isEditable} onEdit={edit} />
                </FieldSuggestScope>
              </main>
              <aside className="min-h-0 space-y-4 overflow-auto border-l border-stone-200 bg-white p-3" aria-label="指引与校验">
                <CompletenessMeter done={progress.done} total={progress.total} />
                <GuidancePanel template={template} section={focusedSection} report={findings.checked} />
                <FindingsPanel report={findings.checked} findings={shownFindings} canFix={isEditable} onSelect={onSelectFinding} onFix={onFixFinding} />
                {props.sidebarExtra}
              </aside>
            </div>
            {visibleConflict && (
              <ConflictDialog
                key={visibleConflict.theirsRevision.revision}
                conflict={visibleConflict}
                onResolve={(content) => void onResolveConflict(content)}
              />
            )}
            {parts.dialogs}
            {removal && (
              <RemoveItemDialog
                item={removal}
                onCancel={() => setRemoval(null)}
                onConfirm={(item) => {
                  edit((r) => removeItem(r, item.id));
                  setRemoval(null);
                }}
              />
            )}
            {dialog === "preview" && <PreviewDialog open onClose={() => setDialog(null)} reportId={reportId} getContent={() => reportRef.current} />}
            {previousReport && dialog === "compare" && <ComparisonDialog open onClose={() => setDialog(null)} previous={previousReport} current={report} />}
          </div>
        </PresenceContext.Provider>
      </CommentSelectionContext.Provider>
    </SelectCommentRangeContext.Provider>
  );
}
