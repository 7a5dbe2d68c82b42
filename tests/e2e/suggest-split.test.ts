import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Database } from "@/lib/db/client";
import { listSuggestions, type Report, type RichDoc } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";
import { submitReport } from "@/lib/reports/submit-report";

import { buildCompleteReport } from "../fixtures/complete-report";
import { SEED_PASSWORD, seedAgency, seedUser } from "../fixtures/factories";
import { waitForSaved } from "../helpers/editor-page";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, newSignedInContext } from "../helpers/browser";

const unavailable = inject("e2eUnavailableReason");
if (unavailable) console.warn(`[skip] e2e: ${unavailable}`);

const FIRST = "全年开展专题学习六次，邀请专家解读新修订的行政复议法。";
const SECOND = "组织旁听庭审两次，旁听人员撰写心得体会。";
const BODY: RichDoc = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: FIRST }] },
    { type: "paragraph", content: [{ type: "text", text: SECOND }] },
  ],
};

async function storedContent(page: Page, reportId: string): Promise<{ revision: number; status: string; content: Report }> {
  const answer = (await page.evaluate(async (id) => (await fetch(`/api/reports/${id}/content`)).json(), reportId)) as {
    data: { revision: number; status: string; content: Report };
  };
  return answer.data;
}

async function pressTimes(page: Page, key: string, times: number): Promise<void> {
  // At a person's pace: the browser reports each caret move to the editor before the next key.
  for (let index = 0; index < times; index += 1) {
    await page.keyboard.press(key);
    await page.waitForTimeout(60);
  }
}

const paragraphTexts = (body: RichDoc) => body.content.map((block) => (block.content ?? []).map((node) => node.text ?? "").join(""));

describe.skipIf(Boolean(unavailable))("[SUGGEST] splitting a paragraph in suggestion mode in Chromium", () => {
  let app: AppServer;
  let browser: Browser;
  let reportId = "";
  let itemId = "";

  beforeAll(async () => {
    app = await startApp({
      seed: async (db: Database) => {
        const agency = await seedAgency(db, { name: "青溪市水务局" });
        const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id, username: "sp-drafter" });
        await seedUser(db, { roles: ["reviewer"], agencyId: agency.id, username: "sp-reviewer" });
        const report = buildCompleteReport({ agency: agency.name });
        report.sections[0]!.items[0]!.body = BODY;
        itemId = report.sections[0]!.items[0]!.id;
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

  it("Enter inside a paragraph is a suggested break: shown with ↵, listed, one accepted into two paragraphs, one rejected back", async () => {
    const reviewer = await newSignedInContext(browser, app.baseUrl, "sp-reviewer", SEED_PASSWORD);
    const drafter = await newSignedInContext(browser, app.baseUrl, "sp-drafter", SEED_PASSWORD);

    await reviewer.page.goto(`${app.baseUrl}/reports/${reportId}`);
    await reviewer.page.getByTestId("suggest-mode-banner").waitFor();
    await reviewer.page.getByTestId(`body-editor-${itemId}`).click();
    const editor = reviewer.page.locator(`.ProseMirror[data-testid="body-editor-${itemId}"][contenteditable="true"]`);
    await editor.waitFor();
    await editor.click();
    // Split the first paragraph after "全年开展专题学习六次，" and the second after "组织旁听庭审两次，".
    await reviewer.page.keyboard.press("Control+Home");
    await pressTimes(reviewer.page, "ArrowRight", 11);
    await reviewer.page.keyboard.press("Enter");
    await expect.poll(() => editor.locator("p").count()).toBe(3);
    await reviewer.page.keyboard.press("Control+End");
    await pressTimes(reviewer.page, "Home", 1);
    await pressTimes(reviewer.page, "ArrowRight", 9);
    await reviewer.page.keyboard.press("Enter");
    await expect
      .poll(() => editor.locator("p").allTextContents())
      .toEqual(["全年开展专题学习六次，", "邀请专家解读新修订的行政复议法。", "组织旁听庭审两次，", "旁听人员撰写心得体会。"]);
    // Each break is drawn as a blue ↵ after the character before it.
    expect(await editor.locator("span.suggestion-split").allTextContents()).toEqual(["，", "，"]);
    const sign = await editor
      .locator("span.suggestion-split")
      .first()
      .evaluate((element) => getComputedStyle(element, "::after").content);
    expect(sign).toBe('"↵"');
    await reviewer.page.locator("body").click({ position: { x: 5, y: 5 } });
    await waitForSaved(reviewer.page);
    await reviewer.page.screenshot({ path: "/tmp/suggest-split-reviewer.png" });

    const suggested = await storedContent(reviewer.page, reportId);
    const splits = listSuggestions(suggested.content);
    expect(splits.map((suggestion) => [suggestion.kind, suggestion.before])).toEqual([
      ["split", "全年开展专题学习六次，"],
      ["split", "组织旁听庭审两次，"],
    ]);

    await reviewer.page.goto(`${app.baseUrl}/reports/${reportId}/history`);
    await reviewer.page.getByRole("button", { name: "退回修改" }).click();
    await reviewer.page.getByLabel("退回意见").fill("请处理分段修订。");
    await reviewer.page.getByRole("button", { name: "确认退回修改" }).click();
    await reviewer.page.getByTestId("report-status").filter({ hasText: "退回修改" }).waitFor();

    await drafter.page.goto(`${app.baseUrl}/reports/${reportId}`);
    const panel = drafter.page.getByTestId("suggestions-panel");
    await panel.getByRole("heading", { name: "修订（2处）" }).waitFor();
    await expect.poll(() => panel.getByTestId(`suggestion-${splits[0]!.id}`).textContent()).toContain("在“全年开展专题学习六次，”之后另起一段");
    await drafter.page.screenshot({ path: "/tmp/suggest-split-drafter.png" });
    await panel.getByTestId(`suggestion-${splits[0]!.id}`).getByRole("button", { name: "接受修订“分段”" }).click();
    await panel.getByRole("heading", { name: "修订（1处）" }).waitFor();
    await panel.getByTestId(`suggestion-${splits[1]!.id}`).getByRole("button", { name: "拒绝修订“分段”" }).click();
    await panel.waitFor({ state: "detached" });

    const decided = await storedContent(drafter.page, reportId);
    expect(listSuggestions(decided.content)).toEqual([]);
    expect(decided.content.sections[0]!.items[0]!.body).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "全年开展专题学习六次，" }] },
        { type: "paragraph", content: [{ type: "text", text: "邀请专家解读新修订的行政复议法。" }] },
        { type: "paragraph", content: [{ type: "text", text: SECOND }] },
      ],
    });
    expect(paragraphTexts(decided.content.sections[0]!.items[0]!.body)).toHaveLength(3);
    await expect
      .poll(() => drafter.page.getByTestId(`body-editor-${itemId}`).locator("p").allTextContents())
      .toEqual(["全年开展专题学习六次，", "邀请专家解读新修订的行政复议法。", SECOND]);
  });
});
