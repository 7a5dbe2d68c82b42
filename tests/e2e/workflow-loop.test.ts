/**
 * The review loop's rough edges, as the people in it see them in Chromium: the 退回 banner and the 我的任务 count
 * go as soon as the drafter resubmits; a reviewer sees no 提交审核 it can never press; open 修订 are named on the
 * 签发 button, in the confirmations and in an export; the 成文日期 is checked at 签发 and reads 2025年3月8日 in an
 * English browser; an administrator's 我的任务 lists what waits for it.
 */
import path from "node:path";

import type { Browser } from "playwright-core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import type { Report, ReportStatus } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";

import { buildCompleteReport } from "../fixtures/complete-report";
import { SEED_PASSWORD, seedAgency, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, newSignedInContext, signIn } from "../helpers/browser";
import { REPO_ROOT } from "../helpers/environment";

const unavailable = inject("e2eUnavailableReason");
if (unavailable) console.warn(`[skip] e2e: ${unavailable}`);

const SCREENSHOTS = path.join(REPO_ROOT, "test-results", "screenshots");
const todayInBeijing = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

/** The first item reads "全年开展[集中]专题学习{六次}。": a reviewer's two open suggestions. */
function withTwoSuggestions(content: Report, reviewer: { id: string; displayName: string }): Report {
  const attrs = (id: string) => ({ id, authorId: reviewer.id, authorName: reviewer.displayName, at: "2026-11-29T08:15:00.000Z" });
  content.sections[0]!.items[0]!.body = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "全年开展" },
          { type: "text", text: "集中", marks: [{ type: "suggestInsert", attrs: attrs("s-ji") }] },
          { type: "text", text: "专题学习" },
          { type: "text", text: "六次", marks: [{ type: "suggestDelete", attrs: attrs("s-liu") }] },
          { type: "text", text: "。" },
        ],
      },
    ],
  };
  return content;
}

