import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import validateCommand from "@/lib/cli/commands/validate";
import { completeness, describeLocation, RULES, summarizeFindings, validateReport, type Finding } from "@/lib/validation";
import { getTemplate } from "@/templates";

import { buildReport, cleanReportSpec } from "./helpers";

describe("validateReport", () => {
  it("finds nothing in a complete, well-written report (without a template's minimum lengths)", () => {
    expect(validateReport(buildReport(cleanReportSpec()))).toEqual([]);
  });

  it("every rule has a unique id and a Chinese title", () => {
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
    for (const rule of RULES) expect(rule.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it("sorts findings in reading order: report-level, then parts, items and positions", () => {
    const spec = cleanReportSpec();
    spec.meta = { date: "" };
    spec.sections![0]!.items![1]!.body = "深化放管服改革,调整权责清单事项236项。";
    spec.sections![0]!.items![0]!.body = "县政府常务会议全年集体学法12次，习近平法制思想学习纳入考核。";
    spec.sections = spec.sections!.filter((section) => section.kind !== "next_year");
    const findings = validateReport(buildReport(spec));
    expect(findings.map((finding) => [finding.ruleId, finding.location.itemIndex ?? null, finding.location.range?.from ?? null])).toEqual([
      ["required-parts", null, null],
      ["meta-complete", null, null],
      ["fixed-expressions", 0, 17],
      ["fixed-expressions", 1, 2],
      ["punctuation-width", 1, 7],
    ]);
  });

  it("every finding carries a Chinese message and a location inside its field", () => {
    const spec = cleanReportSpec();
    spec.sections![0]!.items![4]!.body = "1、规范执法,，推行双随机一公开。三是公开信息";
    const report = buildReport(spec);
    for (const finding of validateReport(report, { template: getTemplate("county-government") })) {
      expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
      expect(describeLocation(report, finding.location)).not.toBe("");
    }
  });
});

describe("summarizeFindings and completeness", () => {
  const finding = (severity: Finding["severity"]): Finding => ({ ruleId: "x", severity, message: "测试", location: { field: "title" } });

  it("counts by severity", () => {
    expect(summarizeFindings([finding("error"), finding("warning"), finding("warning"), finding("info")])).toEqual({
      error: 1,
      warning: 2,
      info: 1,
      total: 4,
      hasErrors: true,
    });
    expect(summarizeFindings([finding("info")]).hasErrors).toBe(false);
  });

  it("gives one status per template part", () => {
    const template = getTemplate("county-government");
    const spec = cleanReportSpec();
    spec.sections![3] = { kind: "next_year", items: [{ body: "" }] };
    spec.sections = spec.sections!.filter((section) => section.kind !== "other");
    const report = buildReport(spec);
    const result = completeness(report, { ...template, sections: template.sections.map((section) => ({ ...section, minLength: 0 })) });
    expect(result.perSection.map((entry) => [entry.kind, entry.status])).toEqual([
      ["measures", "complete"],
      ["problems", "complete"],
      ["leader_duty", "complete"],
      ["next_year", "empty"],
      ["other", "empty"],
    ]);
    expect(result).toMatchObject({ done: 3, total: 4 });
    const withErrors = completeness(report, template);
    expect(withErrors.perSection[0]!.status).toBe("warnings");
  });

  it("describes locations as the official reads them", () => {
    const report = buildReport(cleanReportSpec());
    expect(describeLocation(report, { field: "body", sectionIndex: 0, itemIndex: 1 })).toBe(
      "一、2024年推进法治政府建设的主要举措和成效 › （二）依法全面履行政府职能 › 正文",
    );
    expect(describeLocation(report, { field: "indicators", sectionIndex: 0, key: "fuyi_received" })).toBe(
      "一、2024年推进法治政府建设的主要举措和成效 › 指标“行政复议收案”",
    );
    expect(describeLocation(report, { field: "meta", key: "date" })).toBe("基本信息 › 成文日期");
  });
});

describe("cli validate", () => {
  async function run(report: unknown, args: string[] = []) {
    const directory = await mkdtemp(path.join(os.tmpdir(), "nianbao-validate-"));
    const file = path.join(directory, "report.nianbao.json");
    await writeFile(file, JSON.stringify(report));
    const out: string[] = [];
    const err: string[] = [];
    const code = await validateCommand.run([file, ...args], { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  it("prints readable lines and exits 1 when an error exists", async () => {
    const spec = cleanReportSpec();
    spec.meta = { date: "" };
    const { code, out } = await run(buildReport(spec));
    expect(code).toBe(1);
    expect(out).toContain("[错误] 基本信息 › 成文日期：未填写成文日期。");
    expect(out).toMatch(/共\d+条：错误\d+条/);
  });

  it("--json prints exactly the findings shape; exit 0 without errors", async () => {
    const spec = cleanReportSpec();
    spec.sections![0]!.items![1]!.body = "深化“放管服”改革,调整权责清单事项236项。";
    const { code, out } = await run({ ...buildReport(spec), templateId: "no-such-template" }, ["--json"]);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { findings: Array<Record<string, unknown>> };
    expect(Object.keys(parsed)).toEqual(["findings"]);
    expect(parsed.findings).toHaveLength(1);
    expect(Object.keys(parsed.findings[0]!)).toEqual(["ruleId", "severity", "message", "location"]);
    expect(parsed.findings[0]).toMatchObject({ ruleId: "punctuation-width", severity: "warning", location: { field: "body", range: { from: 9, to: 10 } } });
  });

  it("unreadable input is a CliInputError (exit 2 in the CLI)", async () => {
    await expect(run({ not: "a report" })).rejects.toThrow("不是有效的年报文件");
    await expect(validateCommand.run([], { stdout: () => {}, stderr: () => {} })).rejects.toThrow("请指定要校验的报告文件");
  });
});
