import { formatDateTime } from "@/lib/format";

import { auditActionLabel } from "./audit-labels";
import type { AuditEventRow } from "./list-audit-events";

const HEADER = ["时间", "时间（UTC）", "用户", "操作", "操作代码", "对象", "详情", "来源地址"];

/** Quotes a field when needed; a leading =, +, - or @ is neutralised so Excel does not run it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** UTF-8 CSV with a BOM, so Excel opens the Chinese text correctly. */
export function auditEventsToCsv(events: readonly AuditEventRow[]): string {
  const lines = [HEADER.join(",")];
  for (const event of events) {
    lines.push(
      [
        formatDateTime(event.at),
        event.at.toISOString(),
        event.username ?? "",
        auditActionLabel(event.action),
        event.action,
        event.targetId ?? "",
        JSON.stringify(event.detail),
        event.ip ?? "",
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
