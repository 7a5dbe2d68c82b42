import { docToText, type Commitment, type ReportItem, type ReportSection, type RichDoc } from "@/lib/report-model";

import type { MergeConflict } from "./merge-report";

export type ConflictSideName = "base" | "mine" | "theirs";

const COMMITMENT_STATUS: Record<string, string> = { open: "进行中", done: "已完成", not_done: "未完成" };

/** The unit as plain text on one side, for the three-way choice; null when it is absent there. */
export function describeConflictSide(conflict: MergeConflict, side: ConflictSideName): string | null {
  const value = conflict[side];
  if (value === undefined) return null;
  switch (conflict.kind) {
    case "item": {
      const item = value as ReportItem;
      return [item.heading, docToText(item.body)].filter(Boolean).join("\n");
    }
    case "commitment": {
      const commitment = value as Commitment;
      const reason = commitment.reason ? `\n原因：${commitment.reason}` : "";
      return `${commitment.text}（${COMMITMENT_STATUS[commitment.status] ?? commitment.status}）${reason}`;
    }
    case "section":
      if (conflict.key.split(":").length === 2) {
        const section = value as ReportSection;
        return [section.heading, section.lead, ...section.items.map((item) => `· ${item.heading}\n${docToText(item.body)}`)].filter(Boolean).join("\n");
      }
      return scalarText(value);
    case "report":
      return conflict.key === "report:opening" ? docToText(value as RichDoc) : scalarText(value);
    case "meta":
      return scalarText(value);
  }
}

function scalarText(value: unknown): string {
  if (value === null || value === "") return "（空）";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "string" || typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/**
 * Trims the text all sides share at the start and the end, keeping `context` characters around the
 * part that differs, so a change at the end of a long paragraph is in view. Absent sides stay null.
 */
export function trimSharedText(texts: ReadonlyArray<string | null>, context = 30): Array<string | null> {
  const present = texts.filter((text): text is string => text !== null).map((text) => Array.from(text));
  if (present.length < 2) return [...texts];
  const shortest = Math.min(...present.map((chars) => chars.length));
  let prefix = 0;
  while (prefix < shortest && present.every((chars) => chars[prefix] === present[0]![prefix])) prefix += 1;
  let suffix = 0;
  while (suffix < shortest - prefix && present.every((chars) => chars[chars.length - 1 - suffix] === present[0]![present[0]!.length - 1 - suffix])) suffix += 1;
  const cutStart = Math.max(0, prefix - context);
  const cutEnd = Math.max(0, suffix - context);
  return texts.map((text) => {
    if (text === null) return null;
    const chars = Array.from(text);
    const middle = chars.slice(cutStart, chars.length - cutEnd).join("");
    return `${cutStart > 0 ? "…" : ""}${middle}${cutEnd > 0 ? "…" : ""}`;
  });
}
