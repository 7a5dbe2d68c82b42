import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { textToDoc, type Report } from "@/lib/report-model";

import { buildCompleteReport } from "../fixtures/complete-report";
import { SEED_PASSWORD, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, signIn } from "../helpers/browser";
import { fillBody, itemIds, sectionIds, waitForSaved } from "../helpers/editor-page";
import { REPO_ROOT } from "../helpers/environment";

const unavailable = inject("e2eUnavailableReason");
const SCREENSHOTS = path.join(REPO_ROOT, "test-results", "screenshots");
const LEADER_DUTY_HEADING = "党政主要负责人履行推进法治建设第一责任人职责情况";

/** Written for this test: the leader's duty as many agencies report it, folded into the measures. */
const DUTY_PARAGRAPH = "局党组书记、局长切实履行推进法治建设第一责任人职责，全年主持召开党组会议专题研究法治工作4次，对重大执法决定亲自审定。";
const DUTY_MORE = [
  "局主要负责人带头学法、带头述法，在年终述职中专题报告履行推进法治建设职责情况，接受全体干部职工评议。全年带头出庭应诉行政诉讼案件两次，庭后组织执法科室复盘案件中暴露的程序问题，逐项明确整改责任人和完成时限。",
  "坚持把法治建设与水务中心工作同谋划、同部署、同推进、同考核，将法治建设成效纳入科室年度考核。对规范性文件合法性审核、重大执法决定法制审核等关键环节亲自过问，及时协调解决法律顾问经费、执法装备配备和执法人员培训等实际困难，推动形成一级抓一级、层层抓落实的工作局面。",
].join("\n");
const PLANS_2026 = [
  "2026年，本局将继续深入学习贯彻习近平法治思想，重点做好以下工作。",
  "一是完善依法决策机制，严格执行重大行政决策程序，扩大公众参与和专家论证的范围，提高决策质量。",
  "二是深化水行政执法规范化建设，全面落实行政执法“三项制度”，开展执法人员分类培训和案卷评查。",
  "三是健全规范性文件全周期管理，落实实施后评估制度，及时清理不适应改革要求的文件。",
  "四是针对执法力量不足的问题，充实基层执法队伍，推动执法信息平台与全市平台数据共享。",
].join("\n");

/** Last year's report of 青溪市水务局 with only three parts: no leader-duty part, no 其他. */
function threePartReport(): Report {
  const report = buildCompleteReport({ agency: "青溪市水务局", year: 2024 });
  report.sections = report.sections.filter((section) => section.kind !== "leader_duty" && section.kind !== "other");
  const first = report.sections[0]!.items[0]!;
  first.body = { type: "doc", content: [...first.body.content, ...textToDoc(DUTY_PARAGRAPH).content] };
  return report;
}

async function storedContent(page: Page, baseUrl: string, reportId: string): Promise<Report> {
  const response = await page.request.get(`${baseUrl}/api/reports/${reportId}/content`);
  return ((await response.json()) as { data: { content: Report } }).data.content;
}

/** The outline's part names, e.g. "三、党政主要负责人…", in order. */
async function outlineParts(page: Page): Promise<string[]> {
  return page.getByTestId("outline-part-name").allTextContents();
}

