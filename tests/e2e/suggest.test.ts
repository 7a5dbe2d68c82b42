import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Database } from "@/lib/db/client";
import { docToText, listSuggestions, type Report } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";
import { submitReport } from "@/lib/reports/submit-report";

import { buildCompleteReport } from "../fixtures/complete-report";
import { SEED_PASSWORD, seedAgency, seedUser } from "../fixtures/factories";
import { commitWithIme, waitForSaved } from "../helpers/editor-page";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, newSignedInContext } from "../helpers/browser";

const unavailable = inject("e2eUnavailableReason");
if (unavailable) console.warn(`[skip] e2e: ${unavailable}`);

const BODY = "全年开展专题学习六次。";

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

describe.skipIf(Boolean(unavailable))("[SUGGEST] suggestion mode (修订) in Chromium", () => {
  let app: AppServer;
  let browser: Browser;
  let reportId = "";
  let itemId = "";

  beforeAll(async () => {
    app = await startApp({
      seed: async (db: Database) => {
        const agency = await seedAgency(db, { name: "青溪市水务局" });
        const drafter = await seedUser(db, { roles: ["drafter"], agencyId: agency.id, username: "sg-drafter" });
        await seedUser(db, { roles: ["reviewer"], agencyId: agency.id, username: "sg-reviewer" });
        const report = buildCompleteReport({ agency: agency.name });
        report.sections[0]!.items[0]!.body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: BODY }] }] };
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

  it("a reviewer suggests three changes, the drafter accepts two and rejects one, and the stored report text is right", async () => {
    const reviewer = await newSignedInContext(browser, app.baseUrl, "sg-reviewer", SEED_PASSWORD);
    const drafter = await newSignedInContext(browser, app.baseUrl, "sg-drafter", SEED_PASSWORD);

    // The reviewer opens the submitted report in 修订模式 and types into the body.
    await reviewer.page.goto(`${app.baseUrl}/reports/${reportId}`);
    await reviewer.page.getByTestId("suggest-mode-banner").waitFor();
    // Bodies are static until touched; the editing engine and the suggestion plugin load then, and the body
    // becomes editable once the plugin is in place.
    await reviewer.page.getByTestId(`body-editor-${itemId}`).click();
    const editor = reviewer.page.locator(`.ProseMirror[data-testid="body-editor-${itemId}"][contenteditable="true"]`);
    await editor.waitFor();
    await editor.click();
    await reviewer.page.keyboard.press("Control+Home");
    await pressTimes(reviewer.page, "ArrowRight", 4);
    const cdp = await reviewer.context.newCDPSession(reviewer.page);
    await commitWithIme(cdp, "集中"); // 1: an insertion typed through an IME
    // The composed text is marked just after the composition ends (a person moves on later than that).
    await editor.locator("ins.suggestion", { hasText: "集中" }).waitFor();
    // To just before "。" (End, then one step left: no suggestion boundary on the way).
    await pressTimes(reviewer.page, "End", 1);
    await pressTimes(reviewer.page, "ArrowLeft", 1);
    await pressTimes(reviewer.page, "Backspace", 2); // 2: "六次" deleted
    await reviewer.page.keyboard.type("八次"); // 3: an insertion typed on the keyboard
    await expect.poll(() => editor.textContent()).toBe("全年开展集中专题学习八次六次。");
    expect(await editor.locator("ins.suggestion").allTextContents()).toEqual(["集中", "八次"]);
    expect(await editor.locator("del.suggestion").allTextContents()).toEqual(["六次"]);
    await reviewer.page.locator("body").click({ position: { x: 5, y: 5 } });
    await waitForSaved(reviewer.page);
    await reviewer.page.screenshot({ path: "/tmp/suggest-reviewer.png" });

    const suggested = await storedContent(reviewer.page, reportId);
    expect(suggested.status).toBe("in_review");
    expect(listSuggestions(suggested.content).map((suggestion) => [suggestion.kind, suggestion.text, suggestion.authorName])).toEqual([
      ["insert", "集中", "测试用户"],
      ["insert", "八次", "测试用户"],
      ["delete", "六次", "测试用户"],
    ]);
    // A plain edit by the reviewer through the same endpoint is refused.
    const plain = structuredClone(suggested.content);
    plain.meta.title = "改过的标题";
    const refused = await reviewer.page.evaluate(
      async ({ id, body }) =>
        (await fetch(`/api/reports/${id}/content`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).status,
      { id: reportId, body: { baseRevision: suggested.revision, content: plain } },
    );
    expect(refused).toBe(403);

    // The reviewer returns the report; the drafter decides each suggestion.
    await reviewer.page.goto(`${app.baseUrl}/reports/${reportId}/history`);
    await reviewer.page.getByRole("button", { name: "退回修改" }).click();
    await reviewer.page.getByLabel("退回意见").fill("请按修订修改。");
    await reviewer.page.getByRole("button", { name: "确认退回修改" }).click();
    await reviewer.page.getByTestId("report-status").filter({ hasText: "退回修改" }).waitFor();

    await drafter.page.goto(`${app.baseUrl}/reports/${reportId}`);
    const panel = drafter.page.getByTestId("suggestions-panel");
    await panel.getByRole("heading", { name: "修订（3处）" }).waitFor();
    await drafter.page.screenshot({ path: "/tmp/suggest-drafter.png" });
    await panel.getByRole("button", { name: "接受修订“六次”" }).click();
    await panel.getByRole("heading", { name: "修订（2处）" }).waitFor();
    await panel.getByRole("button", { name: "接受修订“八次”" }).click();
    await panel.getByRole("heading", { name: "修订（1处）" }).waitFor();
    await panel.getByRole("button", { name: "拒绝修订“集中”" }).click();
    await panel.waitFor({ state: "detached" });

    const decided = await storedContent(drafter.page, reportId);
    expect(docToText(decided.content.sections[0]!.items[0]!.body)).toBe("全年开展专题学习八次。");
    expect(listSuggestions(decided.content)).toEqual([]);
    expect(decided.content.sections[0]!.items[0]!.body).toEqual({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "全年开展专题学习八次。" }] }],
    });
    await expect.poll(() => drafter.page.getByTestId(`body-editor-${itemId}`).textContent()).toBe("全年开展专题学习八次。");
  });
});
