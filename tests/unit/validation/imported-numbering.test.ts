import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import importCommand from "@/lib/cli/commands/import";
import { mergeReports } from "@/lib/collab";
import validateCommand from "@/lib/cli/commands/validate";
import type { CliIo } from "@/lib/cli/types";

import { importText } from "@/lib/import";
import { newId, reportSchema, emptyDoc, type Report } from "@/lib/report-model";
import { applyFix, recordImportedNumbering, validateReport, type Finding } from "@/lib/validation";
import { findTemplate } from "@/templates";

// An official's own .txt, written for this test: a half-width "(二)", a repeated （二）, and a part that lost its numeral.
const LINES = [
  "白河镇人民政府关于2024年度法治政府建设情况的报告",
  "白河县人民政府：",
  "2024年，我镇坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：",
  "一、2024年推进法治政府建设的主要举措和成效",
  "（一）加强组织领导",
  "镇党委全年专题研究法治工作3次，调整充实法治建设领导小组。",
  "(二)推进严格规范公正文明执法",
  "全年办理行政处罚案件42件，组织执法案卷评查2次。",
  "（二）深化矛盾纠纷多元化解",
  "全镇调解委员会调解纠纷86件，调解成功84件。",
  "、存在的不足和原因",
  "一是执法人员法律素养有待提高；二是普法形式较为单一。",
  "三、党政主要负责人履行推进法治建设第一责任人职责情况",
  "镇党委书记认真履行推进法治建设第一责任人职责，主持专题会议3次。",
  "四、2025年工作安排",
  "一是加强执法培训；二是创新普法方式。",
  "白河镇人民政府",
  "2025年3月10日",
];

function imported() {
  const { report, sourceHeadings } = importText(LINES.join("\n"), { repair: "file" });
  return { report, sourceHeadings, template: findTemplate(report.templateId) ?? undefined };
}

const numberingOf = (findings: Finding[]) => findings.filter((finding) => finding.ruleId === "source-numbering");
const shape = (findings: Finding[]) => numberingOf(findings).map(({ message, location }) => ({ message, field: location.field, itemId: location.itemId }));

