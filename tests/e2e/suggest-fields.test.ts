import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Database } from "@/lib/db/client";
import { docToText, listSuggestions, type Report } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";
import { submitReport } from "@/lib/reports/submit-report";

import { buildCompleteReport } from "../fixtures/complete-report";
import { SEED_PASSWORD, seedAgency, seedUser } from "../fixtures/factories";
import { commitWithIme } from "../helpers/editor-page";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, newSignedInContext } from "../helpers/browser";

const unavailable = inject("e2eUnavailableReason");
if (unavailable) console.warn(`[skip] e2e: ${unavailable}`);

const BODY = "全年开展专题学习六次。";

interface Seeded {
  reportId: string;
  sectionId: string;
  itemId: string;
  sectionHeading: string;
}

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

/** Opens the body of `itemId` in the editing engine (bodies are static until touched) with the suggestion plugin in place. */
async function openBody(page: Page, itemId: string) {
  await page.getByTestId(`body-editor-${itemId}`).click();
  const editor = page.locator(`.ProseMirror[data-testid="body-editor-${itemId}"][contenteditable="true"]`);
  await editor.waitFor();
  await editor.click();
  return editor;
}

/** The reviewer's text colour of a suggestion element, as the browser paints it. */
const colourOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => getComputedStyle(element).color);

