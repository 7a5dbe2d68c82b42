import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { readField, reportSchema, type Report } from "@/lib/report-model";

import { pdfFixtureReport } from "../export/pdf/pdf-fixture-report";
import { pdfText, pdfToolsStatus } from "../export/pdf/poppler";

const REPO_ROOT = path.resolve(__dirname, "../../..");
const status = pdfToolsStatus();
const shouldSkip = !status.isReady && process.env.CI !== "true";
if (shouldSkip) console.warn(`[跳过] CLI 导出修订测试：${status.reason}`);

/** The fixture with a reviewer's open suggestions: one in a body, one on a part's heading. */
function reportUnderReview(): Report {
  const report = pdfFixtureReport();
  const attrs = { authorId: "u-review", authorName: "王审核", at: "2026-11-29T08:15:00.000Z" };
  report.sections[0]!.items[0]!.body = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "县政府常务会议专题研究法治政府建设工作" },
          { type: "text", text: "四次", marks: [{ type: "suggestDelete", attrs: { ...attrs, id: "b1" } }] },
          { type: "text", text: "五次", marks: [{ type: "suggestInsert", attrs: { ...attrs, id: "b2" } }] },
          { type: "text", text: "。" },
        ],
      },
    ],
  };
  const target = { field: "sectionHeading" as const, sectionId: "s2" };
  return reportSchema.parse({ ...report, fieldSuggestions: [{ ...attrs, id: "f1", target, from: readField(report, target)!, to: "存在的问题和原因" }] });
}

describe.skipIf(shouldSkip)("[SUGGEST] the CLI's PDF export prints open suggestions accepted, without marks", () => {
  it("has the suggested text and none of the deleted text", () => {
    const directory = mkdtempSync(path.join(tmpdir(), "nianbao-cli-suggest-"));
    const input = path.join(directory, "青禾县2024.nianbao.json");
    const output = path.join(directory, "青禾县2024.pdf");
    writeFileSync(input, JSON.stringify(reportUnderReview()), "utf8");
    const result = spawnSync(process.execPath, ["lib/cli/bin.mjs", "export", input, "--format", "pdf", "--final", "-o", output], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      timeout: 240_000,
    });
    expect(result.stderr).not.toMatch(/错误|失败/);
    expect(result.status).toBe(0);
    const text = pdfText(output).replace(/\s+/g, "");
    expect(text).toContain("专题研究法治政府建设工作五次。");
    expect(text).not.toContain("四次五次");
    expect(text).toContain("二、存在的问题和原因");
    expect(text).not.toContain("存在的不足和原因");
  }, 300_000);
});
