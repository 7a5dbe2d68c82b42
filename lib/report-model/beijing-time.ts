/**
 * Beijing time, the one clock of the app: agencies, deadlines and dates in reports are all in China
 * Standard Time, and server and browser must render the same text whatever their own time zones.
 */
export const BEIJING_TIME_ZONE = "Asia/Shanghai";

const PARTS_FORMAT = new Intl.DateTimeFormat("en-CA", {
  timeZone: BEIJING_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export interface BeijingParts {
  year: number;
  /** 1…12 */
  month: number;
  day: number;
  /** "00"…"23" */
  hour: string;
  /** "00"…"59" */
  minute: string;
}

/** The calendar fields of an instant in Beijing. */
export function beijingParts(date: Date): BeijingParts {
  const formatted = PARTS_FORMAT.formatToParts(date);
  const get = (type: string) => formatted.find((part) => part.type === type)?.value ?? "";
  return { year: Number(get("year")), month: Number(get("month")), day: Number(get("day")), hour: get("hour"), minute: get("minute") };
}

const pad = (value: number) => String(value).padStart(2, "0");

/** The Beijing calendar day of an instant, YYYY-MM-DD. */
export function beijingDay(date: Date): string {
  const { year, month, day } = beijingParts(date);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Beijing midnight of a YYYY-MM-DD day, moved by whole days (an invalid day gives an invalid Date). */
export function beijingMidnight(day: string, offsetDays = 0): Date {
  const date = new Date(`${day}T00:00:00+08:00`);
  return new Date(date.getTime() + offsetDays * 86_400_000);
}

/** 14:05 (Beijing time). */
export function formatTime(date: Date): string {
  const { hour, minute } = beijingParts(date);
  return `${hour}:${minute}`;
}

/** 2025年3月8日 (Beijing time). */
export function formatDate(date: Date): string {
  const { year, month, day } = beijingParts(date);
  return `${year}年${month}月${day}日`;
}

/** 2025年3月8日 14:05 (Beijing time). */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)} ${formatTime(date)}`;
}
