import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import { createReportFromTemplate, textToDoc } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";
import { getTemplate } from "@/templates";

import { buildCompleteReport } from "../fixtures/complete-report";
import { SEED_PASSWORD, seedAgency, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, newSignedInContext } from "../helpers/browser";
import { REPO_ROOT } from "../helpers/environment";

const unavailable = inject("e2eUnavailableReason");
if (unavailable) console.warn(`[skip] e2e: ${unavailable}`);

const SCREENSHOTS = path.join(os.tmpdir(), "nianbao-supervision-screens");
const AXE_SCRIPT = path.join(REPO_ROOT, "node_modules", "axe-core", "axe.min.js");

/**
 * 示例县: the office supervises 水务局 (signed, figures filled, last year's report too), 民政局 (in review, one
 * figure left empty) and 统计局 (no report yet).
 */
async function seed(db: Database): Promise<{ signedReportId: string }> {
  const { eq } = await import("drizzle-orm");
  const office = await seedAgency(db, { name: "示例县委依法治县办", level: "county" });
  await seedUser(db, { roles: ["supervisor"], agencyId: office.id, username: "dc-supervisor" });
  const water = await seedAgency(db, { name: "示例县水务局", level: "department", parentId: office.id });
  const civil = await seedAgency(db, { name: "示例县民政局", level: "department", parentId: office.id });
  const stats = await seedAgency(db, { name: "示例县统计局", level: "department", parentId: office.id });
  const waterDrafter = await seedUser(db, { roles: ["drafter"], agencyId: water.id, username: "dc-water" });
  const civilDrafter = await seedUser(db, { roles: ["drafter"], agencyId: civil.id, username: "dc-civil" });
  await seedUser(db, { roles: ["drafter"], agencyId: stats.id, username: "dc-stats" });

  const signed = buildCompleteReport({ agency: water.name, year: 2025 });
  signed.sections[0]!.indicators = { fuyi_received: 12, susong_cases: 4, susong_heads_appear: 3 };
  signed.sections[0]!.items[2]!.body = textToDoc(
    "严格执行规范性文件制定程序，起草阶段公开征求意见，咨询电话13912345678，出台前经过合法性审核和集体讨论，出台后按规定报送备案。",
  );
  signed.meta.isPublic = false;
  const { reportId: signedReportId } = await insertReport({ db, user: waterDrafter, content: signed, source: "e2e" });
  await db.update(tables.reports).set({ status: "signed" }).where(eq(tables.reports.id, signedReportId));
  const last = buildCompleteReport({ agency: water.name, year: 2024 });
  last.sections[0]!.indicators = { fuyi_received: 9, susong_cases: 5 };
  await insertReport({ db, user: waterDrafter, content: last, source: "e2e" });

  const inReview = createReportFromTemplate(getTemplate("department"), { agency: civil.name, year: 2025 });
  inReview.sections[0]!.indicators = { fuyi_received: 3, susong_cases: null };
  const { reportId: civilReportId } = await insertReport({ db, user: civilDrafter, content: inReview, source: "e2e" });
  await db.update(tables.reports).set({ status: "in_review" }).where(eq(tables.reports.id, civilReportId));
  return { signedReportId };
}

