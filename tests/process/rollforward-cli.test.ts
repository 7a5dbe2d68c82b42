import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { reportSchema } from "@/lib/report-model";

import { report2024 } from "../unit/reuse/fixtures";

const ROOT = path.resolve(__dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "nianbao-rollforward-"));
const input = path.join(work, "2024.nianbao.json");
writeFileSync(input, JSON.stringify(report2024(), null, 2));
writeFileSync(path.join(work, "broken.nianbao.json"), "{ 不是 JSON");
writeFileSync(path.join(work, "wrong.nianbao.json"), JSON.stringify({ schemaVersion: 1, meta: { year: "去年" } }));

afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Same invocation as `npm run -s cli` (package.json): server-only modules resolve under react-server.
    execFile(process.execPath, ["lib/cli/bin.mjs", "rollforward", ...args], { cwd: ROOT, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("rollforward command", () => {
  it("writes next year's draft and prints a Chinese summary", async () => {
    const output = path.join(work, "2025.nianbao.json");
    const result = await cli(input, "-o", output);
    expect(result.stderr.replace(/^npm warn.*\n/gm, "")).toBe("");
    expect(result.code).toBe(0);
    const written = reportSchema.parse(JSON.parse(readFileSync(output, "utf8")));
    expect(written.meta).toMatchObject({ year: 2025, title: "云溪县市场监督管理局关于2025年法治政府建设情况的报告", date: "" });
    expect(written.commitments).toHaveLength(3);
    expect(readFileSync(output, "utf8")).toContain('\n  "meta": {');
    expect(result.stdout).toContain("已生成 2025 年度报告草稿");
    expect(result.stdout).toMatch(/年份顺延 3 处，待更新标记 \d+ 处，承诺事项 3 项。/);
  });

  it.concurrent.each([
    ["no -o", [input], "请用 -o 指定输出文件"],
    ["-o without a value", [input, "-o"], "请用 -o 指定输出文件"],
    ["no input", ["-o", path.join(work, "x.nianbao.json")], "请指定上一年度的报告文件"],
    ["a missing file", [path.join(work, "none.nianbao.json"), "-o", path.join(work, "x.nianbao.json")], "找不到文件"],
    ["broken JSON", [path.join(work, "broken.nianbao.json"), "-o", path.join(work, "x.nianbao.json")], "不是有效的 JSON 文件"],
    ["not a report", [path.join(work, "wrong.nianbao.json"), "-o", path.join(work, "x.nianbao.json")], "不是有效的年报文件"],
    ["a missing output folder", [input, "-o", path.join(work, "missing", "x.nianbao.json")], "输出目录不存在"],
    ["output over input", [input, "-o", input], "输出文件不能与输入文件相同"],
  ])("exits 2 on %s", async (_name, args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`错误：${message}`);
  });
});
