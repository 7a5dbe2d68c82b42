import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Database } from "@/lib/db/client";
import { insertReport } from "@/lib/reports/create-report";
import { draftingYear } from "@/lib/report-model";

import { buildCompleteReport } from "../fixtures/complete-report";
import { SEED_PASSWORD, seedAgency, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, signIn } from "../helpers/browser";

const unavailable = inject("e2eUnavailableReason");
if (unavailable) console.warn(`[skip] e2e: ${unavailable}`);

/** Screenshots are looked at by people, never kept in the repository. */
const SCREENSHOTS = path.join(os.tmpdir(), "nianbao-rough-edges-screens");
const WIDTHS = [1280, 1440, 1920] as const;

async function openAs(browser: Browser, baseUrl: string, username: string, options: { width?: number; timezoneId?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1440, height: 900 }, locale: "zh-CN", timezoneId: options.timezoneId });
  const page = await context.newPage();
  await signIn(page, baseUrl, username, SEED_PASSWORD);
  return page;
}

// Issue #19: rough edges 1, 2, 7, 8, 10, 12 and 13 as an official sees them in Chromium.
describe.skipIf(Boolean(unavailable))("[ROUGH EDGES] the main pages as officials found them", () => {
  let app: AppServer;
  let browser: Browser;
  let currentId = "";
  const year = draftingYear(new Date());

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = await startApp({
      seed: async (db: Database) => {
        const agency = await seedAgency(db, { name: "青溪市水务局" });
        const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id, username: "edges-drafter" });
        await seedUser(db, { roles: ["admin", "drafter", "reviewer", "supervisor"], agencyId: agency.id, username: "edges-admin" });
        currentId = (await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: agency.name, year }), source: "template:department" }))
          .reportId;
        // Imported old reports, never submitted in this system: history, not overdue work.
        for (const oldYear of [year - 5, year - 4]) {
          await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: agency.name, year: oldYear }), source: "import:docx" });
        }
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  it("[NEW REPORT]: defaults to the year being drafted and shows its deadlines", async () => {
    const page = await openAs(browser, app.baseUrl, "edges-drafter");
    await page.goto(`${app.baseUrl}/reports/new`);
    expect(await page.locator("#year").inputValue()).toBe(String(year));
    expect(await page.getByTestId("new-report-deadlines").textContent()).toBe(`本年度报告须于${year + 1}年3月1日前报送，${year + 1}年4月1日前公开。`);
    await page.locator("#year").fill(String(year - 1));
    await page
      .getByTestId("new-report-deadlines")
      .filter({ hasText: `${year}年3月1日前报送` })
      .waitFor();
    await page.context().close();
  });

  it("[OVERDUE]: old imported reports carry no 逾期 badge; the current cycle's report shows its deadlines", async () => {
    const page = await openAs(browser, app.baseUrl, "edges-drafter");
    const rows = page.getByTestId("reports-table").locator("tbody tr");
    await rows.first().waitFor();
    const byYear = async (reportYear: number) =>
      (await rows
        .filter({ hasText: `${reportYear}年` })
        .first()
        .getByTestId("deadline-badges")
        .textContent()) ?? "";
    expect(await byYear(year - 5)).toBe("");
    expect(await byYear(year - 4)).toBe("");
    expect(await byYear(year)).toMatch(/报送/);
    expect(await page.getByText(/逾期\d+天/).count()).toBe(0);
    await page.context().close();
  });

  it("[403]: a drafter opening 管理, 审计 or 督导 gets 无权访问 with status 403", async () => {
    const page = await openAs(browser, app.baseUrl, "edges-drafter");
    for (const route of ["/admin", "/audit", "/supervision"]) {
      const response = await page.goto(`${app.baseUrl}${route}`);
      expect(response?.status(), route).toBe(403);
      await page.getByTestId("forbidden").waitFor();
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("无权访问");
      expect(await page.getByText("出现了意外错误").count()).toBe(0);
    }
    await page.context().close();
  });

  it("[AUDIT]: the audit log reads as sentences and links the report by its title", async () => {
    const page = await openAs(browser, app.baseUrl, "edges-admin");
    await page.goto(`${app.baseUrl}/audit`);
    const details = page.getByTestId("audit-detail");
    await details.first().waitFor();
    const texts = await details.allTextContents();
    expect(texts.some((text) => text.includes(`${year}年度，按模板新建`))).toBe(true);
    expect(texts.join("\n")).not.toMatch(/[{}"]|[0-9a-f]{8}-[0-9a-f]{4}-/);
    const link = details.getByRole("link", { name: `青溪市水务局关于${year}年度法治政府建设情况的报告` }).first();
    expect(await link.getAttribute("href")).toBe(`/reports/${currentId}`);
    await page.context().close();
  });

  it("[HYDRATION]: a browser in another time zone opens a report without hydration errors; the focused editor has one blue frame", async () => {
    const page = await openAs(browser, app.baseUrl, "edges-drafter", { timezoneId: "America/Los_Angeles" });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(`${app.baseUrl}/reports/${currentId}`);
    await page.getByTestId("save-state").waitFor();
    const editor = page.locator('[data-testid^="body-editor-"][contenteditable="true"]').first();
    await editor.waitFor();
    // Hydration errors are reported as soon as React attaches; give the reports a moment to arrive.
    await page.waitForTimeout(1500);
    expect(errors.filter((error) => /#418|#423|hydrat/i.test(error))).toEqual([]);

    await editor.click();
    const outline = await editor.evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).toBe("none");
    const frame = await editor.evaluate((element) => {
      const wrapper = element.closest(".rounded.border") as HTMLElement;
      const style = getComputedStyle(wrapper);
      return { border: style.borderTopColor, hasRing: style.boxShadow !== "none" };
    });
    expect(frame.hasRing).toBe(true);
    expect(frame.border).not.toMatch(/rgb\(168, 50, 42\)/); // brand red
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-focused.png") });
    await page.context().close();
  });

  it.each(WIDTHS)("[LAYOUT %ipx]: the reports list keeps years and badges on one line; main pages screenshotted", async (width) => {
    const page = await openAs(browser, app.baseUrl, "edges-admin", { width });
    await page.getByTestId("reports-table").waitFor();
    const wrapped = await page.evaluate(() => {
      const problems: string[] = [];
      for (const row of document.querySelectorAll('[data-testid="reports-table"] tbody tr')) {
        const cells = row.querySelectorAll("td");
        // Lines of text in an element: the distinct tops of its text's boxes (padding and rings aside).
        const lines = (element: Element) => {
          const tops: number[] = [];
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const rect of range.getClientRects()) tops.push(rect.top);
          }
          tops.sort((a, b) => a - b);
          return tops.filter((top, index) => index === 0 || top - tops[index - 1]! > 4).length;
        };
        if (lines(cells[0]!) > 1) problems.push(`year wraps: ${cells[0]!.textContent}`);
        const badges = row.querySelector('[data-testid="deadline-badges"]');
        const tops = new Set([...(badges?.children ?? [])].map((badge) => Math.round(badge.getBoundingClientRect().top)));
        if (tops.size > 1) problems.push(`badges wrap: ${badges?.textContent}`);
        for (const badge of badges?.children ?? []) if (lines(badge) > 1) problems.push(`badge text wraps: ${badge.textContent}`);
        if (lines(cells[2]!) > 1) problems.push(`status wraps: ${cells[2]!.textContent}`);
      }
      return problems;
    });
    expect(wrapped).toEqual([]);
    const pages: Array<[string, string]> = [
      ["reports", "/reports"],
      ["new-report", "/reports/new"],
      ["editor", `/reports/${currentId}`],
      ["review", `/reports/${currentId}/history`],
      ["audit", "/audit"],
      ["admin", "/admin"],
      ["supervision", "/supervision"],
    ];
    for (const [name, route] of pages) {
      const response = await page.goto(`${app.baseUrl}${route}`);
      expect(response?.status(), route).toBe(200);
      await page.waitForLoadState("load");
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    }
    await page.context().close();
  });
});
