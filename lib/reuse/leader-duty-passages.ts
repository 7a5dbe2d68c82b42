import { docToText, emptyDoc, newId, type Report, type ReportItem, type ReportSection, type ReportTemplate, type RichNode } from "@/lib/report-model";

import { keepPresentPendingUpdates } from "./pending-updates";
import { createSectionFromTemplate, insertSectionInOrder, templateSectionsOf } from "./statutory-parts";

/** Text about the principal leader's own 第一责任人 duty, found inside another part. */
export interface LeaderDutyPassage {
  sectionId: string;
  itemId: string;
  /** "item": the whole item is about the duty (its heading names it); "paragraphs": some of its paragraphs. */
  scope: "item" | "paragraphs";
  /** Indexes of the top-level body paragraphs to move (scope "paragraphs"). */
  blockIndexes: number[];
  /** The passage's text as it stands, to show the official before they accept. */
  text: string;
}

// Only these parts report what was done; plans (next_year) and problems are left alone.
const SOURCE_KINDS = new Set<ReportSection["kind"]>(["measures", "other"]);
const ACTOR = /(?:党政)?主要负责(?:人|同志)|主要领导|一把手|书记|[区县市州镇乡局厅委]长|主任/;
// Leaders of other bodies ("各部门主要负责人") are the audience, not the actor.
const OTHERS_AS_ACTOR = /(?:各|各级|部分|下级|所属)[^，。；]{0,8}(?:主要负责(?:人|同志)|一把手|主要领导)/;
const DUTY_VERB = /履行|亲自|带头|述法|职责/;
const HEADING = /第一责任人|(?:党政)?主要负责(?:人|同志)[^，。；]{0,10}(?:履行|职责|责任)|一把手[^，。；]{0,6}(?:职责|责任)/;

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[。；！？])/).filter((sentence) => sentence.trim().length > 0);
}

/** A sentence whose actor is the principal leader acting on their own duty. */
function isLeaderDutySentence(sentence: string, isFirst: boolean): boolean {
  const dutyAt = sentence.indexOf("第一责任人");
  if (dutyAt >= 0) return ACTOR.test(sentence.slice(0, dutyAt));
  if (!isFirst) return false;
  const head = sentence.slice(0, 16);
  return ACTOR.test(head) && /主要负责|一把手|主要领导/.test(head) && !OTHERS_AS_ACTOR.test(sentence) && DUTY_VERB.test(sentence);
}

/** Whether a paragraph is about the principal leader's 第一责任人 duty (not generic 党的领导). */
export function isLeaderDutyParagraph(text: string): boolean {
  return sentencesOf(text.trim()).some((sentence, index) => isLeaderDutySentence(sentence, index === 0));
}

/** Whether an item heading names the 第一责任人 duty itself. */
export function isLeaderDutyHeading(heading: string): boolean {
  return HEADING.test(heading);
}

function paragraphText(node: RichNode): string | null {
  return node.type === "paragraph" ? docToText(node) : null;
}

function passageOf(section: ReportSection, item: ReportItem): LeaderDutyPassage | null {
  const base = { sectionId: section.id, itemId: item.id };
  if (isLeaderDutyHeading(item.heading))
    return { ...base, scope: "item", blockIndexes: [], text: [item.heading, docToText(item.body)].filter(Boolean).join("\n") };
  const blocks = item.body.content;
  const matches = blocks.flatMap((node, index) => {
    const text = paragraphText(node);
    return text && isLeaderDutyParagraph(text) ? [index] : [];
  });
  if (matches.length === 0) return null;
  const filled = blocks.filter((node) => docToText(node).trim().length > 0).length;
  const isWholeBody = !item.heading.trim() && matches.length === filled;
  return {
    ...base,
    scope: isWholeBody ? "item" : "paragraphs",
    blockIndexes: isWholeBody ? [] : matches,
    text: isWholeBody ? docToText(item.body) : matches.map((index) => docToText(blocks[index])).join("\n"),
  };
}

/** Leader-duty passages in 主要举措和成效 (and 其他), for the official to move into the leader_duty part. */
export function findLeaderDutyPassages(report: Report): LeaderDutyPassage[] {
  return report.sections.flatMap((section) => (SOURCE_KINDS.has(section.kind) ? section.items.flatMap((item) => passageOf(section, item) ?? []) : []));
}

function isEmptyItem(item: ReportItem): boolean {
  return !item.heading.trim() && !docToText(item.body).trim();
}

