import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import importCommand from "@/lib/cli/commands/import";
import { readReportFile } from "@/lib/cli/read-report-file";
import { CliInputError, type CliIo } from "@/lib/cli/types";
import { reportSchema } from "@/lib/report-model";

import { FIXTURES } from "./helpers";

function captureIo(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (text) => out.push(text), stderr: (text) => err.push(text) }, out, err };
}

const REPO = path.resolve(__dirname, "../../..");

describe("[IMPORT] cli import", () => {
  it("--json prints simple fields and still parses as a Report that readReportFile accepts", async () => {
    const { io, out } = captureIo();
    expect(await importCommand.run([path.join(FIXTURES, "simplified.txt"), "--json"], io)).toBe(0);
    const json = JSON.parse(out.join("\n"));
    expect([json.title, json.agency, json.year]).toEqual(["青禾市水务局关于2023年法治政府建设情况的报告", "青禾市水务局", 2023]);
    expect(json.sections.map((section: { kind: string }) => section.kind)).toEqual(["measures", "leader_duty", "problems", "next_year"]);
    expect(json.sections[0].items[0]).toMatchObject({ heading: "健全依法决策机制", text: expect.stringMatching(/^一是修订/) });
    expect(reportSchema.safeParse(json).success).toBe(true);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "nianbao-import-")), "导入.nianbao.json");
    writeFileSync(file, JSON.stringify(json));
    const report = await readReportFile(file);
    expect(report.sections[0]!.items[0]!.heading).toBe("健全依法决策机制");
    expect("text" in report.sections[0]!.items[0]!).toBe(false);
  });

  it("prints a Chinese summary and the import log without --json", async () => {
    const { io, out } = captureIo();
    await importCommand.run([path.join(FIXTURES, "webpage.html")], io);
    const text = out.join("\n");
    expect(text).toContain("标题：东屏市司法局2023年法治政府建设年度报告");
    expect(text).toContain("【存在的不足和原因】");
    expect(text).toMatch(/\[删除\] 已删除网页附带的/);
  });

  it("readReportFile imports non-JSON files through the importer", async () => {
    const report = await readReportFile(path.join(FIXTURES, "leader-first.txt"));
    expect(report.sections[0]!.kind).toBe("leader_duty");
  });

  it("turns an import failure into a CLI input error with a Chinese message", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "nianbao-import-")), "坏.docx");
    writeFileSync(file, "不是压缩包");
    const error = await importCommand.run([file], captureIo().io).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliInputError);
    expect((error as Error).message).toMatch(/^文件已损坏/);
  });

  it("exits with code 2 on unreadable input", async () => {
    const run = promisify(execFile);
    const result = await run("npm", ["run", "-s", "cli", "--", "import", path.join(FIXTURES, "不存在.docx")], { cwd: REPO }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect((result as { code: number }).code).toBe(2);
    expect((result as { stderr: string }).stderr).toContain("错误：找不到文件");
  });
});
