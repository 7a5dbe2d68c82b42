import { mkdirSync } from "node:fs";
import path from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { docToText, type Report } from "@/lib/report-model";

import { LEADER_TEXT, measureText, NEXT_YEAR_TEXT, PROBLEMS_TEXT } from "../fixtures/draft-texts";
import { SEED_PASSWORD, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, signIn } from "../helpers/browser";
import { fillBody, itemIds, sectionIds, typeWithIme, waitForSaved } from "../helpers/editor-page";
import { REPO_ROOT } from "../helpers/environment";

const unavailable = inject("e2eUnavailableReason");
const SCREENSHOTS = path.join(REPO_ROOT, "test-results", "screenshots");

async function createReport(page: Page, baseUrl: string): Promise<string> {
  await page.goto(`${baseUrl}/reports/new`);
  // The report on 2025 (its 成文日期 early in 2026), whatever year the form proposes on the day the test runs.
  await page.getByLabel("报告年度").fill("2025");
  await page.getByRole("button", { name: "创建并开始起草" }).click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
  await page.locator('[data-testid^="body-editor-"]').first().waitFor();
  return page.url().split("/").pop()!;
}

async function contentOf(page: Page, baseUrl: string, reportId: string): Promise<string> {
  const response = await page.request.get(`${baseUrl}/api/reports/${reportId}/content`);
  return JSON.stringify(await response.json());
}

/** The plain text of one item's body in the stored report (the content route writes live bodies back first). */
async function storedBodyText(page: Page, baseUrl: string, reportId: string, itemId: string): Promise<string> {
  const response = await page.request.get(`${baseUrl}/api/reports/${reportId}/content`);
  const answer = (await response.json()) as { data: { content: Report } };
  const item = answer.data.content.sections.flatMap((section) => section.items).find((candidate) => candidate.id === itemId);
  return item ? docToText(item.body) : "";
}

