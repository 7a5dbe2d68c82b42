import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { RevisionDiffView } from "@/components/workflow/revision-diff";
import { compareRevisions } from "@/lib/reuse/compare-revisions";

import { buildCompleteReport } from "../../fixtures/complete-report";

// Issue #19, rough edge 6: the revision diff names indicators in Chinese, never by their internal keys.
describe("[HISTORY] revision diff indicator labels", () => {
  it("shows 行政处罚案件 and 罚没金额 with units, not chufa_cases", () => {
    const older = buildCompleteReport();
    const newer = structuredClone(older);
    const measures = newer.sections.find((section) => section.kind === "measures")!;
    measures.indicators = { ...measures.indicators, chufa_cases: 31, chufa_fines: null };
    const comparison = compareRevisions(older, newer);
    const html = renderToStaticMarkup(
      <RevisionDiffView
        diff={{ ...comparison, older: { id: "a", revision: 3, number: 3, status: "draft" }, newer: { id: "b", revision: 4, number: 4, status: "draft" } }}
      />,
    );
    expect(html).toContain("指标：行政处罚案件 27件 → 31件；罚没金额 18.6万元 → 未填");
    expect(html).not.toMatch(/chufa_/);
  });
});
