import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import { insertReport } from "@/lib/reports";

import { buildCompleteReport } from "../fixtures/complete-report";
import { seedAgency, seedUser } from "../fixtures/factories";
import { REPO_ROOT, requireOrSkip } from "../helpers/environment";
import { findCommand } from "../unit/export/docx/helpers/libreoffice";

const run = promisify(execFile);
const soffice = await findCommand("soffice", "libreoffice");
// Debian splits LibreOffice: without libreoffice-calc the converter cannot read an XLSX.
const hasCalc = requireOrSkip(Boolean(soffice) && existsSync("/usr/lib/libreoffice/program/libsclo.so"), "LibreOffice Calc (libreoffice-calc-nogui)");

const dataDir = mkdtempSync(path.join(os.tmpdir(), "nianbao-supervision-cli-"));
const outDir = mkdtempSync(path.join(os.tmpdir(), "nianbao-supervision-out-"));

/** One CSV line as LibreOffice writes it (text cells quoted, "" for a quote inside). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let current = "";
  let isQuoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index]!;
    if (isQuoted && character === '"' && line[index + 1] === '"') {
      current += '"';
      index += 1;
    } else if (character === '"') isQuoted = !isQuoted;
    else if (character === "," && !isQuoted) {
      fields.push(current);
      current = "";
    } else current += character;
  }
  return [...fields, current];
}

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ["lib/cli/bin.mjs", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 180_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Three subordinates: 水务局 signed (with last year's report), 民政局 published, 青石镇 drafting with figures left empty. */
async function seed(): Promise<void> {
  const handle = await openDatabase({ dataDir });
  try {
    const db = handle.db;
    const office = await seedAgency(db, { name: "示例县委依法治县办", level: "county" });
    await seedUser(db, { roles: ["supervisor"], agencyId: office.id, username: "duban" });
    const specs: Array<{
      name: string;
      status: "signed" | "published" | "draft";
      figures: Record<string, number | null>;
      last: Record<string, number> | null;
    }> = [
      {
        name: "示例县水务局",
        status: "signed",
        figures: { fuyi_received: 12, susong_cases: 4, susong_heads_appear: 3, chufa_fines: 18.6 },
        last: { fuyi_received: 9, susong_cases: 5 },
      },
      { name: "示例县民政局", status: "published", figures: { fuyi_received: 3, susong_cases: 0, chufa_fines: 1.25 }, last: null },
      { name: "示例县青石镇", status: "draft", figures: { fuyi_received: null }, last: null },
    ];
    for (const spec of specs) {
      const agency = await seedAgency(db, { name: spec.name, level: spec.name.endsWith("镇") ? "township" : "department", parentId: office.id });
      const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id });
      const content = buildCompleteReport({ agency: spec.name, year: 2025 });
      content.sections[0]!.indicators = { ...spec.figures };
      content.sections.find((section) => section.kind === "leader_duty")!.indicators = {};
      const { reportId } = await insertReport({ db, user: drafter, content, source: "test" });
      await db.update(tables.reports).set({ status: spec.status }).where(eq(tables.reports.id, reportId));
      if (spec.last) {
        const last = buildCompleteReport({ agency: spec.name, year: 2024 });
        last.sections[0]!.indicators = { ...spec.last };
        await insertReport({ db, user: drafter, content: last, source: "test" });
      }
    }
  } finally {
    await handle.close();
  }
}

describe("[SUPERVISION] summary and export-all on the command line", () => {
  beforeAll(seed, 60_000);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it.skipIf(!hasCalc)(
    "summary writes an XLSX that LibreOffice Calc reads back with the right numbers, empty cells left empty",
    async () => {
      const xlsx = path.join(outDir, "summary.xlsx");
      const result = cli(["summary", "--year", "2025", "-o", xlsx]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain("已写出示例县委依法治县办下级机关2025年度指标汇总（3 个机关，3 份报告）");
      await run(
        soffice!,
        [
          `-env:UserInstallation=file://${path.join(outDir, "lo-profile")}`,
          "--headless",
          "--convert-to",
          "csv:Text - txt - csv (StarCalc):44,34,76,1",
          "--outdir",
          outDir,
          xlsx,
        ],
        { timeout: 120_000 },
      );
      const lines = readFileSync(path.join(outDir, "summary.csv"), "utf8")
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/);
      const cells = lines.map(csvFields);
      expect(cells[0]![0]).toBe("示例县委依法治县办下级机关2025年度法治政府建设主要指标汇总表");
      expect(cells[1]!.slice(0, 4)).toEqual(["机关", "行政复议收案（件）", "", "行政复议审结（件）"]);
      expect(cells[2]!.slice(1, 3)).toEqual(["2025年", "2024年"]);
      const byAgency = new Map(cells.slice(3).map((row) => [row[0], row]));
      // Columns: 1-2 行政复议收案, 3-4 审结, 5-6 行政诉讼案件, 7-8 败诉, 9-10 负责人出庭应诉, 11-12 处罚, 13-14 罚没金额.
      expect(byAgency.get("示例县水务局")!.slice(1, 7)).toEqual(["12", "9", "", "", "4", "5"]);
      expect(byAgency.get("示例县民政局")!.slice(1, 7)).toEqual(["3", "", "", "", "0", ""]);
      expect(byAgency.get("示例县青石镇")!.slice(1, 3)).toEqual(["", ""]);
      expect(byAgency.get("合计")!.slice(1, 7)).toEqual(["15", "9", "", "", "4", "5"]);
      expect(byAgency.get("合计")![13]).toBe("19.85");
      expect(byAgency.get("示例县水务局")![9]).toBe("3");
    },
    200_000,
  );

  it("export-all writes a ZIP of the signed reports' final DOCX and PDF", () => {
    const zip = path.join(outDir, "reports.zip");
    const result = cli(["export-all", "--year", "2025", "-o", zip]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("已写出 2 份已签发报告");
    const files = unzipSync(readFileSync(zip));
    expect(Object.keys(files).sort()).toEqual(
      [
        "示例县民政局_2025年度法治政府建设年度报告.docx",
        "示例县民政局_2025年度法治政府建设年度报告.pdf",
        "示例县水务局_2025年度法治政府建设年度报告.docx",
        "示例县水务局_2025年度法治政府建设年度报告.pdf",
        "清单.csv",
      ].sort(),
    );
    expect(Buffer.from(files["示例县民政局_2025年度法治政府建设年度报告.pdf"]!).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }, 200_000);

  it("refuses bad input in Chinese with exit code 2, and answers --help", () => {
    const noYear = cli(["summary", "-o", path.join(outDir, "x.xlsx")]);
    expect(noYear).toMatchObject({ code: 2 });
    expect(noYear.stderr).toContain("请用 --year 指定报告年度");
    expect(cli(["summary", "--year", "25", "-o", path.join(outDir, "x.xlsx")]).stderr).toContain("年度“25”无效");
    expect(cli(["summary", "--year", "2025", "-o", path.join(outDir, "x.pdf")]).stderr).toContain("请用 .xlsx 或 .csv");
    const unknown = cli(["export-all", "--year", "2025", "-o", path.join(outDir, "y.zip"), "--agency", "不存在的机关"]);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain("找不到机关“不存在的机关”");
    expect(cli(["export-all", "--year", "2025", "-o", "/no/such/dir/y.zip"]).stderr).toContain("输出目录不存在");
    expect(cli(["export-all", "--year", "2025", "-o", path.join(outDir, "y.zip"), "--colour"]).stderr).toContain("不认识的参数“--colour”");
    const help = cli(["summary", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("summary --year 2025 -o");
  }, 200_000);
});
