import path from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Database } from "@/lib/db/client";
import { docToText, textToDoc, type Report } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";

import { buildCompleteReport } from "../fixtures/complete-report";
import { SEED_PASSWORD, seedAgency, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, newSignedInContext } from "../helpers/browser";
import { REPO_ROOT } from "../helpers/environment";

const unavailable = inject("e2eUnavailableReason");
if (unavailable) console.warn(`[skip] e2e: ${unavailable}`);

const SCREENSHOTS = path.join(REPO_ROOT, "test-results", "screenshots");

/** Saves content through the editor's own endpoint, from inside the signed-in page (same origin, session cookie). */
async function saveContent(page: Page, reportId: string, edit: (report: Report) => void): Promise<number> {
  const current = (await page.evaluate(async (id) => (await fetch(`/api/reports/${id}/content`)).json(), reportId)) as {
    data: { revision: number; content: Report };
  };
  const content = current.data.content;
  edit(content);
  return page.evaluate(
    async ({ id, body }) =>
      (await fetch(`/api/reports/${id}/content`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).status,
    { id: reportId, body: { baseRevision: current.data.revision, content } },
  );
}

async function openReview(page: Page, baseUrl: string, reportId: string): Promise<void> {
  await page.goto(`${baseUrl}/reports/${reportId}/history`);
  await page.getByTestId("workflow-bar").waitFor();
}

async function expectStatus(page: Page, label: string): Promise<void> {
  await page.getByTestId("report-status").filter({ hasText: label }).waitFor();
}

describe.skipIf(Boolean(unavailable))("[WORKFLOW] drafting, review, sign-off, export and publication in Chromium", () => {
  let app: AppServer;
  let browser: Browser;
  let reportId = "";

  beforeAll(async () => {
    app = await startApp({
      seed: async (db: Database) => {
        const agency = await seedAgency(db, { name: "青溪市水务局" });
        const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id, username: "qx-drafter" });
        for (const [role, username] of [
          ["reviewer", "qx-reviewer"],
          ["approver", "qx-approver"],
          ["admin", "qx-admin"],
        ] as const) {
          await seedUser(db, { roles: [role], agencyId: agency.id, username });
        }
        reportId = (await insertReport({ db, user: drafter, content: buildCompleteReport({ agency: agency.name }), source: "e2e" })).reportId;
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  it("[WORKFLOW]: submit → return with comments → resubmit → approve → sign off (locked) → final export → published, all in history and the audit CSV", async () => {
    const drafter = await newSignedInContext(browser, app.baseUrl, "qx-drafter", SEED_PASSWORD);
    const reviewer = await newSignedInContext(browser, app.baseUrl, "qx-reviewer", SEED_PASSWORD);
    const approver = await newSignedInContext(browser, app.baseUrl, "qx-approver", SEED_PASSWORD);

    // The drafter writes and submits; the reviewer sees 签发 disabled with the reason.
    await openReview(drafter.page, app.baseUrl, reportId);
    expect(
      await saveContent(
        drafter.page,
        reportId,
        (report) => (report.sections[0]!.items[0]!.body = textToDoc(`${docToText(report.sections[0]!.items[0]!.body)}全年组织旁听庭审两次。`)),
      ),
    ).toBe(200);
    await drafter.page.getByRole("button", { name: "提交审核" }).click();
    await expectStatus(drafter.page, "待审核");

    // The reviewer is told: a notification, and the report under 我的任务 › 等待我审核.
    await reviewer.page.goto(`${app.baseUrl}/assignments`);
    await reviewer.page
      .getByTestId("tasks-review")
      .getByRole("link", { name: /法治政府建设/ })
      .waitFor();
    await reviewer.page.getByTestId("notifications-link").filter({ hasText: "1" }).waitFor();
    await reviewer.page.goto(`${app.baseUrl}/notifications`);
    await reviewer.page.getByTestId("notifications").getByText("等待您审核").waitFor();
    await reviewer.page.getByRole("button", { name: "全部标为已读" }).click();
    await reviewer.page.getByTestId("unread-count").filter({ hasText: "未读 0 条" }).waitFor();

    // The reviewer comments on an item and returns the report.
    await openReview(reviewer.page, app.baseUrl, reportId);
    const anchor = reviewer.page.getByLabel("意见针对");
    const problemsItem = await anchor.locator("option", { hasText: "存在的不足和原因" }).getAttribute("value");
    await anchor.selectOption(problemsItem!);
    await reviewer.page.getByLabel("引用原文（可选）").fill("一是部分干部");
    await reviewer.page.getByLabel("意见内容").fill("请补充具体案例。");
    await reviewer.page.getByRole("button", { name: "提出意见" }).click();
    await reviewer.page.getByTestId("unresolved-count").filter({ hasText: "未解决 1 条" }).waitFor();
    await reviewer.page.getByRole("button", { name: "退回修改" }).click();
    await reviewer.page.getByLabel("退回意见").fill("问题部分原因分析需要更具体。");
    await reviewer.page.getByRole("button", { name: "确认退回修改" }).click();
    await expectStatus(reviewer.page, "退回修改");
    await reviewer.page.screenshot({ path: path.join(SCREENSHOTS, "workflow-returned.png"), fullPage: true });

    // The drafter fixes, answers and resolves the comments, and resubmits.
    await openReview(drafter.page, app.baseUrl, reportId);
    // The drafter is told who returned the report and why.
    await drafter.page.getByTestId("return-banner").filter({ hasText: "意见：问题部分原因分析需要更具体。" }).waitFor();
    await drafter.page.getByTestId("unresolved-count").filter({ hasText: "未解决 2 条" }).waitFor();
    expect(
      await saveContent(drafter.page, reportId, (report) => {
        report.sections[1]!.items[0]!.body = textToDoc(
          `${docToText(report.sections[1]!.items[0]!.body)}例如，个别科室办理涉水纠纷时仍以行政协调代替依法处理。`,
        );
        // The 成文日期 is the day the head signs: today, so sign-off has nothing to warn about.
        report.meta.date = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
      }),
    ).toBe(200);
    const firstThread = drafter.page.getByTestId("comment-thread").filter({ hasText: "请补充具体案例" });
    await firstThread.getByLabel("回复").fill("已补充具体事例。");
    await firstThread.getByRole("button", { name: "回复", exact: true }).click();
    await firstThread.getByText("已补充具体事例。").waitFor();
    for (let remaining = 2; remaining > 0; remaining -= 1) {
      await drafter.page.getByRole("button", { name: "标记为已解决" }).first().click();
      await drafter.page
        .getByTestId("unresolved-count")
        .filter({ hasText: `未解决 ${remaining - 1} 条` })
        .waitFor();
    }
    await drafter.page.getByRole("button", { name: "提交审核" }).click();
    await expectStatus(drafter.page, "待审核");

    // The reviewer approves; the approver signs off.
    await openReview(reviewer.page, app.baseUrl, reportId);
    await reviewer.page.getByRole("button", { name: "审核通过" }).click();
    // Approval asks for confirmation and shows what the checks found.
    await reviewer.page.getByTestId("transition-confirmation").filter({ hasText: "当前校验：0 个错误，0 条未解决意见，0 处未处理修订" }).waitFor();
    await reviewer.page.getByRole("button", { name: "确认审核通过" }).click();
    await expectStatus(reviewer.page, "已审核");
    const signButton = reviewer.page.getByRole("button", { name: "签发", exact: true });
    expect(await signButton.isDisabled()).toBe(true);
    await reviewer.page.getByText("只有签发人可以签发").waitFor();
    await openReview(approver.page, app.baseUrl, reportId);
    await approver.page.getByRole("button", { name: "签发", exact: true }).click();
    await approver.page.getByTestId("transition-confirmation").filter({ hasText: "签发后报告内容将锁定" }).waitFor();
    await approver.page.getByRole("button", { name: "确认签发" }).click();
    await expectStatus(approver.page, "已签发");

    // Signed content is locked; the final export works.
    expect(await saveContent(drafter.page, reportId, (report) => (report.meta.copyTo = "签发后试图修改"))).toBe(409);
    const exported = await approver.page.request.get(`${app.baseUrl}/api/reports/${reportId}/export?format=docx&final=1`);
    expect(exported.status()).toBe(200);
    expect((await exported.body()).subarray(0, 2).toString()).toBe("PK");

    // Published with the date and the link.
    await approver.page.getByRole("button", { name: "标记为已公开" }).click();
    // Not before the sign-off: today (Beijing) is the earliest and the latest date allowed here.
    await approver.page.getByLabel("公开日期").fill(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()));
    await approver.page.getByLabel("公开网址或公开方式").fill("https://www.qingxi.example.gov.cn/fzzf/2024.html");
    await approver.page.getByRole("button", { name: "确认标记为已公开" }).click();
    await expectStatus(approver.page, "已公开");

    // History lists every step and shows the differences between the first and the last revision.
    const notes = await approver.page.getByTestId("revisions-table").locator("tbody tr td:nth-child(5)").allTextContents();
    expect(notes).toEqual(["标记为已公开", "签发", "审核通过", "提交审核", "保存", "退回修改：问题部分原因分析需要更具体。", "提交审核", "保存", "创建"]);
    const revisionOptions = approver.page.getByLabel("较早版本").locator("option");
    await approver.page.getByLabel("较早版本").selectOption((await revisionOptions.last().getAttribute("value"))!);
    await approver.page.getByLabel("较新版本").selectOption((await revisionOptions.first().getAttribute("value"))!);
    await approver.page.getByRole("button", { name: "比较" }).click();
    const diff = approver.page.getByTestId("revision-diff");
    await diff.getByText("第1版 → 第9版").waitFor();
    expect(await diff.locator("ins").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining("旁听庭审两次"), expect.stringContaining("行政协调代替依法处理")]),
    );
    await approver.page.screenshot({ path: path.join(SCREENSHOTS, "workflow-history.png"), fullPage: true });

    // The administrator's audit CSV holds every step.
    const admin = await newSignedInContext(browser, app.baseUrl, "qx-admin", SEED_PASSWORD);
    await admin.page.goto(`${app.baseUrl}/audit`);
    await admin.page.getByTestId("audit-table").waitFor();
    const csvResponse = await admin.page.request.get(`${app.baseUrl}/api/audit/export`);
    expect(csvResponse.headers()["content-type"]).toContain("text/csv");
    const csv = (await csvResponse.body()).toString("utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const steps = csv
      .split("\r\n")
      .filter((line) => line.includes(",report.status,"))
      .map((line) => `${/""from"":""(\w+)""/.exec(line)?.[1]}→${/""to"":""(\w+)""/.exec(line)?.[1]}`);
    expect(steps).toEqual(["draft→in_review", "in_review→returned", "returned→in_review", "in_review→reviewed", "reviewed→signed", "signed→published"]);
    for (const action of [",sign_in,", ",report.export,", ",comment.create,", ",comment.resolve,"]) expect(csv).toContain(action);
    await Promise.all([drafter.context.close(), reviewer.context.close(), approver.context.close(), admin.context.close()]);
  });
});
