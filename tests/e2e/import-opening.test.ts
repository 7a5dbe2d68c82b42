import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { docToText, type Report } from "@/lib/report-model";

import { SEED_PASSWORD, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, signIn } from "../helpers/browser";
import { REPO_ROOT } from "../helpers/environment";
import { WEB_PAGE_CASES } from "../unit/import/web-pages";

const unavailable = inject("e2eUnavailableReason");
const SCREENSHOTS = path.join(REPO_ROOT, "test-results", "screenshots");

async function storedContent(page: Page, baseUrl: string, reportId: string): Promise<Report> {
  const response = await page.request.get(`${baseUrl}/api/reports/${reportId}/content`);
  const json = (await response.json()) as { data: { content: Report } };
  return json.data.content;
}

describe.skipIf(Boolean(unavailable))("[IMPORT] a saved web page becomes a report with its opening, closing and nothing from the page", () => {
  let app: AppServer;
  let browser: Browser;
  const directory = mkdtempSync(path.join(os.tmpdir(), "nianbao-import-e2e-"));

  beforeAll(async () => {
    app = await startApp({ seed: async (db) => void (await seedUser(db, { username: "importer", roles: ["drafter"] })) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  it("web page: page facts only as suggestions, opening and closing in their fields, a changed kind kept", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(page, app.baseUrl, "importer", SEED_PASSWORD);
    const web = WEB_PAGE_CASES[1]!;
    const file = path.join(directory, web.fileName);
    writeFileSync(file, web.text);
    await page.goto(`${app.baseUrl}/reports/new`);
    await page.setInputFiles("#import-file", file);
    const preview = page.getByTestId("import-preview");
    await preview.waitFor({ timeout: 30_000 });
    const text = (await preview.textContent()) ?? "";
    expect(text).toContain(web.title);
    expect(text).toContain("来自网页信息，请确认");
    expect(text).toContain("已删除导航路径");
    // Switching the repair off and on again keeps the kind chosen for part 二.
    await page.getByRole("combobox", { name: "“存在的问题”的归类" }).selectOption("other");
    await page
      .getByLabel(/撤销网页副本修复/)
      .check()
      .catch(() => undefined);
    await page
      .getByLabel(/撤销网页副本修复/)
      .uncheck()
      .catch(() => undefined);
    expect(await page.getByRole("combobox", { name: "“存在的问题”的归类" }).inputValue()).toBe("other");
    await page.screenshot({ path: path.join(SCREENSHOTS, "import-web-preview.png"), fullPage: true });
    await page.getByRole("button", { name: "按原样保存为2023年报告" }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = page.url().split("/").pop()!;
    await page.getByTestId("opening-form").waitFor();
    expect(await page.getByTestId("opening-form").textContent()).toContain("2023年，市交通运输局在市委、市政府的坚强领导下");
    await page.getByTestId("opening-form").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-opening.png") });
    await page.getByTestId("closing-form").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-closing.png") });
    const content = await storedContent(page, app.baseUrl, reportId);
    // Accepting adds the statutory parts the copy lacked; the part the user re-classified keeps its new kind.
    expect(content.sections.find((section) => section.heading === "存在的问题")?.kind).toBe("other");
    expect(docToText(content.opening)).toMatch(/^2023年，市交通运输局/);
    expect([content.meta.signature, content.meta.date]).toEqual(["", ""]);
  });

  it("keep Traditional, then change a part's kind: the change is saved", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(page, app.baseUrl, "importer", SEED_PASSWORD);
    await page.goto(`${app.baseUrl}/reports/new`);
    await page.setInputFiles("#import-file", path.join(REPO_ROOT, "tests/fixtures/import/traditional.txt"));
    await page.getByTestId("import-preview").waitFor({ timeout: 30_000 });
    await page.getByLabel("撤销繁简转换（保留繁体原文）").check();
    await page.getByRole("combobox", { name: "“存在的問題”的归类" }).selectOption("other");
    await page.getByRole("button", { name: /^按原样保存为\d{4}年报告$/ }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const content = await storedContent(page, app.baseUrl, page.url().split("/").pop()!);
    expect(content.meta.title).toContain("嶺東縣");
    expect(content.sections.find((section) => section.heading === "存在的問題")?.kind).toBe("other");
  });
});
