import { describe, expect, it } from "vitest";

import { documentDateIssue, transitionBlocker } from "@/lib/report-model";

describe("transitionBlocker names every reason a step is unavailable", () => {
  const none = { errorCount: 0, unresolvedCount: 0, suggestionCount: 0 };
  it.each([
    ["signoff", { ...none, suggestionCount: 2 }, "还有 2 处修订未接受或拒绝，处理后才能签发"],
    ["signoff", { ...none, unresolvedCount: 1 }, "还有 1 条意见未解决，解决后才能签发"],
    ["signoff", { ...none, errorCount: 3 }, "还有 3 个错误需要修改，修改后才能签发"],
    ["signoff", { errorCount: 1, unresolvedCount: 2, suggestionCount: 3 }, "还有 1 个错误需要修改、2 条意见未解决、3 处修订未接受或拒绝，处理后才能签发"],
    ["approve", { ...none, errorCount: 1 }, "还有 1 个错误需要修改，修改后才能审核通过"],
    ["submit", { ...none, errorCount: 4 }, "还有 4 个错误需要修改，修改后才能提交审核"],
  ] as const)("%s with %o", (name, checks, reason) => {
    expect(transitionBlocker(name, checks)).toBe(reason);
  });

  it("lets approval and return through with open 修订 and comments: only sign-off locks the text", () => {
    expect(transitionBlocker("approve", { ...none, unresolvedCount: 2, suggestionCount: 5 })).toBeUndefined();
    expect(transitionBlocker("return", { errorCount: 9, unresolvedCount: 2, suggestionCount: 5 })).toBeUndefined();
    expect(transitionBlocker("signoff", none)).toBeUndefined();
  });
});

describe("documentDateIssue checks the 成文日期 against the workflow's dates", () => {
  it("refuses a date after today", () => {
    expect(documentDateIssue({ documentDate: "2026-12-01", today: "2026-11-30", approvedOn: "2026-11-25" })).toEqual({
      isBlocking: true,
      message: "成文日期（2026年12月1日）晚于今天（2026年11月30日），签发时成文日期应为签发当天",
    });
  });
  it("warns about a date before the approval", () => {
    expect(documentDateIssue({ documentDate: "2025-03-08", today: "2026-11-30", approvedOn: "2026-11-25" })).toEqual({
      isBlocking: false,
      message: "成文日期（2025年3月8日）早于审核通过日期（2026年11月25日），成文日期应为签发当天",
    });
  });
  it("accepts the approval day, the sign-off day, and leaves an empty date to validation", () => {
    expect(documentDateIssue({ documentDate: "2026-11-25", today: "2026-11-30", approvedOn: "2026-11-25" })).toBeUndefined();
    expect(documentDateIssue({ documentDate: "2026-11-30", today: "2026-11-30" })).toBeUndefined();
    expect(documentDateIssue({ documentDate: "", today: "2026-11-30", approvedOn: "2026-11-25" })).toBeUndefined();
  });
});
