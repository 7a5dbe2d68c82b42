import { docToText, emptyDoc, newId, type Report, type ReportItem, type ReportSection } from "@/lib/report-model";

/** Immutable edits of a report's structure; unchanged sections and items keep their identity (memoised views). */
export function updateSection(report: Report, sectionId: string, change: (section: ReportSection) => ReportSection): Report {
  let isChanged = false;
  const sections = report.sections.map((section) => {
    if (section.id !== sectionId) return section;
    const next = change(section);
    isChanged ||= next !== section;
    return next;
  });
  return isChanged ? { ...report, sections } : report;
}

export function updateItem(report: Report, itemId: string, change: (item: ReportItem) => ReportItem): Report {
  const section = report.sections.find((candidate) => candidate.items.some((item) => item.id === itemId));
  if (!section) return report;
  return updateSection(report, section.id, (current) => {
    let isChanged = false;
    const items = current.items.map((item) => {
      if (item.id !== itemId) return item;
      const next = change(item);
      isChanged ||= next !== item;
      return next;
    });
    return isChanged ? { ...current, items } : current;
  });
}

export function createEmptyItem(): ReportItem {
  return { id: newId("i"), heading: "", body: emptyDoc(), isRunIn: false, area: null, pendingUpdates: [] };
}

/** Inserts `item` at `index` (default: at the end). */
export function insertItem(report: Report, sectionId: string, item: ReportItem, index?: number): Report {
  return updateSection(report, sectionId, (section) => {
    const items = section.items.slice();
    items.splice(index ?? items.length, 0, item);
    return { ...section, items };
  });
}

/** Removes an item and unlinks it from commitments. */
export function removeItem(report: Report, itemId: string): Report {
  const sections = report.sections.map((section) =>
    section.items.some((item) => item.id === itemId) ? { ...section, items: section.items.filter((item) => item.id !== itemId) } : section,
  );
  const commitments = report.commitments.map((commitment) =>
    commitment.linkedItemIds.includes(itemId) ? { ...commitment, linkedItemIds: commitment.linkedItemIds.filter((id) => id !== itemId) } : commitment,
  );
  return { ...report, sections, commitments };
}

/** Moves the item at `from` to index `to` within its part (clamped). */
export function moveItem(report: Report, sectionId: string, from: number, to: number): Report {
  return updateSection(report, sectionId, (section) => {
    const target = Math.max(0, Math.min(to, section.items.length - 1));
    if (from === target || from < 0 || from >= section.items.length) return section;
    const items = section.items.slice();
    const [moved] = items.splice(from, 1);
    items.splice(target, 0, moved!);
    return { ...section, items };
  });
}

export function findItemLocation(report: Report, itemId: string): { sectionIndex: number; itemIndex: number } | null {
  for (let sectionIndex = 0; sectionIndex < report.sections.length; sectionIndex += 1) {
    const itemIndex = report.sections[sectionIndex]!.items.findIndex((item) => item.id === itemId);
    if (itemIndex >= 0) return { sectionIndex, itemIndex };
  }
  return null;
}

/** Inserts a part at `index` (default: at the end). */
export function insertSection(report: Report, section: ReportSection, index?: number): Report {
  const sections = report.sections.slice();
  sections.splice(index ?? sections.length, 0, section);
  return { ...report, sections };
}

/** Removes a part with its items, and unlinks those items from commitments. */
export function removeSection(report: Report, sectionId: string): Report {
  const section = report.sections.find((candidate) => candidate.id === sectionId);
  if (!section) return report;
  const removedItemIds = new Set(section.items.map((item) => item.id));
  const commitments = report.commitments.map((commitment) =>
    commitment.linkedItemIds.some((id) => removedItemIds.has(id))
      ? { ...commitment, linkedItemIds: commitment.linkedItemIds.filter((id) => !removedItemIds.has(id)) }
      : commitment,
  );
  return { ...report, sections: report.sections.filter((candidate) => candidate.id !== sectionId), commitments };
}

/** Moves the part at `from` to index `to` (clamped); numbering 一、二、 follows the new order. */
export function moveSection(report: Report, from: number, to: number): Report {
  const target = Math.max(0, Math.min(to, report.sections.length - 1));
  if (from === target || from < 0 || from >= report.sections.length) return report;
  const sections = report.sections.slice();
  const [moved] = sections.splice(from, 1);
  sections.splice(target, 0, moved!);
  return { ...report, sections };
}

/** Characters typed into a part (lead, item headings and bodies), to warn before it is removed. */
export function sectionContentLength(section: ReportSection): number {
  return section.items.reduce((total, item) => total + item.heading.trim().length + docToText(item.body).trim().length, section.lead.trim().length);
}