describe.skipIf(Boolean(unavailable))("[EDITOR] drafting in Chromium", () => {
  let app: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = await startApp({
      seed: async (db) => {
        const drafter = await seedUser(db, { username: "drafter", roles: ["drafter"] });
        await seedUser(db, { username: "colleague", roles: ["drafter"], agencyId: drafter.agencyId });
        await seedUser(db, { username: "restarter", roles: ["drafter"] });
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  it("[EDITOR]: a new user drafts every required part through IME input, fixes a finding in one click, reloads and submits", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "drafter", SEED_PASSWORD);
    const reportId = await createReport(page, app.baseUrl);
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-new-report.png") });
    const cdp = await context.newCDPSession(page);
    const [measures, problems, leader, nextYear] = await sectionIds(page);
    const measureItems = await itemIds(page, measures!);
    expect(measureItems.length).toBeGreaterThanOrEqual(5);

    // Composition: pinyin is replaced by the committed characters, nothing doubled or reordered.
    const first = page.getByTestId(`body-editor-${measureItems[0]}`);
    await first.click();
    await typeWithIme(page, cdp, "依法行政", "yifa");
    expect(await first.textContent()).toBe("依法行政");
    // Enter that confirms a candidate must not split the paragraph.
    await cdp.send("Input.imeSetComposition", { text: "zheng", selectionStart: 5, selectionEnd: 5 });
    await cdp.send("Input.dispatchKeyEvent", { type: "keyDown", key: "Enter", code: "Enter", windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    await cdp.send("Input.insertText", { text: "政府" });
    await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", key: "Enter", code: "Enter", windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    expect(await first.locator("p").count()).toBe(1);
    expect(await first.textContent()).toBe("依法行政政府");

    // A half-width comma between Chinese characters: the finding appears, one click fixes it, it disappears.
    await page.keyboard.insertText("建设,持续推进。");
    const finding = page.locator('[data-testid="finding"][data-rule-id="punctuation-width"]').first();
    await finding.waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-finding.png") });
    await finding.click();
    await page.getByTestId("finding-fix").first().click();
    await expect.poll(() => first.textContent()).toBe("依法行政政府建设，持续推进。");
    await page.locator('[data-testid="finding"][data-rule-id="punctuation-width"]').waitFor({ state: "detached" });

    for (const [index, itemId] of measureItems.entries()) await fillBody(page, cdp, itemId, measureText(index));
    for (const [sectionId, text] of [
      [problems!, PROBLEMS_TEXT],
      [leader!, LEADER_TEXT],
      [nextYear!, NEXT_YEAR_TEXT],
    ] as const) {
      const [itemId] = await itemIds(page, sectionId);
      const heading = page.getByTestId(`item-heading-${itemId}`);
      if (!(await heading.inputValue())) await heading.fill("主要情况");
      await fillBody(page, cdp, itemId!, text);
    }
    await page.getByLabel("成文日期").fill("2026-02-20");
    await page.locator(`#indicator-${measures}-susong_cases`).fill("12");
    await page.locator(`#indicator-${measures}-susong_heads_appear`).fill("12");

    const submit = page.getByTestId("submit-report");
    const errors = page.locator('[data-testid="finding"][data-severity="error"]');
    await expect.poll(async () => (await submit.isEnabled()) || (await errors.allTextContents()).join(" | "), { timeout: 20_000 }).toBe(true);
    await waitForSaved(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-complete.png") });

    expect(await page.locator('[data-testid="finding"][data-rule-id="punctuation-doubled"]').count()).toBe(0);
    await page.reload();
    await page.getByTestId(`body-editor-${measureItems[0]}`).waitFor();
    expect(await page.getByTestId(`body-editor-${measureItems[1]}`).locator("p").allTextContents()).toEqual(measureText(1).split("\n"));
    expect(await page.getByTestId(`body-editor-${measureItems[1]}`).textContent()).toContain("政府职能转变");
    expect(await contentOf(page, app.baseUrl, reportId)).toContain("第一责任人职责");

    await page.getByTestId("submit-report").click();
    await expect.poll(() => page.getByTestId("report-status").textContent(), { timeout: 20_000 }).toContain("待审核");
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-submitted.png") });
    await context.close();
  });

  it("[EDITOR]: two windows edit different items of one report; the second save merges without a dialog and keeps both texts", async () => {
    const first = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const second = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const pageA = await first.newPage();
    const pageB = await second.newPage();
    await signIn(pageA, app.baseUrl, "drafter", SEED_PASSWORD);
    await signIn(pageB, app.baseUrl, "colleague", SEED_PASSWORD);
    await pageA.goto(`${app.baseUrl}/reports/new`);
    await pageA.getByLabel("报告年度").fill("2024");
    await pageA.getByRole("button", { name: "创建并开始起草" }).click();
    await pageA.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = pageA.url().split("/").pop()!;
    await pageB.goto(`${app.baseUrl}/reports/${reportId}`);
    const [measures] = await sectionIds(pageA);
    const [itemOne, itemTwo] = await itemIds(pageA, measures!);
    const cdpA = await first.newCDPSession(pageA);
    const cdpB = await second.newCDPSession(pageB);
    await pageB.getByTestId(`body-editor-${itemTwo}`).waitFor();

    await fillBody(pageA, cdpA, itemOne!, "甲窗口写入的第一项内容。");
    await waitForSaved(pageA);
    await fillBody(pageB, cdpB, itemTwo!, "乙窗口写入的第二项内容。");
    await expect.poll(() => contentOf(pageB, app.baseUrl, reportId), { timeout: 20_000 }).toContain("乙窗口写入的第二项内容");
    await waitForSaved(pageB);
    expect(await pageB.getByTestId("conflict-dialog").count()).toBe(0);
    await expect.poll(() => pageB.getByTestId(`body-editor-${itemOne}`).textContent(), { timeout: 15_000 }).toContain("甲窗口写入的第一项内容");
    const stored = await contentOf(pageB, app.baseUrl, reportId);
    expect(stored).toContain("甲窗口写入的第一项内容");
    expect(stored).toContain("乙窗口写入的第二项内容");
    await first.close();
    await second.close();
  });

  it("[EDITOR]: the server stops mid-edit, typing goes on, the server restarts and the edits arrive", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "restarter", SEED_PASSWORD);
    const reportId = await createReport(page, app.baseUrl);
    const cdp = await context.newCDPSession(page);
    const [measures] = await sectionIds(page);
    const [itemId] = await itemIds(page, measures!);
    // The body is co-edited live (Yjs): its keystrokes reach the server by the co-editing socket, not by saves.
    // A click starts the body's editor (and co-editing); a focused editor goes live once it loses focus.
    await page.getByTestId(`body-editor-${itemId}`).click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator(`[data-collab="live"]:has([data-testid="body-editor-${itemId}"])`).waitFor({ timeout: 20_000 });
    await fillBody(page, cdp, itemId!, "服务器停止之前写入的内容。");
    await waitForSaved(page);

    // Several outages, each with a long IME passage typed while the server is down: after the restart, "saved"
    // must mean stored. Read at once, the report must hold every committed character and no pinyin.
    const editor = page.getByTestId(`body-editor-${itemId}`);
    let expected = "服务器停止之前写入的内容。";
    for (const round of ["一", "二", "三"]) {
      await app.stop();
      await editor.click();
      await page.keyboard.press("End");
      const typed = `第${round}次停机期间继续输入的内容。`;
      await typeWithIme(page, cdp, typed, "tingjiqijian");
      expected += typed;
      await page
        .locator('[data-testid="save-state"][data-state="retrying"], [data-testid="save-state"][data-state="offline"]')
        .first()
        .waitFor({ timeout: 20_000 });
      if (round === "一") await page.screenshot({ path: path.join(SCREENSHOTS, "editor-offline.png") });
      await app.restart();
      await waitForSaved(page, 40_000);
      expect(await storedBodyText(page, app.baseUrl, reportId, itemId!)).toBe(expected);
    }
    await context.close();
  });

  it("[EDITOR]: text selected in a body becomes the quoted anchor of a review comment beside the editor", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "colleague", SEED_PASSWORD);
    await page.goto(`${app.baseUrl}/reports/new`);
    await page.getByLabel("报告年度").fill("2023");
    await page.getByRole("button", { name: "创建并开始起草" }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const cdp = await context.newCDPSession(page);
    const [measures] = await sectionIds(page);
    const [, , itemThree] = await itemIds(page, measures!);
    await fillBody(page, cdp, itemThree!, "全年办理行政复议案件35件。");
    for (let step = 0; step < 4; step += 1) await page.keyboard.press("Shift+ArrowLeft");
    const panel = page.getByTestId("comments-panel");
    await expect.poll(() => panel.getByLabel("引用原文（可选）").inputValue()).toBe("35件。");
    await panel.getByLabel("意见内容").fill("请核对复议案件数与指标表是否一致。");
    await panel.getByRole("button", { name: "提出意见" }).last().click();
    await panel.getByText("请核对复议案件数与指标表是否一致。").waitFor();
    await expect.poll(() => panel.getByTestId("unresolved-count").textContent(), { timeout: 15_000 }).toContain("1");
    expect(await panel.getByText("“35件。”").count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-comment.png") });
    await context.close();
  });
});