describe("numbering findings of an imported file, kept with the stored report", () => {
  it("the stored report gives the editor exactly what validate gives on the file, each acknowledgeable", () => {
    const { report, sourceHeadings, template } = imported();
    const onFile = validateReport(report, { template, sourceHeadings });
    expect(numberingOf(onFile)).toHaveLength(3);

    // What accepting the import stores: the report JSON, parsed by the schema as every save is.
    const stored = reportSchema.parse(JSON.parse(JSON.stringify(recordImportedNumbering(report, sourceHeadings))));
    const inEditor = validateReport(stored, { template });
    expect(shape(inEditor)).toEqual(shape(onFile));
    expect(numberingOf(inEditor).every((finding) => finding.fix?.acknowledgeImportedNumbering)).toBe(true);
    expect(numberingOf(inEditor).map((finding) => finding.message)).toEqual([
      expect.stringContaining("“(二)”括号是半角，应为全角“（）”"),
      expect.stringContaining("“（二）”与上一个序号重复，应为“（三）”"),
      expect.stringContaining("缺少序号，应为“二、”"),
    ]);
  });

  it("only wrong numerals are recorded, and a file numbered in order stores nothing", () => {
    const { report, sourceHeadings } = imported();
    const stored = recordImportedNumbering(report, sourceHeadings);
    const records = stored.sections.flatMap((section) => [section.importedNumbering, ...section.items.map((item) => item.importedNumbering)]).filter(Boolean);
    expect(records.map((record) => record!.line)).toEqual(["(二)推进严格规范公正文明执法", "（二）深化矛盾纠纷多元化解", "、存在的不足和原因"]);
    expect(report.sections[0]!.items[1]!.importedNumbering).toBeUndefined();

    const inOrder = LINES.map((line) => line.replace("(二)推进", "（二）推进").replace("（二）深化", "（三）深化").replace("、存在", "二、存在"));
    const clean = importText(inOrder.join("\n"), { repair: "file" });
    expect(recordImportedNumbering(clean.report, clean.sourceHeadings)).toBe(clean.report);
  });

  it("editing the outline after the import does not invent findings; the printed numeral follows the item's place", () => {
    const { report, sourceHeadings, template } = imported();
    const stored = recordImportedNumbering(report, sourceHeadings);
    const measures = stored.sections[0]!;
    // The official adds an item at the top and deletes the first one the file had.
    const added = { id: newId("i"), heading: "健全依法决策机制", body: emptyDoc(), isRunIn: false, area: null, pendingUpdates: [] };
    const edited: Report = { ...stored, sections: [{ ...measures, items: [added, ...measures.items.slice(1)] }, ...stored.sections.slice(1)] };
    const findings = numberingOf(validateReport(edited, { template }));
    expect(findings).toHaveLength(3);
    expect(findings[0]!.message).toContain("括号是半角");
    expect(findings[0]!.message).toContain("报告中已按位置自动编号为“（二）”");
    expect(findings[1]!.message).toContain("与上一个序号重复，应为“（三）”");
    expect(findings[1]!.message).toContain("报告中已按位置自动编号为“（三）”");
    expect(findings[2]!.message).toContain("缺少序号，应为“二、”");
  });

  it("acknowledging a finding drops its record and only that finding disappears", () => {
    const { report, sourceHeadings, template } = imported();
    const stored = recordImportedNumbering(report, sourceHeadings);
    const [first, second, third] = numberingOf(validateReport(stored, { template }));
    const acknowledged = applyFix(stored, second!.fix!);
    expect(acknowledged.sections[0]!.items[2]!.importedNumbering).toBeUndefined();
    expect(stored.sections[0]!.items[2]!.importedNumbering).toBeDefined();
    expect(shape(validateReport(acknowledged, { template }))).toEqual(shape([first!, third!]));
    // The text is untouched by an acknowledgement.
    expect(acknowledged.sections.map((section) => section.items.map((item) => item.heading))).toEqual(
      stored.sections.map((section) => section.items.map((item) => item.heading)),
    );
    const all = [first!, third!].reduce((current, finding) => applyFix(current, finding.fix!), acknowledged);
    expect(numberingOf(validateReport(all, { template }))).toEqual([]);
  });

  it("the CLI: `import --json` keeps the records, and `validate` on that JSON reports what it reports on the file", async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), "nianbao-numbering-"));
    const textFile = path.join(directory, "报告.txt");
    writeFileSync(textFile, LINES.join("\n"));
    const run = async (command: typeof importCommand, args: string[]) => {
      const out: string[] = [];
      const io: CliIo = { stdout: (text) => out.push(text), stderr: () => undefined };
      await command.run(args, io);
      return out.join("\n");
    };
    const jsonFile = path.join(directory, "报告.nianbao.json");
    writeFileSync(jsonFile, await run(importCommand, [textFile, "--json"]));
    const numbering = async (file: string) =>
      (JSON.parse(await run(validateCommand, [file, "--json"])) as { findings: Finding[] }).findings
        .filter((finding) => finding.ruleId === "source-numbering")
        .map(({ message, location }) => [message, location.field, location.sectionIndex, location.itemIndex]);
    const onFile = await numbering(textFile);
    expect(onFile).toHaveLength(3);
    expect(await numbering(jsonFile)).toEqual(onFile);
  });

  it("a save merged three ways keeps the records, and one colleague's acknowledgement while another edits survives", () => {
    const { report, sourceHeadings, template } = imported();
    const base = recordImportedNumbering(report, sourceHeadings);
    const [, second] = numberingOf(validateReport(base, { template }));
    const theirs = applyFix(base, second!.fix!);
    const mine = structuredClone(base);
    mine.sections[0]!.items[2]!.heading = "深化矛盾纠纷多元化解工作";
    const { report: merged, unresolved } = mergeReports({ base, mine, theirs });
    expect(unresolved).toEqual([]);
    expect(merged.sections[0]!.items[2]).toMatchObject({ heading: "深化矛盾纠纷多元化解工作" });
    expect(merged.sections[0]!.items[2]!.importedNumbering).toBeUndefined();
    expect(merged.sections[0]!.items[1]!.importedNumbering).toEqual(base.sections[0]!.items[1]!.importedNumbering);
    expect(numberingOf(validateReport(merged, { template }))).toHaveLength(2);
  });
});