describe.skipIf(Boolean(unavailable))("[REUSE-PARTS] parts of a reused report in Chromium", () => {
  let app: AppServer;
  let browser: Browser;
  let docxPath = "";

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    docxPath = path.join(mkdtempSync(path.join(os.tmpdir(), "nianbao-parts-")), "青溪市水务局2024年报告.docx");
    writeFileSync(docxPath, await exportReportDocx(threePartReport(), { isDraft: false }));
    app = await startApp({
      seed: async (db) => {
        await seedUser(db, { username: "parts-importer", roles: ["drafter"] });
        await seedUser(db, { username: "parts-editor", roles: ["drafter"] });
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  it("[REUSE]: a three-part DOCX gets its statutory part on import, the leader-duty text moves in on acceptance, and the filled report is submitted", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "parts-importer", SEED_PASSWORD);
    await page.goto(`${app.baseUrl}/reports/new`);
    await page.setInputFiles("#import-file", docxPath);
    const preview = page.getByTestId("import-preview");
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.locator("tbody tr").count()).toBe(3);
    expect(await page.getByTestId("import-added-parts").textContent()).toContain(`“${LEADER_DUTY_HEADING}”`);
    await page.getByRole("button", { name: "以此为基础新建2025年报告" }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = page.url().split("/").pop()!;
    await page.locator('[data-testid^="body-editor-"]').first().waitFor();

    // The statutory part is there, empty, in its place, numbered 三、, with the template's guidance.
    expect(await outlineParts(page)).toEqual([
      "一、2025年推进法治政府建设的主要举措和成效",
      "二、存在的不足和原因",
      `三、${LEADER_DUTY_HEADING}`,
      "四、2026年推进法治政府建设的主要安排",
    ]);
    const [measures, problems, leader, nextYear] = await sectionIds(page);
    expect(await page.getByTestId(`part-guidance-${leader}`).textContent()).toContain("本部分为法定部分，尚未填写。填写指引：");

    // The leader-duty paragraph in the measures is offered, not moved, until the official accepts.
    const suggestion = page.getByTestId("leader-duty-suggestion");
    await suggestion.waitFor();
    expect(await suggestion.count()).toBe(1);
    expect(await suggestion.textContent()).toContain(DUTY_PARAGRAPH);
    const firstMeasure = (await itemIds(page, measures!))[0]!;
    expect(await page.getByTestId(`body-editor-${firstMeasure}`).textContent()).toContain(DUTY_PARAGRAPH);
    // The outline points to the suggestion, which sits in the (far away) leader-duty part.
    expect(await page.getByTestId("outline-leader-duty-hint").textContent()).toBe("其他部分有1处相关文字，可移入本部分");
    await page.getByTestId("outline-leader-duty-hint").click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("移入本部分");
    // …and scrolls it into view.
    const inView = () =>
      suggestion
        .getByRole("button", { name: /移入本部分$/ })
        .evaluate((button) => button.getBoundingClientRect().top > 0 && button.getBoundingClientRect().bottom < window.innerHeight);
    await expect.poll(inView).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "parts-leader-duty-suggestion.png") });
    await suggestion.getByRole("button", { name: /移入本部分$/ }).click();
    await suggestion.waitFor({ state: "detached" });
    const [leaderItem] = await itemIds(page, leader!);
    expect(await page.getByTestId(`body-editor-${leaderItem}`).locator("p").allTextContents()).toEqual([DUTY_PARAGRAPH]);
    expect(await page.getByTestId(`body-editor-${firstMeasure}`).textContent()).not.toContain("第一责任人");
    await waitForSaved(page);
    const afterMove = await storedContent(page, app.baseUrl, reportId);
    expect(afterMove.sections.map((section) => section.kind)).toEqual(["measures", "problems", "leader_duty", "next_year"]);
    expect(afterMove.sections[2]!.items[0]!.body).toEqual(textToDoc(DUTY_PARAGRAPH));
    expect(JSON.stringify(afterMove.sections[0])).not.toContain("第一责任人");

    // Fill the added part and this year's plans; confirm the carried figures; account for last year's plans.
    const cdp = await context.newCDPSession(page);
    await fillBody(page, cdp, leaderItem!, `${DUTY_PARAGRAPH}\n${DUTY_MORE}`);
    const [planItem] = await itemIds(page, nextYear!);
    await fillBody(page, cdp, planItem!, PLANS_2026);
    expect(problems).toBeTruthy();
    const confirmButtons = page.getByRole("button", { name: /^确认“.*”无需更新$/ });
    while ((await confirmButtons.count()) > 0) await confirmButtons.first().click();
    await page.getByText(/^承诺事项清单（\d+）$/).click();
    const commitments = page.locator('[data-testid^="commitment-"]');
    for (let index = 0; index < (await commitments.count()); index += 1) {
      const commitment = commitments.nth(index);
      await commitment.locator("select").selectOption("done");
      await commitment.locator("summary").click();
      await commitment.locator('input[type="checkbox"]').first().check();
    }
    await page.getByLabel("成文日期").fill("2026-02-20");
    await page.locator(`#indicator-${measures}-susong_cases`).fill("3");
    await page.locator(`#indicator-${measures}-susong_heads_appear`).fill("3");

    const submit = page.getByTestId("submit-report");
    const errors = page.locator('[data-testid="finding"][data-severity="error"]');
    await expect.poll(async () => (await submit.isEnabled()) || (await errors.allTextContents()).join(" | "), { timeout: 30_000 }).toBe(true);
    await waitForSaved(page);
    await submit.click();
    await expect.poll(() => page.getByTestId("report-status").textContent(), { timeout: 20_000 }).toContain("待审核");
    const submitted = await storedContent(page, app.baseUrl, reportId);
    expect(submitted.sections[2]!.kind).toBe("leader_duty");
    expect(submitted.sections[2]!.items[0]!.body.content[0]).toEqual(textToDoc(DUTY_PARAGRAPH).content[0]);
    await page.screenshot({ path: path.join(SCREENSHOTS, "parts-submitted.png") });
    await context.close();
  });

  it("[PARTS]: add, reorder with the keyboard, rename and remove parts from the outline; statutory parts stay", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "parts-editor", SEED_PASSWORD);
    await page.goto(`${app.baseUrl}/reports/new`);
    await page.getByRole("button", { name: "创建并开始起草" }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = page.url().split("/").pop()!;
    await page.locator('[data-testid^="body-editor-"]').first().waitFor();
    const outline = page.getByTestId("outline");
    const initial = await outlineParts(page);
    expect(initial).toHaveLength(5);
    expect(initial[4]).toBe("五、其他需要报告的情况");

    // Statutory parts cannot be removed; the optional one can, after a confirmation.
    const statutory = outline.getByRole("button", { name: /是法定部分，不能删除$/ });
    expect(await statutory.count()).toBe(4);
    for (const button of await statutory.all()) expect(await button.isDisabled()).toBe(true);
    await outline.getByTestId("outline-part-name").nth(4).hover();
    await outline.getByRole("button", { name: "删除部分五、其他需要报告的情况" }).click();
    const removeDialog = page.getByTestId("confirm-remove-part-dialog");
    expect(await removeDialog.textContent()).toContain("此部分还没有填写内容");
    await page.getByTestId("confirm-remove-part").click();
    await expect.poll(() => outlineParts(page)).toHaveLength(4);

    // Add: every statutory part is present, so only a free part is offered.
    await outline.getByRole("button", { name: "＋ 添加部分" }).click();
    const addDialog = page.getByTestId("add-part-dialog");
    await addDialog.waitFor();
    expect(await addDialog.textContent()).toContain("模板要求的法定部分都已在报告中");
    await page.screenshot({ path: path.join(SCREENSHOTS, "parts-add-dialog.png") });
    await addDialog.getByLabel(/部分标题/).fill("上级交办事项办理情况");
    await addDialog.getByRole("button", { name: "添加其他部分" }).click();
    await expect.poll(() => outlineParts(page)).toEqual([...initial.slice(0, 4), "五、上级交办事项办理情况"]);
    const added = (await sectionIds(page))[4]!;
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`section-heading-${added}`);
    const cdp = await context.newCDPSession(page);
    const [addedItem] = await itemIds(page, added);
    await fillBody(page, cdp, addedItem!, "市政府交办的城区排水防涝整改事项已于9月底全部完成，整改情况已书面报告。");

    // Reorder with the keyboard: focus stays on the control, numbering follows.
    await page.locator(`#part-move-up-${added}`).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => outlineParts(page)).toContain("四、上级交办事项办理情况");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`part-move-up-${added}`);
    await page.keyboard.press("Enter");
    await expect.poll(() => outlineParts(page)).toContain("三、上级交办事项办理情况");
    await page.screenshot({ path: path.join(SCREENSHOTS, "parts-outline-controls.png") });

    // Rename in place: Enter keeps it, the form's heading follows.
    await outline.getByRole("button", { name: "重命名部分三、上级交办事项办理情况" }).click();
    const rename = outline.getByTestId("outline-rename-input");
    await rename.fill("上级交办事项和督察整改情况");
    await rename.press("Enter");
    await expect.poll(() => outlineParts(page)).toContain("三、上级交办事项和督察整改情况");
    expect(await page.locator(`#section-heading-${added}`).inputValue()).toBe("上级交办事项和督察整改情况");
    await waitForSaved(page);
    const stored = await storedContent(page, app.baseUrl, reportId);
    expect(stored.sections.map((section) => section.kind)).toEqual(["measures", "problems", "other", "leader_duty", "next_year"]);
    expect(stored.sections[2]).toMatchObject({ id: added, heading: "上级交办事项和督察整改情况" });

    // Removing a part with text warns plainly; cancelling keeps it, confirming removes it.
    await outline.getByTestId("outline-part-name").nth(2).hover();
    await outline.getByRole("button", { name: "删除部分三、上级交办事项和督察整改情况" }).click();
    expect(await page.getByTestId("remove-part-warning").textContent()).toMatch(/此部分已填写内容：1个条目，约\d+字。删除后这些文字将一并删除，无法撤销/);
    await page.screenshot({ path: path.join(SCREENSHOTS, "parts-remove-warning.png") });
    await page.getByTestId("confirm-remove-part-dialog").getByRole("button", { name: "取消" }).click();
    expect(await outlineParts(page)).toContain("三、上级交办事项和督察整改情况");
    await outline.getByRole("button", { name: "删除部分三、上级交办事项和督察整改情况" }).click();
    await page.getByTestId("confirm-remove-part").click();
    await expect.poll(() => outlineParts(page)).toEqual(initial.slice(0, 4));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("outline-add-part");
    await waitForSaved(page);
    const afterRemoval = await storedContent(page, app.baseUrl, reportId);
    expect(afterRemoval.sections.map((section) => section.kind)).toEqual(["measures", "problems", "leader_duty", "next_year"]);
    expect(JSON.stringify(afterRemoval)).not.toContain("排水防涝整改");
    await context.close();
  });
});
