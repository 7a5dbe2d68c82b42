import { describe, expect, it } from "vitest";

import { submitBlocker } from "@/components/report/submit-button";

describe("submitBlocker", () => {
  it("names the state first: a drafter on a published report is told the state, not that the role cannot", () => {
    expect(submitBlocker({ canSubmit: false, status: "published", errorCount: 0, isBusy: false })).toBe("报告当前为“已公开”，不能提交审核");
    expect(submitBlocker({ canSubmit: true, status: "in_review", errorCount: 0, isBusy: false })).toBe("报告当前为“待审核”，不能提交审核");
  });

  it("then the role, then the errors", () => {
    expect(submitBlocker({ canSubmit: false, status: "draft", errorCount: 3, isBusy: false })).toBe("当前角色无权提交审核");
    expect(submitBlocker({ canSubmit: true, status: "returned", errorCount: 3, isBusy: false })).toBe("还有 3 个错误需要修改");
    expect(submitBlocker({ canSubmit: true, status: "draft", errorCount: 0, isBusy: false })).toBeNull();
  });
});
