import type { SessionUser } from "@/lib/auth/session-user";
import { ReportError } from "@/lib/errors";
import { can, type Action } from "@/lib/permissions";
import {
  fieldsWithSeveralSuggestions,
  isEditableStatus,
  isSignedStatus,
  listSuggestions,
  rejectedView,
  reportSchema,
  type Report,
  type ReportStatus,
  type RichDoc,
  type Suggestion,
} from "@/lib/report-model";
import { getBodySchema } from "@/lib/report-model/extensions";

/** Who may suggest (修订) in which state: the reviewer while in review, the approver before sign-off. */
const SUGGEST_PERMISSION: Partial<Record<ReportStatus, Action>> = {
  in_review: "report.review",
  reviewed: "report.signoff",
};

export type ChangeMode = "edit" | "suggest";

/** May this user add suggestions to a report in this state? Nobody may once it is signed. */
export function canSuggest(user: Pick<SessionUser, "roles">, status: string): boolean {
  const permission = SUGGEST_PERMISSION[status as ReportStatus];
  return permission !== undefined && can(user.roles, permission);
}

/** May this user accept or reject suggestions now: the drafter while drafting, the reviewer or approver in their step. */
export function canDecideSuggestions(user: Pick<SessionUser, "roles">, status: string): boolean {
  return (isEditableStatus(status) && can(user.roles, "report.edit")) || canSuggest(user, status);
}

/**
 * How this user may change a report in this state: "edit" (the drafter, in draft or returned), "suggest" (only
 * suggestions: the reviewer in review, the approver when reviewed), or a refusal naming the reason.
 */
export function changeModeFor(user: Pick<SessionUser, "roles">, status: string): ChangeMode {
  if (isEditableStatus(status) && can(user.roles, "report.edit")) return "edit";
  if (canSuggest(user, status)) return "suggest";
  if (isSignedStatus(status)) {
    throw new ReportError("INVALID_STATE", "signed", { userMessage: "报告已签发，任何人都不能修改" });
  }
  if (isEditableStatus(status)) throw new ReportError("FORBIDDEN", "cannot edit", { userMessage: "当前角色不能修改报告" });
  throw new ReportError("INVALID_STATE", "locked", { userMessage: "报告已提交审核，只有审核人或签发人可以提出修订" });
}

/**
 * A body in ProseMirror's JSON without its empty top-level paragraphs: a reviewer's Enter adds one before the text
 * typed into it is marked, and Backspace may take one away; neither changes any text.
 */
function normalizedBody(doc: RichDoc): unknown {
  const json = getBodySchema().nodeFromJSON(doc).toJSON() as RichDoc;
  return { ...json, content: (json.content ?? []).filter((block) => block.type !== "paragraph" || (block.content ?? []).length > 0) };
}

/** The report as text before any suggestion, in one canonical form (schema defaults, ProseMirror's JSON). */
function canonicalBase(report: Report): string {
  const base = rejectedView(reportSchema.parse(report));
  return stableStringify({
    ...base,
    opening: normalizedBody(base.opening),
    sections: base.sections.map((section) => ({ ...section, items: section.items.map((item) => ({ ...item, body: normalizedBody(item.body) })) })),
  });
}

function suggestionKey(suggestion: Suggestion): string {
  const { id, kind, authorId, authorName, at, text, location } = suggestion;
  return stableStringify({ id, kind, authorId, authorName, at, text, location });
}

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep the order the client sent. */
function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * A suggestion-only change: with every suggestion rejected the report must read exactly as before (no plain edit,
 * no other field), and others' suggestions must be untouched; the user may add, extend or withdraw only their own.
 */
export function assertSuggestionsOnly({ before, after, user }: { before: Report; after: Report; user: Pick<SessionUser, "id"> }): void {
  if (canonicalBase(before) !== canonicalBase(after)) {
    throw new ReportError("FORBIDDEN", "plain edit in suggestion mode", {
      userMessage: "审核中的报告只能以修订方式修改正文（插入或删除会标出修订人和时间），本次保存未生效",
    });
  }
  const others = (report: Report) => [
    ...listSuggestions(report)
      .filter((suggestion) => suggestion.authorId !== user.id)
      .map(suggestionKey)
      .sort(),
    ...(report.fieldSuggestions ?? [])
      .filter((suggestion) => suggestion.authorId !== user.id)
      .map((suggestion) => stableStringify(suggestion))
      .sort(),
  ];
  const [was, is] = [others(before), others(after)];
  if (was.length !== is.length || was.some((key, index) => key !== is[index])) {
    throw new ReportError("FORBIDDEN", "changed another author's suggestion", {
      userMessage: "不能修改或冒用他人的修订，请使用“接受”或“拒绝”处理他人的修订，本次保存未生效",
    });
  }
  // Two suggestions on one field (two reviewers at the same instant) would contradict each other: one per field.
  const crowdedBefore = new Set(fieldsWithSeveralSuggestions(reportSchema.parse(before)));
  if (fieldsWithSeveralSuggestions(reportSchema.parse(after)).some((key) => !crowdedBefore.has(key))) {
    throw new ReportError("CONFLICT", "second suggestion on one field", {
      userMessage: "他人刚对同一处提出了修订，请先接受或拒绝该修订，再提出您的修订；本次保存未生效",
    });
  }
}
