import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import validateCommand from "@/lib/cli/commands/validate";
import type { CliIo } from "@/lib/cli/types";
import { importText } from "@/lib/import";
import { describeLocation } from "@/lib/validation";

/** An official's own file: a skipped item numeral, and a combined problems/plans part the importer splits. */
const TEXT = [
  "云岭县审计局2024年法治政府建设年度报告",
  "2024年，云岭县审计局坚持依法审计，现将有关情况报告如下：",
  "一、主要举措和成效",
  "（一）加强审计监督。全年完成审计项目18个，提出审计建议46条。",
  "（三）推进审计整改。审计查出问题整改率达到96%。",
  "二、存在问题及下一步打算",
  "审计人员专业结构不够合理。下一步，我局将加强审计人员培训。",
  "云岭县审计局",
  "2025年1月16日",
].join("\n");

describe("[IMPORT] locations name the headings as the file shows them", () => {
  it("keeps each part's and item's source heading, numeral included", () => {
    const { report, sourceHeadings } = importText(TEXT, { repair: "file" });
    expect(report.sections.map((section) => section.heading)).toEqual(["主要举措和成效", "存在问题", "下一步打算"]);
    expect(sourceHeadings.map((entry) => entry.heading)).toEqual(["一、主要举措和成效", "二、存在问题及下一步打算", "二、存在问题及下一步打算"]);
    expect(sourceHeadings[0]!.items).toEqual(["（一）加强审计监督", "（三）推进审计整改"]);
    const names = { section: (index: number) => sourceHeadings[index]?.heading, item: (section: number, item: number) => sourceHeadings[section]?.items[item] };
    expect(describeLocation(report, { field: "body", sectionIndex: 0, itemIndex: 1 }, names)).toBe("一、主要举措和成效 › （三）推进审计整改 › 正文");
    expect(describeLocation(report, { field: "body", sectionIndex: 2, itemIndex: 0 }, names)).toBe("二、存在问题及下一步打算 › 第1段 › 正文");
  });

  it("validate on a .txt prints only headings that are in the file", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "nianbao-locations-")), "审计局.txt");
    writeFileSync(file, TEXT);
    const out: string[] = [];
    const io: CliIo = { stdout: (text) => out.push(text), stderr: () => undefined };
    await validateCommand.run([file], io);
    // Only the location (before "："): messages may quote the numeral a heading should have had.
    const headings = out.flatMap((line) =>
      [...line.split("：")[0]!.matchAll(/([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)[^ ›：]+/g)].map((match) => match[0]),
    );
    for (const heading of headings) expect(TEXT).toContain(heading);
  });
});
