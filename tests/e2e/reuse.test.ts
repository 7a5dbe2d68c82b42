import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { reportSchema } from "@/lib/report-model";

import { SEED_PASSWORD, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, signIn } from "../helpers/browser";
import { waitForSaved } from "../helpers/editor-page";
import { REPO_ROOT } from "../helpers/environment";

const unavailable = inject("e2eUnavailableReason");
const SCREENSHOTS = path.join(REPO_ROOT, "test-results", "screenshots");

describe.skipIf(Boolean(unavailable))("[REUSE] last year's DOCX to this year's draft in Chromium", () => {
  let app: AppServer;
  let browser: Browser;
  let docxPath = "";

  beforeAll(async () => {
    const lastYear = reportSchema.parse(JSON.parse(readFileSync(path.join(REPO_ROOT, "tests/fixtures/reports/wangchuan-district-2024.nianbao.json"), "utf8")));
    docxPath = path.join(mkdtempSync(path.join(os.tmpdir(), "nianbao-reuse-")), "望川区2024年报告.docx");
    writeFileSync(docxPath, await exportReportDocx(lastYear, { isDraft: false }));
    app = await startApp({ seed: async (db) => void (await seedUser(db, { username: "reuser", roles: ["drafter"] })) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  it("[IMPORT]: upload last year's DOCX, accept, roll forward, resolve 待更新 and 承诺事项清单, export", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "reuser", SEED_PASSWORD);
    await page.goto(`${app.baseUrl}/reports/new`);
    await page.setInputFiles("#import-file", docxPath);
    const preview = page.getByTestId("import-preview");
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.textContent()).toContain("明江市望川区人民政府关于2024年度法治政府建设情况的报告");
    await page.screenshot({ path: path.join(SCREENSHOTS, "import-preview.png"), fullPage: true });
    await page.getByRole("button", { name: "以此为基础新建2025年报告" }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = page.url().split("/").pop()!;
    await page.locator('[data-testid^="body-editor-"]').first().waitFor();
    expect(await page.getByTestId("report-title").or(page.locator("h1")).first().textContent()).toContain("2025");

    // 待更新: every carried-over figure is marked; confirming each clears it.
    const pendingFindings = page.locator('[data-testid="finding"][data-rule-id="pending-updates"]');
    await pendingFindings.first().waitFor();
    const confirmButtons = page.getByRole("button", { name: /^确认“.*”无需更新$/ });
    expect(await confirmButtons.count()).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(SCREENSHOTS, "rollforward-pending.png") });
    while ((await confirmButtons.count()) > 0) await confirmButtons.first().click();
    await expect.poll(() => pendingFindings.count()).toBe(0);

    // 承诺事项清单: last year's plans, each marked done and linked to a measure, or not done with a reason.
    const commitments = page.locator('[data-testid^="commitment-"]');
    await page.getByText(/^承诺事项清单（\d+）$/).click();
    const count = await commitments.count();
    expect(count).toBeGreaterThan(0);
    for (let index = 0; index < count; index += 1) {
      const commitment = commitments.nth(index);
      if (index === 0) {
        await commitment.locator("select").selectOption("not_done");
        await commitment.locator("textarea").fill("受上级统一部署调整影响，该项工作延至下一年度实施。");
      } else {
        await commitment.locator("select").selectOption("done");
        await commitment.locator("summary").click();
        await commitment.locator('input[type="checkbox"]').first().check();
      }
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, "rollforward-commitments.png") });
    await expect.poll(() => page.locator('[data-testid="finding"][data-rule-id="commitments"]').count()).toBe(0);
    await waitForSaved(page);

    const stored = (await (await page.request.get(`${app.baseUrl}/api/reports/${reportId}/content`)).json()) as {
      data: { content: { commitments: Array<{ status: string }> } };
    };
    expect(stored.data.content.commitments.every((commitment) => commitment.status !== "open")).toBe(true);

    for (const format of ["docx", "pdf"] as const) {
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId(`export-${format}`).click()]);
      expect(download.suggestedFilename()).toBe(`明江市望川区人民政府2025年法治政府建设情况报告.${format}`);
      const file = readFileSync((await download.path())!);
      expect(file.subarray(0, 4).toString("latin1")).toBe(format === "docx" ? "PK\u0003\u0004" : "%PDF");
    }
    await context.close();
  });
});