function isSamePassage(a: LeaderDutyPassage, b: LeaderDutyPassage): boolean {
  return a.itemId === b.itemId && a.scope === b.scope && a.text === b.text && a.blockIndexes.join() === b.blockIndexes.join();
}

/** The leader_duty part, created at its template position when the report lacks it. */
function ensureLeaderDutySection(report: Report, template: ReportTemplate | null | undefined): Report {
  if (report.sections.some((section) => section.kind === "leader_duty")) return report;
  const templateSection = templateSectionsOf(template).find((section) => section.kind === "leader_duty");
  if (!templateSection) return report;
  return insertSectionInOrder(report, createSectionFromTemplate(templateSection, report), template);
}

/** The part with `moved` added; `mergedInto` names the item an untitled text joined. */
function withItem(section: ReportSection, moved: ReportItem): { section: ReportSection; mergedInto?: string } {
  const kept = section.items.filter((item) => !isEmptyItem(item));
  const last = kept.at(-1);
  // Untitled text joins a last untitled item: two untitled items would each need a 小标题.
  if (!moved.heading.trim() && last && !last.heading.trim()) {
    const merged: ReportItem = {
      ...last,
      body: { type: "doc", content: [...last.body.content, ...moved.body.content] },
      pendingUpdates: [...last.pendingUpdates, ...moved.pendingUpdates.filter((mark) => !last.pendingUpdates.some((own) => own.id === mark.id))],
    };
    return { section: { ...section, items: [...kept.slice(0, -1), merged] }, mergedInto: last.id };
  }
  return { section: { ...section, items: [...kept, moved] } };
}

/**
 * Moves a passage, intact, into the leader_duty part (created from the template if missing). Returns the
 * report unchanged when the passage no longer stands as found (the text was edited meanwhile). Pure.
 */
export function moveLeaderDutyPassage(report: Report, passage: LeaderDutyPassage, template: ReportTemplate | null | undefined): Report {
  if (!findLeaderDutyPassages(report).some((current) => isSamePassage(current, passage))) return report;
  const withTarget = ensureLeaderDutySection(report, template);
  const source = withTarget.sections.find((section) => section.id === passage.sectionId);
  const item = source?.items.find((candidate) => candidate.id === passage.itemId);
  const target = withTarget.sections.find((section) => section.kind === "leader_duty");
  if (!source || !item || !target) return report;

  let moved: ReportItem;
  let remaining: ReportItem[];
  if (passage.scope === "item") {
    moved = item;
    remaining = source.items.filter((candidate) => candidate.id !== item.id);
  } else {
    const picked = new Set(passage.blockIndexes);
    const movedNodes = item.body.content.filter((_, index) => picked.has(index));
    const keptNodes = item.body.content.filter((_, index) => !picked.has(index));
    const movedBody = { type: "doc" as const, content: movedNodes };
    const keptBody = { type: "doc" as const, content: keptNodes.length > 0 ? keptNodes : [{ type: "paragraph" as const }] };
    moved = {
      ...item,
      id: newId("i"),
      heading: "",
      isRunIn: false,
      body: movedBody,
      pendingUpdates: keepPresentPendingUpdates(docToText(movedBody), item.pendingUpdates),
    };
    remaining = source.items.map((candidate) =>
      candidate.id === item.id ? { ...item, body: keptBody, pendingUpdates: keepPresentPendingUpdates(docToText(keptBody), item.pendingUpdates) } : candidate,
    );
  }
  const placed = withItem(target, moved);
  const sections = withTarget.sections.map((section) => {
    if (section.id === source.id)
      return {
        ...section,
        items: remaining.length > 0 ? remaining : [{ id: newId("i"), heading: "", body: emptyDoc(), isRunIn: false, area: null, pendingUpdates: [] }],
      };
    return section.id === target.id ? placed.section : section;
  });
  const mergedInto = placed.mergedInto;
  // A commitment linked to a moved item follows its text into the item it joined.
  const commitments = mergedInto
    ? withTarget.commitments.map((commitment) =>
        commitment.linkedItemIds.includes(moved.id)
          ? { ...commitment, linkedItemIds: [...new Set(commitment.linkedItemIds.map((id) => (id === moved.id ? mergedInto : id)))] }
          : commitment,
      )
    : withTarget.commitments;
  return { ...withTarget, sections, commitments };
}
