import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import type { Report } from "@/lib/report-model";
import { validateReport, type Finding } from "@/lib/validation";
import { getTemplate } from "@/templates";

import { textToReport } from "./corpus-report";
import { fieldText, rangeText } from "./helpers";

const SHARED = path.resolve(__dirname, "../../../../shared");
const CORPUS = path.join(SHARED, "corpus");
const isAvailable = existsSync(CORPUS);

if (!isAvailable) {
  if (process.env.CI === "true") throw new Error(`校验语料目录不存在：${CORPUS}（CI 中必须提供 shared/）`);
  console.warn(`[corpus] 跳过：未找到 ${CORPUS}`);
}

function load(file: string): { report: Report; findings: Finding[] } {
  const report = textToReport(readFileSync(path.join(CORPUS, file), "utf8"));
  return { report, findings: validateReport(report, { template: getTemplate("department") }) };
}

function quotedRanges(report: Report, findings: Finding[], ruleId: string): string[] {
  return findings.filter((finding) => finding.ruleId === ruleId).map((finding) => rangeText(fieldText(report, finding.location), finding));
}

describe.skipIf(!isAvailable)("real reports (shared/corpus)", () => {
  it("liaocheng 2020: the leader's-duty item inside 举措 is pointed at, asking for its own part", () => {
    const { report, findings } = load("liaocheng-eeb-2020.txt");
    expect(report.sections.some((section) => section.kind === "measures")).toBe(true);
    const leader = findings.filter((finding) => finding.ruleId === "required-parts" && finding.message.includes("第一责任人职责情况"));
    expect(leader).toHaveLength(1);
    expect(leader[0]!.message).toContain("报告未单列");
    expect(leader[0]!.location).toMatchObject({ sectionKind: "measures", itemIndex: 0 });
  });

  it.each(["wansheng-eeb-2021.txt", "yuanyi-town-2020.txt"])("%s: generic leadership wording does not stand in for the leader's-duty part", (file) => {
    const { findings } = load(file);
    const leader = findings.filter((finding) => finding.ruleId === "required-parts" && finding.message.includes("第一责任人职责情况"));
    expect(leader).toHaveLength(1);
    expect(leader[0]).toMatchObject({ severity: "error", location: { field: "meta", key: "sections" } });
    expect(leader[0]!.message).toContain("报告缺少");
  });

  it("liaocheng 2020: missing 二是/三是, the heading that lost its numeral, 行政应讼, [2016]", () => {
    const { report, findings } = load("liaocheng-eeb-2020.txt");
    const runIn = findings.filter((finding) => finding.ruleId === "run-in-sequence");
    expect(runIn.map((finding) => finding.message)).toEqual(["列举中“是”前缺少序号，应为“二是”。", "列举中“是”前缺少序号，应为“三是”。"]);
    expect(runIn.every((finding) => finding.location.itemIndex === 4 && finding.fix)).toBe(true);
    const heading = findings.find((finding) => finding.ruleId === "heading-numerals");
    expect(heading?.location.field).toBe("sectionHeading");
    expect(heading?.message).toContain("序号可能在编辑中丢失");
    expect(quotedRanges(report, findings, "fixed-expressions")).toEqual(expect.arrayContaining(["行政执法三项制度", "行政应讼"]));
    expect(quotedRanges(report, findings, "doc-number-brackets")).toEqual(["[2016]"]);
    expect(findings.some((finding) => finding.ruleId === "problem-causes")).toBe(true);
    expect(findings.filter((finding) => finding.ruleId === "report-year" && finding.location.field === "body")).toEqual([]);
  });

  it("wansheng 2021: the broken “三还”, 双随机一公开, and the plan part merged into problems", () => {
    const { report, findings } = load("wansheng-eeb-2021.txt");
    const runIn = findings.filter((finding) => finding.ruleId === "run-in-sequence");
    expect(runIn).toHaveLength(1);
    expect(runIn[0]!.message).toBe("列举序号“三还”缺少“是”字，应为“三是还”。");
    expect(quotedRanges(report, findings, "run-in-sequence")).toEqual(["三还"]);
    expect(quotedRanges(report, findings, "fixed-expressions")).toEqual(["“双随机一公开”", "“双随机一公开”"]);
    expect(findings.some((finding) => finding.ruleId === "required-parts" && finding.message.includes("缺少“下一年度主要安排”"))).toBe(true);
    // "自2020年以来" names a span on purpose: not a stale year.
    expect(quotedRanges(report, findings, "report-year")).toEqual([]);
  });

  it("yuanyi 2020: causes are analysed, the 2021 plan heading is right, no enumeration errors", () => {
    const { findings } = load("yuanyi-town-2020.txt");
    expect(findings.filter((finding) => ["problem-causes", "run-in-sequence", "report-year", "heading-numerals"].includes(finding.ruleId))).toEqual([]);
    expect(findings.some((finding) => finding.ruleId === "required-parts" && finding.message.includes("下一年度主要安排"))).toBe(false);
  });
});
