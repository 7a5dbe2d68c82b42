import { formatChineseDate } from "@/lib/report-model";

/** "2025年3月8日" for messages; the raw value when it is not an ISO date. */
export function formatDate(isoDate: string): string {
  return formatChineseDate(isoDate) || isoDate;
}