describe.skipIf(Boolean(unavailable))("[SUGGEST] suggestions on headings, leads and the closing, new paragraphs, and the history in colour (Chromium)", () => {
  let app: AppServer;
  let browser: Browser;
  const reports: Seeded[] = [];

  beforeAll(async () => {
    app = await startApp({
      seed: async (db: Database) => {
        const agency = await seedAgency(db, { name: "青溪市水务局" });
        const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id, username: "sf-drafter" });
        await seedUser(db, { roles: ["reviewer"], agencyId: agency.id, username: "sf-reviewer" });
        // One report per test (an agency has one report a year).
        for (const year of [2023, 2024, 2025]) {
          const report = buildCompleteReport({ agency: agency.name, year });
          report.closing = "特此报告";
          const section = report.sections[0]!;
          section.items[0]!.body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: BODY }] }] };
          const { reportId } = await insertReport({ db, user: drafter, content: report, source: "e2e" });
          await submitReport({ db, user: drafter, reportId });
          reports.push({ reportId, sectionId: section.id, itemId: section.items[0]!.id, sectionHeading: section.heading });
        }
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  it("a reviewer suggests a new part heading, item heading, 文号, part lead and closing; the fields keep their text until the drafter decides them", async () => {
    const { reportId, sectionId, itemId, sectionHeading } = reports[0]!;
    const reviewer = await newSignedInContext(browser, app.baseUrl, "sf-reviewer", SEED_PASSWORD);
    const drafter = await newSignedInContext(browser, app.baseUrl, "sf-drafter", SEED_PASSWORD);
    const page = reviewer.page;
    await page.goto(`${app.baseUrl}/reports/${reportId}`);
    await page.getByTestId("suggest-mode-banner").waitFor();

    // The part heading: "全面" typed at its start on the keyboard.
    const partHeading = page.locator(`#section-heading-${sectionId}`);
    await expect.poll(() => partHeading.isEnabled()).toBe(true);
    await partHeading.click();
    await page.keyboard.press("Home");
    await page.keyboard.type("全面");
    // The item heading: replaced as a whole.
    const itemHeading = page.locator(`#item-heading-${itemId}`);
    await itemHeading.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("加强党对法治政府建设的领导");
    // 基本信息: a 文号 where there was none; the part's lead: a first sentence.
    await page.locator("#meta-docNumber").fill("青水〔2024〕3号");
    await page.locator(`#section-lead-${sectionId}`).fill("一年来，我局坚持依法行政。");
    // The closing: "。" committed through an IME.
    await page.locator("#report-closing").click();
    await page.keyboard.press("End");
    const cdp = await reviewer.context.newCDPSession(page);
    await commitWithIme(cdp, "。");
    await page.locator("body").click({ position: { x: 5, y: 5 } });

    // Under each field, its suggestion in colour: the inserted characters blue, the deleted ones red.
    const partNote = page.getByTestId(`field-suggestion-section.${sectionId}.heading`);
    await expect.poll(() => partNote.locator("ins.suggestion").allTextContents()).toEqual(["全面"]);
    expect(await colourOf(page, `[data-testid="field-suggestion-section.${sectionId}.heading"] ins.suggestion`)).toBe("rgb(29, 78, 216)");
    await expect.poll(() => page.getByTestId("field-suggestion-closing").locator("ins.suggestion").allTextContents()).toEqual(["。"]);
    expect(await page.getByTestId(`field-suggestion-item.${sectionId}.${itemId}.heading`).locator("del.suggestion").count()).toBeGreaterThan(0);

    // Stored: three field suggestions by the reviewer; the fields themselves unchanged.
    await expect.poll(async () => (await storedContent(page, reportId)).content.fieldSuggestions?.length ?? 0, { timeout: 20_000 }).toBe(5);
    const suggested = (await storedContent(page, reportId)).content;
    expect(suggested.sections[0]!.heading).toBe(sectionHeading);
    expect(suggested.closing).toBe("特此报告");
    expect(suggested.meta.docNumber).toBe("");
    expect(suggested.sections[0]!.lead).toBe("");
    expect(listSuggestions(suggested).map((suggestion) => [suggestion.kind, suggestion.location.field, suggestion.text, suggestion.authorName])).toEqual([
      ["replace", "sectionHeading", `全面${sectionHeading}`, "测试用户"],
      ["replace", "itemHeading", "加强党对法治政府建设的领导", "测试用户"],
      ["replace", "meta", "青水〔2024〕3号", "测试用户"],
      ["replace", "sectionLead", "一年来，我局坚持依法行政。", "测试用户"],
      ["replace", "closing", "特此报告。", "测试用户"],
    ]);
    await expect.poll(() => page.getByTestId("field-suggestion-meta.docNumber").locator("ins.suggestion").allTextContents()).toEqual(["青水〔2024〕3号"]);
    await page.screenshot({ path: "/tmp/suggest-fields-reviewer.png", fullPage: false });

    // Returned to the drafter, who decides each one in the 修订 panel.
    await page.goto(`${app.baseUrl}/reports/${reportId}/history`);
    await page.getByRole("button", { name: "退回修改" }).click();
    await page.getByLabel("退回意见").fill("请处理标题和结束语的修订。");
    await page.getByRole("button", { name: "确认退回修改" }).click();
    await page.getByTestId("report-status").filter({ hasText: "退回修改" }).waitFor();

    await drafter.page.goto(`${app.baseUrl}/reports/${reportId}`);
    const panel = drafter.page.getByTestId("suggestions-panel");
    await panel.getByRole("heading", { name: "修订（5处）" }).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await drafter.page.screenshot({ path: "/tmp/suggest-fields-drafter.png" });
    await panel.getByRole("button", { name: `接受修订“全面${sectionHeading}”` }).click();
    await panel.getByRole("heading", { name: "修订（4处）" }).waitFor();
    await panel.getByRole("button", { name: "拒绝修订“特此报告。”" }).click();
    await panel.getByRole("heading", { name: "修订（3处）" }).waitFor();
    await panel.getByRole("button", { name: "接受修订“加强党对法治政府建设的领导”" }).click();
    await panel.getByRole("heading", { name: "修订（2处）" }).waitFor();
    await panel.getByRole("button", { name: "全部接受" }).click();
    await panel.waitFor({ state: "detached" });

    const decided = (await storedContent(drafter.page, reportId)).content;
    expect(decided.sections[0]!.heading).toBe(`全面${sectionHeading}`);
    expect(decided.sections[0]!.items[0]!.heading).toBe("加强党对法治政府建设的领导");
    expect(decided.closing).toBe("特此报告");
    expect(decided.meta.docNumber).toBe("青水〔2024〕3号");
    expect(decided.sections[0]!.lead).toBe("一年来，我局坚持依法行政。");
    expect(decided.fieldSuggestions).toBeUndefined();
    await expect.poll(() => drafter.page.locator(`#section-heading-${sectionId}`).inputValue()).toBe(`全面${sectionHeading}`);
  });

  it("a reviewer suggests two new paragraphs with Enter; accepting one keeps it as plain text, rejecting the other takes the paragraph away", async () => {
    const { reportId, itemId } = reports[1]!;
    const reviewer = await newSignedInContext(browser, app.baseUrl, "sf-reviewer", SEED_PASSWORD);
    const page = reviewer.page;
    await page.goto(`${app.baseUrl}/reports/${reportId}`);
    await page.getByTestId("suggest-mode-banner").waitFor();
    const editor = await openBody(page, itemId);
    await pressTimes(page, "End", 1);
    await pressTimes(page, "Enter", 1);
    await page.keyboard.type("组织旁听庭审两次。");
    await pressTimes(page, "Enter", 1);
    await page.keyboard.type("开展案卷评查一次。");
    await expect.poll(() => editor.locator("p").allTextContents()).toEqual([BODY, "组织旁听庭审两次。", "开展案卷评查一次。"]);
    expect(await editor.locator("ins.suggestion").allTextContents()).toEqual(["组织旁听庭审两次。", "开展案卷评查一次。"]);
    // (Enter inside a paragraph splits it as a suggestion: tests/e2e/suggest-split.test.ts.)
    await page.locator("body").click({ position: { x: 5, y: 5 } });

    await expect
      .poll(async () => listSuggestions((await storedContent(page, reportId)).content).map((suggestion) => [suggestion.kind, suggestion.text]), {
        timeout: 20_000,
      })
      .toEqual([
        ["insert", "组织旁听庭审两次。"],
        ["insert", "开展案卷评查一次。"],
      ]);
    await page.screenshot({ path: "/tmp/suggest-paragraph-reviewer.png" });

    // The reviewer decides them in their own step (the drafter could as well, once the report is returned).
    await page.reload();
    const panel = page.getByTestId("suggestions-panel");
    await panel.getByRole("heading", { name: "修订（2处）" }).waitFor();
    await panel.getByRole("button", { name: "接受修订“组织旁听庭审两次。”" }).click();
    await panel.getByRole("heading", { name: "修订（1处）" }).waitFor();
    await panel.getByRole("button", { name: "拒绝修订“开展案卷评查一次。”" }).click();
    await panel.waitFor({ state: "detached" });

    const decided = (await storedContent(page, reportId)).content;
    expect(decided.sections[0]!.items[0]!.body).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: BODY }] },
        { type: "paragraph", content: [{ type: "text", text: "组织旁听庭审两次。" }] },
      ],
    });
    await expect.poll(() => page.getByTestId(`body-editor-${itemId}`).textContent()).toBe(`${BODY}组织旁听庭审两次。`);
  });

  it("the history page's revision diff shows the reviewer's suggested insertions and deletions in the editor's colours", async () => {
    const { reportId, itemId } = reports[2]!;
    const reviewer = await newSignedInContext(browser, app.baseUrl, "sf-reviewer", SEED_PASSWORD);
    const page = reviewer.page;
    await page.goto(`${app.baseUrl}/reports/${reportId}`);
    await page.getByTestId("suggest-mode-banner").waitFor();
    const editor = await openBody(page, itemId);
    // To just before "。", delete "六次" and type "八次".
    await pressTimes(page, "End", 1);
    await pressTimes(page, "ArrowLeft", 1);
    await pressTimes(page, "Backspace", 2);
    await page.keyboard.type("八次");
    await expect.poll(() => editor.textContent()).toBe("全年开展专题学习八次六次。");
    await page.locator("#report-closing").click();
    await page.keyboard.press("End");
    await page.keyboard.type("！");
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await expect
      .poll(async () => listSuggestions((await storedContent(page, reportId)).content).map((suggestion) => suggestion.text), { timeout: 20_000 })
      .toEqual(["八次", "六次", "特此报告！"]);

    await page.goto(`${app.baseUrl}/reports/${reportId}/history`);
    await page.getByRole("button", { name: "比较" }).click();
    const diff = page.getByTestId("revision-diff");
    await diff.waitFor();
    expect(await diff.locator("ins.suggestion").first().textContent()).toBe("八次");
    expect(await diff.locator("article del.suggestion").allTextContents()).toEqual(["六次"]);
    expect(await colourOf(page, '[data-testid="revision-diff"] article ins.suggestion')).toBe("rgb(29, 78, 216)");
    expect(await colourOf(page, '[data-testid="revision-diff"] article del.suggestion')).toBe("rgb(190, 18, 60)");
    const decoration = await page
      .locator('[data-testid="revision-diff"] article del.suggestion')
      .evaluate((element) => getComputedStyle(element).textDecorationLine);
    expect(decoration).toBe("line-through");
    await expect.poll(() => diff.getByTestId("revision-field-suggestions").textContent()).toContain("结束语的修订（测试用户）新提出");
    expect(docToText((await storedContent(page, reportId)).content.sections[0]!.items[0]!.body)).toBe("全年开展专题学习八次六次。");
    await diff.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/suggest-history.png", fullPage: true });
  });
});
