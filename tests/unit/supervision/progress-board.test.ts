import { describe, expect, it } from "vitest";

import { createReportFromTemplate } from "@/lib/report-model";
import { boardStateOf, boardToCsv, buildBoardRow, describeDaysLeft, filterBoard, sortBoard, type BoardInput, type BoardRow } from "@/lib/supervision";
import { getTemplate } from "@/templates";

import { buildCompleteReport } from "../../fixtures/complete-report";

const NOW = new Date("2026-03-05T04:00:00Z"); // 2026-03-05 noon in Beijing
const agency = (name: string, level = "department"): BoardInput["agency"] => ({ id: `id-${name}`, name, level, depth: 1, settings: {} });

function input(overrides: Partial<BoardInput> & { agency: BoardInput["agency"] }): BoardInput {
  return { report: null, template: null, lastReminderAt: null, ...overrides };
}

function report(status: string, content = buildCompleteReport({ year: 2025 }), extra: Partial<NonNullable<BoardInput["report"]>> = {}): BoardInput["report"] {
  return {
    id: `r-${status}`,
    status,
    updatedAt: new Date("2026-02-27T02:00:00Z"),
    publishedAt: null,
    publishedUrl: null,
    publishedNote: null,
    content,
    ...extra,
  };
}

describe("[SUPERVISION] progress board rows", () => {
  it("maps workflow statuses onto the five board states", () => {
    expect([null, "draft", "returned", "in_review", "reviewed", "signed", "published"].map(boardStateOf)).toEqual([
      "not_started",
      "drafting",
      "drafting",
      "in_review",
      "in_review",
      "signed",
      "published",
    ]);
  });

  it("an agency without a report is 未开始, overdue after 3月1日, with no error count", () => {
    const row = buildBoardRow(input({ agency: agency("某县水利局") }), 2025, NOW);
    expect(row).toMatchObject({
      state: "not_started",
      reportId: null,
      deadlineLabel: "报送",
      dueDate: "2026-03-01",
      daysLeft: -4,
      isOverdue: true,
      errorCount: null,
      missingParts: [],
    });
    expect(describeDaysLeft(row)).toBe("报送逾期4天");
  });

  it("a fresh draft lists its empty statutory parts and its error count", () => {
    const content = createReportFromTemplate(getTemplate("department"), { agency: "某县交通运输局", year: 2025 });
    const row = buildBoardRow(input({ agency: agency("某县交通运输局"), report: report("draft", content), template: getTemplate("department") }), 2025, NOW);
    expect(row.state).toBe("drafting");
    expect(row.missingParts).toEqual(["主要举措和成效", "存在的不足和原因", "党政主要负责人履行推进法治建设第一责任人职责情况", "下一年度主要安排"]);
    expect(row.errorCount).toBeGreaterThan(0);
    expect(row.lastTouchedAt).toBe("2026-02-27T02:00:00.000Z");
  });

  it("a signed report works towards the 公开 deadline; a late publication is flagged", () => {
    const signed = buildBoardRow(input({ agency: agency("甲局"), report: report("signed"), template: getTemplate("department") }), 2025, NOW);
    expect(signed).toMatchObject({
      state: "signed",
      deadlineLabel: "公开",
      dueDate: "2026-04-01",
      daysLeft: 27,
      isOverdue: false,
      errorCount: 0,
      missingParts: [],
    });
    const late = buildBoardRow(
      input({
        agency: agency("乙局"),
        report: report("published", undefined, { publishedAt: new Date("2026-04-03T01:00:00Z"), publishedUrl: "https://example.gov.cn/a.html" }),
        template: getTemplate("department"),
      }),
      2025,
      new Date("2026-04-10T00:00:00Z"),
    );
    expect(late).toMatchObject({
      state: "published",
      daysLeft: null,
      isOverdue: false,
      publishedOn: "2026-04-03",
      isPublishedLate: true,
      publishedUrl: "https://example.gov.cn/a.html",
    });
    const onTime = buildBoardRow(
      input({
        agency: agency("丙局"),
        report: report("published", undefined, { publishedAt: new Date("2026-03-31T16:30:00Z"), publishedNote: "https://example.gov.cn/b.html" }),
      }),
      2025,
      NOW,
    );
    // 2026-03-31T16:30Z is 4月1日 00:30 in Beijing: still on the day of the deadline.
    expect(onTime).toMatchObject({ publishedOn: "2026-04-01", isPublishedLate: false, publishedUrl: "https://example.gov.cn/b.html" });
  });
});

describe("[SUPERVISION] board filters, sorting and CSV", () => {
  const rows: BoardRow[] = [
    buildBoardRow(input({ agency: agency("乙镇", "township") }), 2025, NOW),
    buildBoardRow(input({ agency: agency("甲局"), report: report("signed"), template: getTemplate("department") }), 2025, NOW),
    buildBoardRow(
      input({
        agency: agency("丙局"),
        report: report("draft", createReportFromTemplate(getTemplate("department"), { agency: "丙局", year: 2025 })),
        template: getTemplate("department"),
      }),
      2025,
      NOW,
    ),
  ];

  it("filters by level and by state", () => {
    expect(filterBoard(rows, { level: "township" }).map((row) => row.agencyName)).toEqual(["乙镇"]);
    expect(filterBoard(rows, { state: "signed" }).map((row) => row.agencyName)).toEqual(["甲局"]);
    expect(filterBoard(rows, { level: "department", state: "not_started" })).toEqual([]);
  });

  it("sorts by days left and by errors, missing values last", () => {
    expect(sortBoard(rows, "daysLeft", "asc").map((row) => row.agencyName)).toEqual(["丙局", "乙镇", "甲局"]);
    expect(sortBoard(rows, "daysLeft", "desc").map((row) => row.agencyName)).toEqual(["甲局", "丙局", "乙镇"]);
    expect(sortBoard(rows, "errors", "desc").map((row) => row.agencyName)).toEqual(["丙局", "甲局", "乙镇"]);
    expect(sortBoard(rows, "errors", "asc").map((row) => row.agencyName)).toEqual(["甲局", "丙局", "乙镇"]);
  });

  it("writes the same data as CSV with a BOM, Chinese dates and neutralised formulas", () => {
    const csv = boardToCsv([...rows, { ...rows[0]!, agencyName: "=HYPERLINK(1)" }]);
    expect(csv.startsWith("\uFEFF机关,层级,状态,期限,截止日期,剩余天数,是否逾期,错误数")).toBe(true);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe("乙镇,乡镇街道,未开始,报送,2026年3月1日,-4,是,,,,,,,");
    expect(lines[2]).toContain("甲局,部门,已签发,公开,2026年4月1日,27,否,0,,2026年2月27日");
    expect(lines[4]!.startsWith(`"'=HYPERLINK(1)"`)).toBe(true);
  });
});
