import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { docToText, type Report } from "@/lib/report-model";

import { SEED_PASSWORD, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, signIn } from "../helpers/browser";
import { fillBody, itemIds, sectionIds, typeWithIme, waitForSaved } from "../helpers/editor-page";

const unavailable = inject("e2eUnavailableReason");

const FIRST_TEXT = "全面推进严格规范公正文明执法。";

async function storedBodyText(page: Page, baseUrl: string, reportId: string, itemId: string): Promise<string> {
  const response = await page.request.get(`${baseUrl}/api/reports/${reportId}/content`);
  const answer = (await response.json()) as { data: { content: Report } };
  const item = answer.data.content.sections.flatMap((section) => section.items).find((candidate) => candidate.id === itemId);
  return item ? docToText(item.body) : "";
}

/** Scripts requested from now on (the editing engine, Yjs) arrive `ms` late, so typing lands before them. */
async function delayLaterScripts(page: Page, ms: number): Promise<void> {
  await page.route("**/_next/static/chunks/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

describe.skipIf(Boolean(unavailable))("[EDITOR] bodies before the editing engine is loaded", () => {
  let app: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp({
      seed: async (db) => {
        await seedUser(db, { username: "lazy", roles: ["drafter"] });
        // One report per agency and year: the second test drafts in another agency.
        await seedUser(db, { username: "fixer", roles: ["drafter"] });
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  it("[EDITOR]: keys and an IME composition typed into a body before its engine arrives all reach the editor and the stored report", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "lazy", SEED_PASSWORD);
    await page.goto(`${app.baseUrl}/reports/new`);
    await page.getByLabel("报告年度").fill("2025");
    await page.getByRole("button", { name: "创建并开始起草" }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid^="body-editor-"]').first().waitFor();
    const reportId = page.url().split("/").pop()!;
    const [measures] = await sectionIds(page);
    const [itemId, secondItemId] = await itemIds(page, measures!);
    const cdp = await context.newCDPSession(page);
    expect(await fillBody(page, cdp, itemId!, FIRST_TEXT)).toBe(FIRST_TEXT);
    await waitForSaved(page);

    // A fresh load: every body is static HTML, no editing engine on the page.
    await page.reload();
    const body = page.getByTestId(`body-editor-${itemId}`);
    await body.waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".ProseMirror").count()).toBe(0);
    expect(await page.locator("[data-static-body]").count()).toBeGreaterThanOrEqual(5);
    expect(await body.textContent()).toBe(FIRST_TEXT);
    expect(await body.getAttribute("contenteditable")).toBe("true");

    await delayLaterScripts(page, 1500);
    // The first click, keys and a whole IME composition, with no wait: the engine is still on its way.
    await body.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("12");
    await typeWithIme(page, cdp, "丙", "bing");
    expect(await page.locator(".ProseMirror:visible").count()).toBe(0);
    expect(await body.getAttribute("data-static-body")).toBe("");

    // A composition still open when the engine arrives: the body waits for its end before handing over.
    await cdp.send("Input.imeSetComposition", { text: "ding", selectionStart: 4, selectionEnd: 4 });
    await page.locator(`[data-testid="body-editor-${secondItemId}"].ProseMirror`).waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300);
    expect(await body.getAttribute("data-static-body")).toBe("");
    await cdp.send("Input.imeSetComposition", { text: "丁", selectionStart: 1, selectionEnd: 1 });
    await cdp.send("Input.insertText", { text: "丁" });

    // Handed over: the editor holds every character, the caret stayed at the end.
    const editor = page.locator(`[data-testid="body-editor-${itemId}"].ProseMirror`);
    await editor.waitFor({ timeout: 20_000 });
    await page.keyboard.insertText("。");
    await expect.poll(() => editor.textContent()).toBe(`${FIRST_TEXT}12丙丁。`);
    expect(await page.locator("[data-static-body]").count()).toBe(0);
    await waitForSaved(page);
    await expect.poll(() => storedBodyText(page, app.baseUrl, reportId, itemId!), { timeout: 15_000 }).toBe(`${FIRST_TEXT}12丙丁。`);

    // And after a reload the stored body is what the static copy shows.
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.reload();
    await page.getByTestId(`body-editor-${itemId}`).waitFor();
    expect(await page.getByTestId(`body-editor-${itemId}`).textContent()).toBe(`${FIRST_TEXT}12丙丁。`);
    await context.close();
  });

  it("[EDITOR]: a finding's fix and Enter in an item heading work on a body whose engine is not loaded", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "fixer", SEED_PASSWORD);
    await page.goto(`${app.baseUrl}/reports/new`);
    await page.getByLabel("报告年度").fill("2025");
    await page.getByRole("button", { name: "创建并开始起草" }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid^="body-editor-"]').first().waitFor();
    const [measures] = await sectionIds(page);
    const [itemId] = await itemIds(page, measures!);
    const cdp = await context.newCDPSession(page);
    // Half-width punctuation: a finding with a one-click fix.
    expect(await fillBody(page, cdp, itemId!, "加强行政执法监督,规范执法行为。")).toBe("加强行政执法监督,规范执法行为。");
    await waitForSaved(page);

    await page.reload();
    const body = page.getByTestId(`body-editor-${itemId}`);
    await body.waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".ProseMirror").count()).toBe(0);
    await page.locator("li", { hasText: "半角标点“,”" }).getByTestId("finding-fix").first().click();
    await expect.poll(() => body.textContent()).toBe("加强行政执法监督，规范执法行为。");
    await waitForSaved(page);

    // Enter in the heading moves into the body: the engine loads and the caret is at its start.
    await page.locator(`#item-heading-${itemId}`).click();
    await page.keyboard.press("Enter");
    const editor = page.locator(`[data-testid="body-editor-${itemId}"].ProseMirror`);
    await editor.waitFor({ timeout: 20_000 });
    await page.keyboard.insertText("一是");
    await expect.poll(() => editor.textContent()).toBe("一是加强行政执法监督，规范执法行为。");
    await waitForSaved(page);
    await context.close();
  });
});
