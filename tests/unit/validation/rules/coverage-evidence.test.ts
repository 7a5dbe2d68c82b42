import { describe, expect, it } from "vitest";

import { gangyaoCoverage } from "@/lib/validation";
import { evidenceRule } from "@/lib/validation/rules/evidence";
import { gangyaoCoverageRule } from "@/lib/validation/rules/gangyao-coverage";
import { pendingUpdatesRule } from "@/lib/validation/rules/pending-updates";

import { buildReport, cleanReportSpec, rangeText, reportWithBody, runRule } from "../helpers";

describe("gangyao-coverage", () => {
  it("the clean report covers all nine areas by tag", () => {
    const coverage = gangyaoCoverage(buildReport(cleanReportSpec()));
    expect(Object.values(coverage).every((area) => area.covered)).toBe(true);
    expect(coverage.zhifa.itemIds).toContain("s0i4");
  });

  it("recognises areas by content and reports the rest as info", () => {
    const report = buildReport({
      sections: [
        {
          kind: "measures",
          items: [
            { heading: "深化“放管服”改革", body: "调整权责清单事项236项。" },
            { heading: "化解社会矛盾", body: "办理行政复议申请46件，人民调解成功率98%。" },
          ],
        },
      ],
    });
    const coverage = gangyaoCoverage(report);
    expect(coverage.zhineng).toEqual({ covered: true, itemIds: ["s0i0"] });
    expect(coverage.jiufen).toEqual({ covered: true, itemIds: ["s0i1"] });
    const findings = runRule(gangyaoCoverageRule, report);
    expect(findings).toHaveLength(7);
    expect(findings.every((finding) => finding.severity === "info")).toBe(true);
    expect(findings.map((finding) => finding.location.key)).toEqual(["zhidu", "juece", "zhifa", "tufa", "jiandu", "shuzi", "lingdao"]);
    expect(findings[3]!.message).toContain("“突发事件应对体系”方面");
  });
});

describe("evidence", () => {
  it.each([
    ["全年办理行政复议案件46件。", false],
    ["制定《青山县行政执法公示办法》。", false],
    ["开展三次执法培训。", false],
    ["我县经验被司法部作为典型案例推广。", false],
    ["高度重视，扎实推进，取得明显成效。", true],
  ])("“%s”", (body, isFlagged) => {
    const findings = runRule(evidenceRule, reportWithBody(body));
    expect(findings).toHaveLength(isFlagged ? 1 : 0);
    if (isFlagged) expect(findings[0]!.message).toContain("举措缺少数据或事例支撑");
  });
});

describe("pending-updates", () => {
  it("flags marks whose text is still in the body, not those already replaced", () => {
    const body = "2023年共办理行政复议案件35件，审结33件。";
    const report = buildReport({
      sections: [
        {
          kind: "measures",
          items: [
            {
              heading: "化解纠纷",
              body,
              pendingUpdates: [
                { id: "p1", text: "2023年", kind: "year" },
                { id: "p2", text: "35件", kind: "figure" },
                { id: "p3", text: "41件", kind: "figure" },
              ],
            },
          ],
        },
      ],
    });
    const findings = runRule(pendingUpdatesRule, report);
    expect(findings.map((finding) => rangeText(body, finding))).toEqual(["2023年", "35件"]);
    expect(findings[0]!.message).toContain("待更新年份");
    expect(findings[1]!.message).toContain("待更新数据");
  });
});

describe("pending-updates on a part's lead", () => {
  it("flags marks still in the lead and points at the lead", () => {
    const report = buildReport({ sections: [{ kind: "measures", items: [{ heading: "化解纠纷", body: "本年度办理复议案件若干。" }] }] });
    const section = report.sections[0]!;
    section.lead = "2023年，本局坚持依法行政，全年组织学法12次。";
    section.leadPendingUpdates = [
      { id: "l1", text: "2023年", kind: "year" },
      { id: "l2", text: "9次", kind: "figure" },
    ];
    const findings = runRule(pendingUpdatesRule, report);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.location).toMatchObject({ field: "lead", sectionId: section.id, range: { from: 0, to: 5 } });
  });
});
