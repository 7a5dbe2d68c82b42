import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Database } from "@/lib/db/client";
import { listSuggestions, type Report } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";
import { submitReport } from "@/lib/reports/submit-report";

import { buildCompleteReport } from "../fixtures/complete-report";
import { SEED_PASSWORD, seedAgency, seedUser } from "../fixtures/factories";
import { buildLeaderDocx, LEADER } from "../fixtures/tracked-leader-docx";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, newSignedInContext } from "../helpers/browser";

const unavailable = inject("e2eUnavailableReason");
if (unavailable) console.warn(`[skip] e2e: ${unavailable}`);

async function storedContent(page: Page, reportId: string): Promise<Report> {
  const answer = (await page.evaluate(async (id) => (await fetch(`/api/reports/${id}/content`)).json(), reportId)) as { data: { content: Report } };
  return answer.data.content;
}

describe.skipIf(Boolean(unavailable))("[TRACKED] Word 修订 round trip on the review page in Chromium", () => {
  let app: AppServer;
  let browser: Browser;
  let reportId = "";
  let leaderDocx: Uint8Array;

  beforeAll(async () => {
    app = await startApp({
      seed: async (db: Database) => {
        const agency = await seedAgency(db, { name: "青溪市水务局" });
        const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id, username: "td-drafter" });
        await seedUser(db, { roles: ["reviewer"], agencyId: agency.id, username: "td-reviewer" });
        const report = buildCompleteReport({ agency: agency.name });
        leaderDocx = await buildLeaderDocx(report);
        reportId = (await insertReport({ db, user: drafter, content: report, source: "e2e" })).reportId;
        await submitReport({ db, user: drafter, reportId });
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  it("a reviewer uploads the leader's DOCX: suggestions and the comment arrive, the log lists what was not placed, the review DOCX carries them", async () => {
    const reviewer = await newSignedInContext(browser, app.baseUrl, "td-reviewer", SEED_PASSWORD);
    await reviewer.page.goto(`${app.baseUrl}/reports/${reportId}/history`);
    const panel = reviewer.page.getByTestId("tracked-docx-panel");
    await panel.waitFor();
    await panel.locator('input[type="file"]').setInputFiles({
      name: "领导修改稿.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: Buffer.from(leaderDocx),
    });
    expect(await panel.getByTestId("tracked-file-name").textContent()).toBe("领导修改稿.docx");
    await panel.getByRole("button", { name: "导入修订和批注" }).click();
    const result = reviewer.page.getByTestId("tracked-import-result");
    await result.waitFor();
    expect(await result.textContent()).toContain("已导入：插入 2 处，删除 2 处，标题等修改 1 处，批注 1 条");
    expect(await reviewer.page.getByTestId("tracked-import-log").locator("li").count()).toBe(2);
    // The comment appears in the comments panel after the refresh.
    await expect.poll(() => reviewer.page.getByTestId("comments-panel").textContent()).toContain("办件数量要核实。");
    await reviewer.page.screenshot({ path: "/tmp/nianbao-tracked-panel.png", fullPage: true });

    const stored = await storedContent(reviewer.page, reportId);
    expect(listSuggestions(stored).map((suggestion) => [suggestion.kind, suggestion.text, suggestion.authorName])).toEqual([
      ["delete", "六次", LEADER],
      ["insert", "八次", LEADER],
      ["insert", "全年共办理涉水行政许可一百二十件。", LEADER],
      ["delete", "逐项", LEADER],
      // The leader's change to the second item's heading, as a field suggestion.
      ["replace", "依法全面履行部门职能，优化法治化营商环境", LEADER],
    ]);

    const download = await reviewer.context.request.get(`${app.baseUrl}/api/reports/${reportId}/tracked`);
    expect(download.status()).toBe(200);
    const parts = unzipSync(new Uint8Array(await download.body()));
    const document = strFromU8(parts["word/document.xml"]!);
    expect(document).toMatch(/<w:ins w:id="\d+" w:author="王局长" w:date="2026-11-25T09:30:00Z">/);
    expect(document).toMatch(/<w:delText[^>]*>六次<\/w:delText>/);
    expect(document).toMatch(/<w:delText[^>]*>持续<\/w:delText>/);
    expect(strFromU8(parts["word/comments.xml"]!)).toContain("办件数量要核实。");
    await reviewer.context.close();
  });

  it("the drafter of a report in review is told why they cannot import", async () => {
    const drafter = await newSignedInContext(browser, app.baseUrl, "td-drafter", SEED_PASSWORD);
    await drafter.page.goto(`${app.baseUrl}/reports/${reportId}/history`);
    const panel = drafter.page.getByTestId("tracked-docx-panel");
    await panel.waitFor();
    expect(await panel.locator('input[type="file"]').count()).toBe(0);
    expect(await panel.textContent()).toContain("不能导入修订：报告已提交审核");
    await drafter.context.close();
  });
});