describe.skipIf(Boolean(unavailable))("[WORKFLOW] the review loop's rough edges in Chromium", () => {
  let app: AppServer;
  let browser: Browser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startApp({
      seed: async (db: Database) => {
        const city = await seedAgency(db, { name: "临川市人民政府", level: "city" });
        const agency = await seedAgency(db, { name: "临川市水利局", parentId: city.id });
        const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id, username: "lc-drafter" });
        const reviewer = await seedUser(db, { roles: ["reviewer"], agencyId: agency.id, username: "lc-reviewer" });
        await seedUser(db, { roles: ["approver"], agencyId: agency.id, username: "lc-approver" });
        await seedUser(db, { roles: ["admin"], agencyId: agency.id, username: "lc-admin" });
        const report = async (key: string, year: number, status: ReportStatus, edit: (content: Report) => void = () => {}) => {
          const content = buildCompleteReport({ agency: agency.name, year });
          content.meta.title = `临川市水利局关于${year}年度法治政府建设情况的报告`;
          edit(content);
          const { reportId } = await insertReport({ db, user: drafter, content, source: "e2e" });
          await db.update(tables.reports).set({ status }).where(eq(tables.reports.id, reportId));
          ids[key] = reportId;
          return { reportId, content };
        };
        // Returned by the reviewer, with the reason, waiting for the drafter (and the administrator).
        const returned = await report("returned", 2025, "returned", (content) => (content.meta.date = todayInBeijing()));
        await db.insert(tables.reportRevisions).values({
          reportId: returned.reportId,
          revision: 2,
          status: "returned",
          content: returned.content,
          createdBy: reviewer.id,
          note: "退回修改：请补充数据来源",
        });
        // Under review with the reviewer's two open suggestions.
        await report("review", 2024, "in_review", (content) => withTwoSuggestions(content, reviewer));
        // Approved, two suggestions still open: 签发 must name them.
        await report("signoffSuggestions", 2023, "reviewed", (content) => withTwoSuggestions(content, reviewer));
        // Approved today, but its 成文日期 (2025年3月8日) is older than the approval.
        const dated = await report("signoffDate", 2022, "reviewed", (content) => (content.meta.date = "2025-03-08"));
        await db
          .insert(tables.reportRevisions)
          .values({ reportId: dated.reportId, revision: 2, status: "reviewed", content: dated.content, createdBy: reviewer.id, note: "审核通过" });
        // A draft to open in an English browser, and the rest of the ten in other states.
        await report("draft", 2021, "draft", (content) => (content.meta.date = "2025-03-08"));
        await report("signed", 2020, "signed");
        await report("published", 2019, "published");
        await report("draft2", 2018, "draft");
        await report("review2", 2017, "in_review");
        await report("returned2", 2016, "draft");
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  it("drafter resubmits and the banner and count go; the reviewer sees no 提交审核 and 修订 in the confirmation and the export", async () => {
    const admin = await newSignedInContext(browser, app.baseUrl, "lc-admin", SEED_PASSWORD);
    await admin.page.goto(`${app.baseUrl}/assignments`);
    await admin.page.getByTestId("tasks-returned").getByText("临川市水利局关于2025年度法治政府建设情况的报告").waitFor();
    expect(await admin.page.getByTestId("tasks-review").count()).toBe(0);

    const drafter = await newSignedInContext(browser, app.baseUrl, "lc-drafter", SEED_PASSWORD);
    await drafter.page.goto(`${app.baseUrl}/reports/${ids.returned}`);
    await drafter.page.getByTestId("return-banner").filter({ hasText: "意见：请补充数据来源" }).waitFor();
    expect(await drafter.page.getByTestId("task-count").textContent()).toBe("1");
    await drafter.page.getByTestId("submit-report").click();
    await drafter.page.getByTestId("report-status").filter({ hasText: "待审核" }).waitFor();
    // No reload: the page drew again in the same answer.
    await drafter.page.getByTestId("return-banner").waitFor({ state: "detached" });
    await drafter.page.getByTestId("task-count").waitFor({ state: "detached" });
    await drafter.page.screenshot({ path: path.join(SCREENSHOTS, "workflow-loop-resubmitted.png") });

    const reviewer = await newSignedInContext(browser, app.baseUrl, "lc-reviewer", SEED_PASSWORD);
    await reviewer.page.goto(`${app.baseUrl}/reports/${ids.review}`);
    await reviewer.page.getByTestId("report-status").filter({ hasText: "待审核" }).waitFor();
    await reviewer.page.getByTestId("open-preview").waitFor();
    expect(await reviewer.page.getByTestId("submit-report").count()).toBe(0);
    expect(await reviewer.page.getByTestId("submit-blocker").count()).toBe(0);
    // Exporting the PDF with open 修订 says how the file treats them.
    await reviewer.page.getByTestId("export-pdf").click();
    await reviewer.page.getByTestId("export-note").filter({ hasText: "报告含2处未处理修订，PDF按全部接受排版" }).waitFor({ timeout: 120_000 });
    await reviewer.page.screenshot({ path: path.join(SCREENSHOTS, "workflow-loop-export-note.png") });
    // Approval is not blocked by open 修订, but the confirmation counts them.
    await reviewer.page.goto(`${app.baseUrl}/reports/${ids.review}/history`);
    await reviewer.page.getByRole("button", { name: "审核通过" }).click();
    await reviewer.page.getByTestId("transition-confirmation").filter({ hasText: "当前校验：0 个错误，0 条未解决意见，2 处未处理修订" }).waitFor();
  });

  it("签发 names open 修订, and a 成文日期 older than the approval must be confirmed", async () => {
    const approver = await newSignedInContext(browser, app.baseUrl, "lc-approver", SEED_PASSWORD);
    await approver.page.goto(`${app.baseUrl}/reports/${ids.signoffSuggestions}/history`);
    const sign = approver.page.getByRole("button", { name: "签发", exact: true });
    await sign.waitFor();
    expect(await sign.isDisabled()).toBe(true);
    await approver.page.getByText("还有 2 处修订未接受或拒绝，处理后才能签发").waitFor();

    await approver.page.goto(`${app.baseUrl}/reports/${ids.signoffDate}/history`);
    await approver.page.getByRole("button", { name: "签发", exact: true }).click();
    await approver.page.getByTestId("transition-confirmation").filter({ hasText: "成文日期：2025年3月8日。" }).waitFor();
    const warning = approver.page.getByTestId("document-date-warning");
    await warning.filter({ hasText: "成文日期（2025年3月8日）早于审核通过日期" }).waitFor();
    const confirm = approver.page.getByRole("button", { name: "确认签发" });
    expect(await confirm.isDisabled()).toBe(true);
    await approver.page.screenshot({ path: path.join(SCREENSHOTS, "workflow-loop-date-warning.png") });
    await warning.locator('input[type="checkbox"]').check();
    await confirm.click();
    await approver.page.getByTestId("report-status").filter({ hasText: "已签发" }).waitFor();
  });

  it("shows the 成文日期 as 2025年3月8日 in an English-language browser", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "lc-drafter", SEED_PASSWORD);
    await page.goto(`${app.baseUrl}/reports/${ids.draft}`);
    const date = page.getByLabel("成文日期");
    await date.waitFor();
    expect(await date.inputValue()).toBe("2025年3月8日");
    await date.fill("2026-2-20");
    await date.blur();
    expect(await date.inputValue()).toBe("2026年2月20日");
    await date.screenshot({ path: path.join(SCREENSHOTS, "workflow-loop-date-en-us.png") });
    await context.close();
  });
});
