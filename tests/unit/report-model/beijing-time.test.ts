import { describe, expect, it } from "vitest";

import { beijingDay, beijingMidnight, beijingParts, formatDate, formatDateTime, formatTime } from "@/lib/report-model";
import { beijingTime } from "@/lib/report-model/suggestion-marks";

// 2026-12-31 17:30 UTC is already 2027-01-01 01:30 in Beijing: the day, the month and the year all differ.
const NEW_YEAR_IN_BEIJING = new Date("2026-12-31T17:30:00Z");

describe("[DATES]: one Beijing-time helper", () => {
  it("reads calendar fields in Beijing whatever the process time zone", () => {
    expect(beijingParts(NEW_YEAR_IN_BEIJING)).toEqual({ year: 2027, month: 1, day: 1, hour: "01", minute: "30" });
    expect(beijingDay(NEW_YEAR_IN_BEIJING)).toBe("2027-01-01");
  });

  it("formats dates as 2025年3月8日 and times on the 24-hour clock", () => {
    expect(formatDate(NEW_YEAR_IN_BEIJING)).toBe("2027年1月1日");
    expect(formatTime(NEW_YEAR_IN_BEIJING)).toBe("01:30");
    expect(formatDateTime(new Date("2025-03-08T06:05:00Z"))).toBe("2025年3月8日 14:05");
    expect(beijingTime("2026-11-29T08:15:00.000Z")).toBe("2026年11月29日 16:15");
    expect(beijingTime("not a date")).toBe("");
  });

  it("gives Beijing midnight of a day, moved by whole days", () => {
    expect(beijingMidnight("2025-03-08").toISOString()).toBe("2025-03-07T16:00:00.000Z");
    expect(beijingMidnight("2025-03-08", 1).toISOString()).toBe("2025-03-08T16:00:00.000Z");
    expect(Number.isNaN(beijingMidnight("2025-13-40").getTime())).toBe(true);
  });
});