describe.skipIf(Boolean(unavailable))("[SUPERVISION] the county office's board, summary, ZIP, reminders and public version in Chromium", () => {
  let app: AppServer;
  let browser: Browser;
  let signedReportId = "";
  const downloads = mkdtempSync(path.join(os.tmpdir(), "nianbao-supervision-e2e-"));

  beforeAll(async () => {
    app = await startApp({ seed: async (db) => void ({ signedReportId } = await seed(db)) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
    rmSync(downloads, { recursive: true, force: true });
  });

  it("[SUPERVISION]: the board shows three agencies in different states, filters, sorts, exports CSV and sends a reminder the drafter sees", async () => {
    const { page, context } = await newSignedInContext(browser, app.baseUrl, "dc-supervisor", SEED_PASSWORD);
    await page.goto(`${app.baseUrl}/supervision?year=2025`);
    const rows = page.getByTestId("board-row");
    await rows.first().waitFor();
    expect(await rows.evaluateAll((elements) => elements.map((element) => [element.getAttribute("data-agency"), element.getAttribute("data-state")]))).toEqual([
      ["示例县民政局", "in_review"],
      ["示例县水务局", "signed"],
      ["示例县统计局", "not_started"],
    ]);
    const statsRow = page.locator('[data-testid="board-row"][data-agency="示例县统计局"]');
    await expect(statsRow.getByRole("cell").nth(1).textContent()).resolves.toBe("未开始");
    // 2025年度 reports were due on 2026-03-01: whichever day this runs after that, 统计局 is overdue, in red.
    const deadline = statsRow.getByTestId("board-deadline");
    if (Date.now() > Date.parse("2026-03-01T16:00:00Z")) {
      expect(await deadline.getAttribute("data-overdue")).toBe("true");
      expect(await deadline.getAttribute("class")).toContain("text-red-700");
      expect(await statsRow.getAttribute("class")).toContain("bg-red-50");
    }
    const civilRow = page.locator('[data-testid="board-row"][data-agency="示例县民政局"]');
    expect(await civilRow.textContent()).toContain("主要举措和成效");
    await page.screenshot({ path: path.join(SCREENSHOTS, "board.png"), fullPage: true });

    await page.getByLabel("状态").selectOption({ label: "未开始" });
    await expect(rows.count()).resolves.toBe(1);
    await page.getByLabel("状态").selectOption({ label: "全部状态" });
    await page.getByRole("button", { name: /^错误/ }).click();
    await page.getByRole("button", { name: /^错误/ }).click();
    expect(await rows.first().getAttribute("data-agency")).toBe("示例县民政局");

    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-board-csv").click()]);
    expect(csvDownload.suggestedFilename()).toBe("2025年度报告进度.csv");
    const csv = readFileSync((await csvDownload.path())!, "utf8");
    expect(csv).toContain("示例县统计局,部门,未开始,报送,2026年3月1日");
    expect(csv).toContain("示例县水务局,部门,已签发,公开,2026年4月1日");

    await page.getByRole("button", { name: "催办示例县统计局" }).click();
    await page.getByLabel("给示例县统计局的提醒").fill("请于3月1日前完成2025年度法治政府建设年度报告的起草和报送。");
    await page.getByRole("button", { name: "发送提醒" }).click();
    await statsRow.getByTestId("last-reminder").waitFor();
    await context.close();

    const drafter = await newSignedInContext(browser, app.baseUrl, "dc-stats", SEED_PASSWORD);
    const reminder = drafter.page.getByTestId("reminder");
    await reminder.waitFor();
    expect(await reminder.textContent()).toContain("示例县委依法治县办");
    expect(await reminder.textContent()).toContain("请于3月1日前完成2025年度法治政府建设年度报告的起草和报送。");
    await drafter.page.screenshot({ path: path.join(SCREENSHOTS, "reminder.png") });
    await drafter.context.close();
    const other = await newSignedInContext(browser, app.baseUrl, "dc-civil", SEED_PASSWORD);
    expect(await other.page.getByTestId("reminder").count()).toBe(0);
    await other.context.close();
  }, 120_000);

  it("[SUPERVISION]: the summary downloads as XLSX with the figures, empty figures empty, and the ZIP holds the signed report's DOCX and PDF", async () => {
    const { page, context } = await newSignedInContext(browser, app.baseUrl, "dc-supervisor", SEED_PASSWORD);
    await page.goto(`${app.baseUrl}/supervision/summary?year=2025`);
    const total = page.getByTestId("summary-total");
    await total.waitFor();
    expect((await total.locator("td").allTextContents()).slice(0, 2)).toEqual(["15", "9"]);
    await page.screenshot({ path: path.join(SCREENSHOTS, "summary.png"), fullPage: true });

    const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-summary-xlsx").click()]);
    expect(xlsxDownload.suggestedFilename()).toBe("示例县委依法治县办2025年度法治政府建设指标汇总.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(createReadStream((await xlsxDownload.path())!));
    const sheet = workbook.getWorksheet("指标汇总")!;
    const rowOf = (name: string) => sheet.getRows(4, sheet.rowCount - 3)!.find((row) => row.getCell(1).value === name)!;
    expect([rowOf("示例县水务局").getCell(2).value, rowOf("示例县水务局").getCell(3).value]).toEqual([12, 9]);
    expect(rowOf("示例县民政局").getCell(6).value).toBeNull();
    expect(rowOf("示例县统计局（未报）").getCell(2).value).toBeNull();
    expect(rowOf("合计").getCell(2).value).toBe(15);

    await page.goto(`${app.baseUrl}/supervision?year=2025`);
    const [zipDownload] = await Promise.all([page.waitForEvent("download", { timeout: 90_000 }), page.getByTestId("download-zip").click()]);
    expect(zipDownload.suggestedFilename()).toBe("示例县委依法治县办下级机关2025年度报告.zip");
    const files = unzipSync(readFileSync((await zipDownload.path())!));
    expect(Object.keys(files).sort()).toEqual(
      ["清单.csv", "示例县水务局_2025年度法治政府建设年度报告.docx", "示例县水务局_2025年度法治政府建设年度报告.pdf"].sort(),
    );
    expect(Buffer.from(files["示例县水务局_2025年度法治政府建设年度报告.pdf"]!).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await context.close();
  }, 180_000);

  it("[PUBLIC]: the public HTML hides the phone number, opens offline from a file and has no serious axe-core violation", async () => {
    const { page, context } = await newSignedInContext(browser, app.baseUrl, "dc-supervisor", SEED_PASSWORD);
    await page.goto(`${app.baseUrl}/publication/${signedReportId}`);
    const redactions = page.getByTestId("redactions");
    await redactions.waitFor();
    expect(await redactions.textContent()).toContain("139****5678");
    const response = await page.request.get(`${app.baseUrl}/api/publication/${signedReportId}?format=html&download=1`);
    expect(response.ok()).toBe(true);
    const html = await response.text();
    expect(html).not.toContain("13912345678");
    const file = path.join(downloads, "public.html");
    writeFileSync(file, html);
    await context.close();

    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      // The page forbids every script by its own CSP; only the test's axe-core is let in.
      const offline = await browser.newContext({ viewport, locale: "zh-CN", offline: true, bypassCSP: true });
      const requests: string[] = [];
      offline.on("request", (request) => {
        if (!request.url().startsWith("file:")) requests.push(request.url());
      });
      const view = await offline.newPage();
      await view.goto(pathToFileURL(file).href);
      expect(await view.locator("h1").textContent()).toContain("示例县水务局");
      expect(await view.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      await view.screenshot({ path: path.join(SCREENSHOTS, `public-${viewport.width}.png`), fullPage: false });
      await view.addScriptTag({ content: readFileSync(AXE_SCRIPT, "utf8") });
      const violations = await view.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> } }
        ).axe;
        return (await axe.run(document)).violations.map((violation) => ({ id: violation.id, impact: violation.impact, count: violation.nodes.length }));
      });
      expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);
      expect(requests).toEqual([]);
      await offline.close();
    }
  }, 120_000);
});
