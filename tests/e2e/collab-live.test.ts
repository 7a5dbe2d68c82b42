import { eq } from "drizzle-orm";
import type { Browser, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import { docToText, type Report } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";

import { buildCompleteReport } from "../fixtures/complete-report";
import { SEED_PASSWORD, seedAgency, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, newSignedInContext } from "../helpers/browser";
import { typeWithIme, waitForSaved } from "../helpers/editor-page";

const unavailable = inject("e2eUnavailableReason");

type ReportKey = "pair" | "trio" | "offline";
const reports: Record<ReportKey, string> = { pair: "", trio: "", offline: "" };
const items: Record<ReportKey, string[]> = { pair: [], trio: [], offline: [] };
const NAMES = { "lv-zhang": "张敏", "lv-wang": "王强", "lv-li": "李华" } as const;

interface Window {
  page: Page;
  cdp: CDPSession;
  close: () => Promise<void>;
}

describe.skipIf(Boolean(unavailable))("[COLLAB-LIVE] the same item co-edited live (Yjs), in Chromium", () => {
  let app: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp({
      seed: async (db: Database) => {
        const agency = await seedAgency(db, { name: "青溪市住建局" });
        const users = [];
        for (const username of Object.keys(NAMES) as Array<keyof typeof NAMES>) {
          const user = await seedUser(db, { roles: ["drafter"], agencyId: agency.id, username });
          await db.update(tables.users).set({ displayName: NAMES[username] }).where(eq(tables.users.id, user.id));
          users.push(user);
        }
        for (const [key, year] of [
          ["pair", 2025],
          ["trio", 2024],
          ["offline", 2023],
        ] as const) {
          const content = buildCompleteReport({ agency: agency.name, year });
          reports[key] = (await insertReport({ db, user: users[0]!, content, source: "e2e" })).reportId;
          items[key] = content.sections[0]!.items.map((item) => item.id);
        }
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    // What the co-editing server refused or failed to write back, to read beside a failure.
    const collabLines = app
      ?.logs()
      .split("\n")
      .filter((line) => line.includes("[年报]") && line.includes("协同"));
    if (collabLines?.length) console.warn([`reports: ${JSON.stringify(reports)}`, ...collabLines].join("\n"));
    await browser?.close();
    await disposeApp(app);
  });

  /** Opens the report and waits until the item's editor runs on the live document. */
  async function open(username: keyof typeof NAMES, reportId: string, itemId: string): Promise<Window> {
    const { context, page } = await newSignedInContext(browser, app.baseUrl, username, SEED_PASSWORD);
    await openLive(page, reportId, itemId);
    return { page, cdp: await context.newCDPSession(page), close: () => context.close() };
  }

  async function openLive(page: Page, reportId: string, itemId: string): Promise<void> {
    await page.goto(`${app.baseUrl}/reports/${reportId}`);
    // A click starts the body's editor (and co-editing where it waits for one); a focused editor goes live on blur.
    await page.getByTestId(`body-editor-${itemId}`).click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page
      .locator('[data-collab="live"]')
      .filter({ has: page.getByTestId(`body-editor-${itemId}`) })
      .waitFor({ timeout: 20_000 });
  }

  const editorText = (window: Window, itemId: string) => window.page.getByTestId(`body-editor-${itemId}`).textContent();

  /** The stored report, read through the app's own content route. */
  async function stored(window: Window, reportId: string): Promise<Report> {
    const answer = (await window.page.evaluate(async (id) => (await fetch(`/api/reports/${id}/content`)).json(), reportId)) as { data: { content: Report } };
    return answer.data.content;
  }
  const storedBody = (report: Report, itemId: string) =>
    docToText(report.sections.flatMap((section) => section.items).find((item) => item.id === itemId)!.body);

  it("[COLLAB-LIVE]: two people in the same item; one composes with the IME while the other types; both texts are kept and stored", async () => {
    const item = items.pair[0]!;
    const a = await open("lv-zhang", reports.pair, item);
    const b = await open("lv-wang", reports.pair, item);

    // A opens a composition at the end of the item…
    await a.page.getByTestId(`body-editor-${item}`).click();
    await a.page.keyboard.press("Control+End");
    await a.cdp.send("Input.imeSetComposition", { text: "yifa", selectionStart: 4, selectionEnd: 4 });
    // …while B types at the start of the same item, key by key.
    await b.page.getByTestId(`body-editor-${item}`).click();
    await b.page.keyboard.press("Control+Home");
    await b.page.keyboard.type("王强实时补充：", { delay: 30 });
    await expect.poll(() => editorText(a, item), { timeout: 10_000 }).toContain("王强实时补充：");
    // The remote change did not break A's composition: the pinyin is still there, then commits as 依法.
    expect(await editorText(a, item)).toContain("yifa");
    await a.cdp.send("Input.insertText", { text: "依法行政。" });
    await expect.poll(() => editorText(b, item), { timeout: 10_000 }).toContain("依法行政。");
    expect(await editorText(a, item)).not.toContain("yifa");
    expect(await editorText(b, item)).not.toContain("yifa");
    expect(await editorText(a, item)).toBe(await editorText(b, item));
    expect(await a.page.getByTestId("conflict-dialog").count()).toBe(0);

    const report = await stored(b, reports.pair);
    expect(storedBody(report, item)).toContain("王强实时补充：");
    expect(storedBody(report, item)).toContain("依法行政。");
    expect(storedBody(report, item)).not.toContain("yifa");
    await a.close();
    await b.close();
  });

  it("[COLLAB-LIVE]: three people type in the same item at once; every screen shows all three texts and the report stores them", async () => {
    const item = items.trio[0]!;
    const windows = [await open("lv-zhang", reports.trio, item), await open("lv-wang", reports.trio, item), await open("lv-li", reports.trio, item)];
    const texts = ["张敏写的同项第一句。", "王强写的同项第二句。", "李华写的同项第三句。"];
    for (const window of windows) {
      await window.page.getByTestId(`body-editor-${item}`).click();
      await window.page.keyboard.press("Control+End");
    }
    await Promise.all(windows.map((window, index) => window.page.keyboard.type(texts[index]!, { delay: 20 })));
    for (const window of windows) {
      for (const text of texts) await expect.poll(() => editorText(window, item), { timeout: 15_000 }).toContain(text);
    }
    const shown = await Promise.all(windows.map((window) => editorText(window, item)));
    expect(new Set(shown).size).toBe(1);
    const report = await stored(windows[0]!, reports.trio);
    for (const text of texts) expect(storedBody(report, item)).toContain(text);
    for (const window of windows) await window.close();
  });

  it("[COLLAB-LIVE]: live keystrokes typed while the server is down survive closing the tab; the next window sends them and they are stored", async () => {
    const item = items.offline[0]!;
    const { context, page } = await newSignedInContext(browser, app.baseUrl, "lv-li", SEED_PASSWORD);
    await openLive(page, reports.offline, item);
    const cdp = await context.newCDPSession(page);
    const before = (await page.getByTestId(`body-editor-${item}`).textContent()) ?? "";
    await page.getByTestId(`body-editor-${item}`).click();
    await page.keyboard.press("Control+End");

    await app.stop();
    const typed = "断网时写下的补充内容。";
    await typeWithIme(page, cdp, typed, "duanwang");
    await page
      .locator('[data-testid="save-state"][data-state="offline"], [data-testid="save-state"][data-state="retrying"]')
      .first()
      .waitFor({ timeout: 20_000 });
    // The tab is closed before the server is back: the keystrokes were never acknowledged.
    await page.close();
    await app.restart();

    const reopened = await context.newPage();
    await openLive(reopened, reports.offline, item);
    await expect.poll(() => reopened.getByTestId(`body-editor-${item}`).textContent(), { timeout: 15_000 }).toBe(before + typed);
    await waitForSaved(reopened, 30_000);
    const answer = (await reopened.evaluate(async (id) => (await fetch(`/api/reports/${id}/content`)).json(), reports.offline)) as {
      data: { content: Report };
    };
    // Paragraphs are joined by line breaks in the plain text and run together in the editor's textContent.
    expect(storedBody(answer.data.content, item).replaceAll("\n", "")).toBe(before + typed);
    expect(storedBody(answer.data.content, item)).not.toContain("duanwang");
    // Confirmed: a third window has nothing left to replay (the text is there once, not twice).
    const third = await context.newPage();
    await openLive(third, reports.offline, item);
    await third.waitForTimeout(1_000);
    expect(await third.getByTestId(`body-editor-${item}`).textContent()).toBe(before + typed);
    await context.close();
  });
});
