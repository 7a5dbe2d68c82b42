import { NotFoundError, ReportError } from "@/lib/errors";
import { docToText, type Commitment, type Report } from "@/lib/report-model";

import { bigramCounts } from "@/lib/text/similarity";

const MAX_LINKS = 50;

function updateCommitment(report: Report, commitmentId: string, change: (commitment: Commitment) => Commitment): Report {
  const index = report.commitments.findIndex((commitment) => commitment.id === commitmentId);
  if (index < 0) throw new NotFoundError("承诺事项");
  const commitments = report.commitments.slice();
  commitments[index] = change(report.commitments[index]!);
  return { ...report, commitments };
}

/** Sets which items of this year's 主要举措和成效 report on a commitment (replacing the previous links). */
export function linkCommitment(report: Report, commitmentId: string, itemIds: readonly string[]): Report {
  const measureItemIds = new Set(report.sections.filter((section) => section.kind === "measures").flatMap((section) => section.items.map((item) => item.id)));
  const unique = [...new Set(itemIds)];
  const unknown = unique.find((itemId) => !measureItemIds.has(itemId));
  if (unknown !== undefined)
    throw new ReportError("INVALID_INPUT", `item ${unknown} is not a measures item`, { userMessage: "只能关联“主要举措和成效”部分的条目" });
  if (unique.length > MAX_LINKS) throw new ReportError("INVALID_INPUT", "too many links", { userMessage: `每项承诺最多关联${MAX_LINKS}个条目` });
  return updateCommitment(report, commitmentId, (commitment) => ({ ...commitment, linkedItemIds: unique }));
}

/** Marks a commitment done, not done (a reason is required) or open again; the reason is kept only for not_done. */
export function setCommitmentStatus(report: Report, commitmentId: string, status: Commitment["status"], reason = ""): Report {
  const trimmed = reason.trim();
  if (status === "not_done" && !trimmed) throw new ReportError("INVALID_INPUT", "reason required", { userMessage: "请说明未完成的原因" });
  if (trimmed.length > 1000) throw new ReportError("INVALID_INPUT", "reason too long", { userMessage: "原因不超过1000字" });
  return updateCommitment(report, commitmentId, (commitment) => ({ ...commitment, status, reason: status === "not_done" ? trimmed : "" }));
}

export interface CommitmentLinkSuggestion {
  commitmentId: string;
  /** Best match first. */
  itemIds: string[];
  /** Share of the commitment's weighted wording found in the best item, 0…1. */
  score: number;
}

/** Below this a shared phrase is coincidence ("法治政府建设" is in everything). */
const MIN_SCORE = 0.18;
const MAX_SUGGESTED_ITEMS = 3;

/**
 * Proposes measures items for each unlinked commitment by shared wording: bigrams weighted by rarity
 * across the items, looked up in an inverted index so the cost is linear in the text.
 */
export function suggestCommitmentLinks(report: Report): CommitmentLinkSuggestion[] {
  const items = report.sections.filter((section) => section.kind === "measures").flatMap((section) => section.items);
  const postings = new Map<string, number[]>();
  items.forEach((item, index) => {
    for (const gram of bigramCounts(`${item.heading}\n${docToText(item.body)}`, { numbers: "ignore" }).keys()) {
      const list = postings.get(gram);
      if (list) list.push(index);
      else postings.set(gram, [index]);
    }
  });
  const weightOf = (gram: string) => Math.log((items.length + 1) / ((postings.get(gram)?.length ?? 0) + 0.5));

  const suggestions: CommitmentLinkSuggestion[] = [];
  for (const commitment of report.commitments) {
    if (commitment.linkedItemIds.length > 0 || commitment.status !== "open") continue;
    const scores = new Map<number, number>();
    let total = 0;
    for (const gram of bigramCounts(commitment.text, { numbers: "ignore" }).keys()) {
      const weight = weightOf(gram);
      total += weight;
      for (const index of postings.get(gram) ?? []) scores.set(index, (scores.get(index) ?? 0) + weight);
    }
    if (total <= 0) continue;
    const ranked = [...scores].map(([index, score]) => ({ index, score: score / total })).sort((a, b) => b.score - a.score);
    const best = ranked[0];
    if (!best || best.score < MIN_SCORE) continue;
    const chosen = ranked.filter((entry) => entry.score >= Math.max(MIN_SCORE, best.score * 0.6)).slice(0, MAX_SUGGESTED_ITEMS);
    suggestions.push({
      commitmentId: commitment.id,
      itemIds: chosen.map((entry) => items[entry.index]!.id),
      score: Math.round(best.score * 1000) / 1000,
    });
  }
  return suggestions;
}
