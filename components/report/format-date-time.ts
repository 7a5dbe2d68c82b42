import { formatDateTime as formatBeijingDateTime } from "@/lib/format";

/** "2026年1月20日 10:32" in Beijing time, as the server renders it; the raw text when it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatBeijingDateTime(date);
}
