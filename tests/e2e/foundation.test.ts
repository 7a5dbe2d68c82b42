import { mkdirSync } from "node:fs";
import path from "node:path";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { createReportFromTemplate } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";
import { getTemplate } from "@/templates";

import { SEED_PASSWORD, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, signIn } from "../helpers/browser";
import { REPO_ROOT } from "../helpers/environment";

const unavailable = inject("e2eUnavailableReason");
if (unavailable) console.warn(`[skip] e2e: ${unavailable}`);

export const SCREENSHOT_DIR = path.join(REPO_ROOT, "test-results", "screenshots");

describe.skipIf(Boolean(unavailable))("[FOUNDATION] first run, sign-in and agency isolation in Chromium", () => {
  let app: AppServer;
  let browser: Browser;
  let foreignReportId = "";

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  it("[SETUP]: first-run setup creates the agency and administrator, then closes", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/login`);
    await page.waitForURL(`${app.baseUrl}/setup`);
    await page.getByRole("button", { name: "创建机关和管理员" }).click();
    await expect(page.getByText("机关名称至少2个字").isVisible()).resolves.toBe(true);
    await page.getByLabel("机关名称").fill("示例市生态环境局");
    await page.getByLabel("管理员用户名").fill("admin");
    await page.getByLabel("管理员姓名").fill("李明");
    await page.getByLabel("密码（至少10个字符）").fill("short");
    await page.getByLabel("确认密码").fill("short");
    await page.getByRole("button", { name: "创建机关和管理员" }).click();
    await page.getByText("密码至少10个字符").waitFor();
    await page.getByLabel("密码（至少10个字符）").fill("a-long-password-1");
    await page.getByLabel("确认密码").fill("a-long-password-1");
    await page.getByRole("button", { name: "创建机关和管理员" }).click();
    await page.waitForURL(`${app.baseUrl}/reports`);
    await page.getByTestId("reports-empty").waitFor();
    expect(await page.getByTestId("current-agency").textContent()).toBe("示例市生态环境局");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "reports-empty.png") });

    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${app.baseUrl}/setup`);
    await page.getByText("系统已完成初始化").waitFor();
    await page.close();
  });

  it("[AUTH]: a wrong password shows an error; the right one reaches the list; sign-out ends the session", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/login`);
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.getByText("用户名或密码错误").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "login-error.png") });
    await signIn(page, app.baseUrl, "admin", "a-long-password-1");
    await page.getByRole("link", { name: "新建报告" }).waitFor();
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${app.baseUrl}/reports`);
    await page.waitForURL(/\/login/);
    await page.close();
  });

  it("[ISOLATION]: another agency's report id gives 404 in page and API", async () => {
    // A second agency with a report, created while the server is down (PGlite has one owner at a time).
    await app.stop();
    const { openDatabase } = await import("@/lib/db/client");
    const handle = await openDatabase({ dataDir: app.dataDir });
    const other = await seedUser(handle.db, { roles: ["drafter"], username: "other-drafter" });
    const content = createReportFromTemplate(getTemplate("department"), { agency: other.agencyName, year: 2025 });
    foreignReportId = (await insertReport({ db: handle.db, user: other, content, source: "test" })).reportId;
    await handle.close();
    await app.restart();

    const page = await browser.newPage();
    await signIn(page, app.baseUrl, "admin", "a-long-password-1");
    const response = await page.goto(`${app.baseUrl}/reports/${foreignReportId}`);
    expect(response?.status()).toBe(404);
    await page.getByText("页面不存在").waitFor();
    const api = await page.request.get(`${app.baseUrl}/api/reports/${foreignReportId}/content`);
    expect(api.status()).toBe(404);
    expect(await api.text()).not.toContain(other.agencyName);
    await page.close();

    const ownerPage = await browser.newPage();
    await signIn(ownerPage, app.baseUrl, "other-drafter", SEED_PASSWORD);
    const own = await ownerPage.request.get(`${app.baseUrl}/api/reports/${foreignReportId}/content`);
    expect(own.status()).toBe(200);
    await ownerPage.close();
  });
});
