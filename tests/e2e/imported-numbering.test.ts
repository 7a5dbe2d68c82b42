import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Report } from "@/lib/report-model";

import { SEED_PASSWORD, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, signIn } from "../helpers/browser";
import { REPO_ROOT } from "../helpers/environment";

const unavailable = inject("e2eUnavailableReason");
const SCREENSHOTS = path.join(REPO_ROOT, "test-results", "screenshots");

// An official's own .txt, written for this test: the second item typed "(三)", skipping （二） with half-width brackets.
const FILE = [
  "南岭县自然资源局关于2024年度法治政府建设情况的报告",
  "南岭县人民政府：",
  "2024年，我局坚持以习近平法治思想为指导，依法履行自然资源管理职责。现将有关情况报告如下：",
  "一、2024年推进法治政府建设的主要举措和成效",
  "（一）健全依法决策机制",
  "严格落实重大行政决策程序，全年审核国土空间规划等重大事项6项，均经合法性审查和集体讨论决定。",
  "(三)推进严格规范公正文明执法",
  "全年查处违法用地案件37件，开展执法案卷评查2次；全年未发生行政诉讼案件。",
  "二、存在的不足和原因",
  "一是执法力量不足；二是执法人员专业能力有待提升。究其原因，主要是培训投入不足。",
  "三、党政主要负责人履行推进法治建设第一责任人职责情况",
  "局主要负责人认真履行推进法治建设第一责任人职责，主持召开专题会议3次。",
  "四、2025年工作安排",
  "一是加强执法培训；二是深化案卷评查。",
  "南岭县自然资源局",
  "2025年2月20日",
].join("\n");

async function storedContent(page: Page, baseUrl: string, reportId: string): Promise<Report> {
  const response = await page.request.get(`${baseUrl}/api/reports/${reportId}/content`);
  return ((await response.json()) as { data: { content: Report } }).data.content;
}

describe.skipIf(Boolean(unavailable))("[VALIDATION] the editor reports an imported file's heading numerals like validate", () => {
  let app: AppServer;
  let browser: Browser;
  const directory = mkdtempSync(path.join(os.tmpdir(), "nianbao-numbering-e2e-"));

  beforeAll(async () => {
    app = await startApp({ seed: async (db) => void (await seedUser(db, { username: "numbering", roles: ["drafter"] })) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  it("after the import is stored the finding shows with its fix; acknowledging it removes it for good", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(page, app.baseUrl, "numbering", SEED_PASSWORD);
    const file = path.join(directory, "2024年法治政府建设报告.txt");
    writeFileSync(file, FILE);
    await page.goto(`${app.baseUrl}/reports/new`);
    await page.setInputFiles("#import-file", file);
    await page.getByTestId("import-preview").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "按原样保存为2024年报告" }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = page.url().split("/").pop()!;

    const entry = page.getByTestId("findings").locator("li", { has: page.locator('[data-rule-id="source-numbering"]') });
    await entry.first().waitFor({ timeout: 15_000 });
    expect(await entry.count()).toBe(1);
    const text = (await entry.textContent()) ?? "";
    expect(text).toContain("原文件中的标题“(三)推进严格规范公正文明执法”的序号“(三)”跳过了“（二）”；括号是半角");
    expect(text).toContain("报告中已按位置自动编号为“（二）”");
    await entry.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-imported-numbering.png") });

    await entry.getByTestId("finding-fix").click();
    await expect.poll(() => entry.count(), { timeout: 10_000 }).toBe(0);
    await expect
      .poll(async () => (await storedContent(page, app.baseUrl, reportId)).sections[0]!.items[1]!.importedNumbering ?? null, { timeout: 15_000 })
      .toBeNull();
    await page.reload();
    await page.getByTestId("findings").waitFor();
    expect(await page.getByTestId("findings").locator('[data-rule-id="source-numbering"]').count()).toBe(0);
  });
});
