import { describe, expect, it } from "vitest";

import { reportYearFrom } from "@/app/(workspace)/supervision/report-year";
import { deadlineStatuses, describeDeadline, draftingYear, formatChineseDate, isCurrentCycle } from "@/lib/report-model";

// Issue #19, rough edges 1 and 2: which year is being drafted, and which reports can be overdue.
describe("[DEADLINES] the year being drafted and overdue only in the current cycle", () => {
  it.each([
    ["late November: this year's report is being drafted", "2026-11-29T10:00:00Z", 2026],
    ["1 October, Beijing time (still 30 September in UTC)", "2026-09-30T17:00:00Z", 2026],
    ["30 September: the previous year's report is still the one due", "2026-09-30T12:00:00Z", 2025],
    ["January: last year's report is due in the first quarter", "2027-01-15T02:00:00Z", 2026],
    ["1 January, Beijing time (still 31 December in UTC)", "2026-12-31T18:00:00Z", 2026],
    ["June, after publication", "2027-06-01T02:00:00Z", 2026],
  ])("%s", (_title, now, expected) => {
    expect(draftingYear(new Date(now))).toBe(expected);
  });

  it("the deadline shown for the drafted year reads as a Chinese date", () => {
    expect(formatChineseDate("2027-04-01")).toBe("2027年4月1日");
  });

  it("an old imported draft shows no overdue badge; the current cycle's late draft still does", () => {
    const now = new Date("2026-11-29T10:00:00Z");
    expect(isCurrentCycle(2021, now)).toBe(false);
    expect(deadlineStatuses({ year: 2021, status: "draft", now })).toEqual([]);

    const januaryNow = new Date("2027-03-10T02:00:00Z");
    const current = deadlineStatuses({ year: 2026, status: "draft", now: januaryNow });
    expect(current.map(describeDeadline)).toEqual(["报送已逾期9天", "距公开截止还有22天"]);
  });

  it("an old report keeps what was done: a published 2023 report shows both deadlines met", () => {
    const statuses = deadlineStatuses({ year: 2023, status: "published", now: new Date("2026-11-29T10:00:00Z") });
    expect(statuses.map(describeDeadline)).toEqual(["报送已完成", "公开已完成"]);
    // A signed but unpublished old report: submission done, the disclosure is history, not 逾期.
    const signed = deadlineStatuses({ year: 2023, status: "signed", now: new Date("2026-11-29T10:00:00Z") });
    expect(signed.map(describeDeadline)).toEqual(["报送已完成"]);
  });
});

describe("[DEADLINES] the supervision board opens on the year being drafted", () => {
  it("late November shows this year's cycle; a year in the query string wins", () => {
    expect(reportYearFrom(undefined, new Date("2026-11-29T10:00:00Z"))).toBe(2026);
    expect(reportYearFrom(undefined, new Date("2026-05-10T10:00:00Z"))).toBe(2025);
    expect(reportYearFrom("2024", new Date("2026-11-29T10:00:00Z"))).toBe(2024);
  });
});
