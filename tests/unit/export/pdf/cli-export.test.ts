import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { pdfFixtureReport } from "./pdf-fixture-report";
import { pdfInfo, pdfText, pdfToolsStatus } from "./poppler";

const REPO_ROOT = path.resolve(__dirname, "../../../..");
const status = pdfToolsStatus();
const shouldSkipPdf = !status.isReady && process.env.CI !== "true";
if (shouldSkipPdf) console.warn(`[跳过] CLI 导出 PDF 测试：${status.reason}`);

/** Runs the compiled CLI as `npm run cli` and `npx nianbao` do, without npm's start-up cost. */
function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["lib/cli/bin.mjs", ...args], { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let directory: string;
let input: string;

beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), "nianbao-cli-export-"));
  input = path.join(directory, "青禾县2024.nianbao.json");
  writeFileSync(input, JSON.stringify(pdfFixtureReport()), "utf8");
});

describe("[CLI] export: bad input exits 2 with a Chinese message", () => {
  it.each([
    ["a missing file", () => ["export", path.join(directory, "不存在.nianbao.json"), "--format", "pdf", "-o", path.join(directory, "a.pdf")], /找不到文件/],
    ["a bad --format", () => ["export", input, "--format", "odt", "-o", path.join(directory, "a.odt")], /--format 的取值应为 docx 或 pdf/],
    ["no -o", () => ["export", input, "--format", "pdf"], /请用 -o 指定输出文件/],
    ["no format and no known extension", () => ["export", input, "-o", path.join(directory, "a.out")], /请用 --format docx 或 --format pdf/],
    [
      "a bad --page-number",
      () => ["export", input, "--format", "pdf", "--page-number", "left", "-o", path.join(directory, "a.pdf")],
      /--page-number 的取值应为 outside 或 center/,
    ],
    [
      "a bad --font-profile",
      () => ["export", input, "--format", "pdf", "--font-profile", "mac", "-o", path.join(directory, "a.pdf")],
      /--font-profile 的取值应为 gb2312 或 windows/,
    ],
    ["a missing output folder", () => ["export", input, "--format", "pdf", "-o", path.join(directory, "没有的目录", "a.pdf")], /输出目录不存在/],
    [
      "a bad --imprint-date",
      () => ["export", input, "--format", "pdf", "--imprint-date", "2026年2月12日", "-o", path.join(directory, "a.pdf")],
      /--imprint-date 的格式应为 YYYY-MM-DD/,
    ],
  ])("%s", (_name, args, message) => {
    const result = cli(...args());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe.skipIf(shouldSkipPdf)("[CLI] export writes files", () => {
  it("writes a final PDF, reports font substitutions on stderr and exits 0", () => {
    const output = path.join(directory, "报告.pdf");
    const result = cli("export", input, "--format", "pdf", "--final", "--page-number", "center", "-o", output);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/已导出 PDF（\d+ 页）/);
    expect(result.stderr).toContain("字体替代：正文（仿宋）需要“仿宋_GB2312”");
    expect(pdfInfo(output).pages).toBeGreaterThan(0);
    expect(pdfText(output)).not.toContain("草稿");
  });

  it("marks the PDF 草稿 without --final and takes the format from the file name", () => {
    const output = path.join(directory, "草稿版.pdf");
    expect(cli("export", input, "-o", output).code).toBe(0);
    expect(pdfText(output)).toContain("草稿");
  });

  it("prints the 版头, 附件说明 and 印发 line given as options", () => {
    const output = path.join(directory, "红头.pdf");
    const result = cli(
      "export",
      input,
      "--format",
      "pdf",
      "--final",
      "-o",
      output,
      "--agency-mark",
      "青禾县人民政府文件",
      "--signer",
      "李明",
      "--attachments",
      "重点任务完成情况表；案件统计表",
      "--imprint-agency",
      "青禾县人民政府办公室",
      "--imprint-date",
      "2025-03-10",
      "--sealed",
    );
    expect(result.code, result.stderr).toBe(0);
    const text = pdfText(output).replace(/\s+/g, "");
    for (const expected of ["青禾县人民政府文件", "签发人：李明", "附件：1.重点任务完成情况表", "2.案件统计表", "青禾县人民政府办公室2025年3月10日印发"]) {
      expect(text).toContain(expected);
    }
  });

  it("writes a DOCX through the DOCX exporter", () => {
    const output = path.join(directory, "报告.docx");
    const result = cli("export", input, "--format", "docx", "--font-profile", "windows", "-o", output);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(output)).toBe(true);
    expect(readFileSync(output).subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
