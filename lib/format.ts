const TIME_ZONE = "Asia/Shanghai";

function parts(date: Date) {
  const formatted = new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: string) => formatted.find((part) => part.type === type)?.value ?? "";
  return { year: get("year"), month: Number(get("month")), day: Number(get("day")), hour: get("hour"), minute: get("minute") };
}

/** 14:05 (Beijing time): server and browser render the same text whatever their own time zones. */
export function formatTime(date: Date): string {
  const { hour, minute } = parts(date);
  return `${hour}:${minute}`;
}

/** 2025年3月8日 (Beijing time). */
export function formatDate(date: Date): string {
  const { year, month, day } = parts(date);
  return `${year}年${month}月${day}日`;
}

/** 2025年3月8日 14:05 (Beijing time). */
export function formatDateTime(date: Date): string {
  const { hour, minute } = parts(date);
  return `${formatDate(date)} ${hour}:${minute}`;
}
