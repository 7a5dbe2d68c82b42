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
