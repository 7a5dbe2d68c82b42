import { mkdirSync } from "node:fs";

import { eq } from "drizzle-orm";
import type { Browser, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import type { Report } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";

import { buildCompleteReport } from "../fixtures/complete-report";
import { SEED_PASSWORD, seedAgency, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, newSignedInContext } from "../helpers/browser";
import { commitWithIme, waitForSaved } from "../helpers/editor-page";

const unavailable = inject("e2eUnavailableReason");
const SHOTS = "/tmp/nianbao-collab-shots";

/** Report ids by test, seeded before the server starts (PGlite allows one process at a time). */
type ReportKey = "pair" | "trio" | "conflict" | "lock";
const reports: Record<ReportKey, string> = { pair: "", trio: "", conflict: "", lock: "" };
/** Item ids of the first part of each seeded report. */
const items: Record<ReportKey, string[]> = { pair: [], trio: [], conflict: [], lock: [] };
const NAMES = { "cb-zhang": "张敏", "cb-wang": "王强", "cb-li": "李华", "lk-zhang": "赵磊", "lk-wang": "孙芳" } as const;

interface Window {
  page: Page;
  cdp: CDPSession;
  close: () => Promise<void>;
}

describe.skipIf(Boolean(unavailable))("[COLLAB] several people in one report, in Chromium", () => {
  let app: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startApp({
      seed: async (db: Database) => {
        const seedPeople = async (agencyName: string, usernames: Array<keyof typeof NAMES>) => {
          const agency = await seedAgency(db, { name: agencyName });
          const users = [];
          for (const username of usernames) {
            const user = await seedUser(db, { roles: ["drafter"], agencyId: agency.id, username });
            await db.update(tables.users).set({ displayName: NAMES[username] }).where(eq(tables.users.id, user.id));
            users.push(user);
          }
          return { agency, users };
        };
        const office = await seedPeople("青溪市水务局", ["cb-zhang", "cb-wang", "cb-li"]);
        const lockOffice = await seedPeople("青溪市司法局", ["lk-zhang", "lk-wang"]);
        const plan = [
          ["pair", 2025, office],
          ["trio", 2024, office],
          ["conflict", 2023, office],
          ["lock", 2025, lockOffice],
        ] as const;
        for (const [key, year, { agency, users }] of plan) {
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
    if (collabLines?.length) console.warn(collabLines.join("\n"));
    await browser?.close();
    await disposeApp(app);
  });

  /** `isSocketBlocked`: the co-editing WebSocket cannot connect (a corporate proxy), so the window saves item by item. */
  async function open(username: keyof typeof NAMES, reportId: string, { isSocketBlocked = false } = {}): Promise<Window> {
    const { context, page } = await newSignedInContext(browser, app.baseUrl, username, SEED_PASSWORD);
    if (isSocketBlocked) await context.routeWebSocket(/\/api\/collab/, (socket) => socket.close());
    await page.goto(`${app.baseUrl}/reports/${reportId}`);
    await page.locator('[data-testid^="body-editor-"]').first().waitFor();
    return { page, cdp: await context.newCDPSession(page), close: () => context.close() };
  }

  /** Puts the cursor at the end of an item's body and commits `text` through the IME. */
  async function appendToItem(window: Window, itemId: string, text: string) {
    const editor = window.page.getByTestId(`body-editor-${itemId}`);
    await editor.click();
    await window.page.keyboard.press("Control+End");
    await commitWithIme(window.cdp, text);
  }

  async function stored(window: Window, reportId: string): Promise<Report> {
    const answer = (await window.page.evaluate(async (id) => (await fetch(`/api/reports/${id}/content`)).json(), reportId)) as { data: { content: Report } };
    return answer.data.content;
  }
  const bodyText = (report: Report, itemId: string) =>
    JSON.stringify(report.sections.flatMap((section) => section.items).find((item) => item.id === itemId)?.body);

  it("[COLLAB]: two people type in different items at once; both texts merge without a dialog, show on both screens and are stored", async () => {
    const a = await open("cb-zhang", reports.pair);
    const b = await open("cb-wang", reports.pair);
    const [first, second] = items.pair;

    await appendToItem(a, first!, "张敏补充的第一项内容。");
    await appendToItem(b, second!, "王强补充的第二项内容。");
    // Presence: each sees the other in the item they are typing in, on the item and in the outline.
    await b.page.getByTestId(`presence-item-${first}`).filter({ hasText: "张敏正在编辑" }).waitFor({ timeout: 10_000 });
    await a.page.getByTestId(`presence-outline-${second}`).and(a.page.locator('[data-people="王强"]')).waitFor({ timeout: 10_000 });
    await a.page.screenshot({ path: `${SHOTS}/collab-presence.png` });

    await waitForSaved(a.page);
    await waitForSaved(b.page);
    await expect.poll(() => b.page.getByTestId(`body-editor-${first}`).textContent(), { timeout: 15_000 }).toContain("张敏补充的第一项内容。");
    await expect.poll(() => a.page.getByTestId(`body-editor-${second}`).textContent(), { timeout: 15_000 }).toContain("王强补充的第二项内容。");
    expect(await a.page.getByTestId("conflict-dialog").count()).toBe(0);
    expect(await b.page.getByTestId("conflict-dialog").count()).toBe(0);

    const report = await stored(a, reports.pair);
    expect(bodyText(report, first!)).toContain("张敏补充的第一项内容。");
    expect(bodyText(report, second!)).toContain("王强补充的第二项内容。");
    await a.close();
    await b.close();
  });

  it("[COLLAB]: an IME composition open on one side survives another person's save arriving, and its text is kept", async () => {
    const a = await open("cb-zhang", reports.pair);
    const b = await open("cb-wang", reports.pair);
    const [first, second] = items.pair;
    const editorB = b.page.getByTestId(`body-editor-${second}`);
    await editorB.click();
    await b.page.keyboard.press("Control+End");
    await b.cdp.send("Input.imeSetComposition", { text: "hefa", selectionStart: 4, selectionEnd: 4 });

    await appendToItem(a, first!, "张敏在乙输入时保存的话。");
    await waitForSaved(a.page);
    // Two heartbeats pass while B is composing: the merge waits, the pinyin stays in place.
    await b.page.waitForTimeout(7_000);
    expect(await editorB.textContent()).toContain("hefa");
    await b.cdp.send("Input.insertText", { text: "合法" });
    await expect.poll(() => b.page.getByTestId(`body-editor-${first}`).textContent(), { timeout: 15_000 }).toContain("张敏在乙输入时保存的话。");
    await waitForSaved(b.page);
    expect(await editorB.textContent()).not.toContain("hefa");

    // Live keystrokes reach the stored report once the co-editing server has them (a read writes them back first).
    await expect.poll(async () => bodyText(await stored(a, reports.pair), second!), { timeout: 15_000 }).toContain("合法");
    const report = await stored(a, reports.pair);
    expect(bodyText(report, first!)).toContain("张敏在乙输入时保存的话。");
    expect(bodyText(report, second!)).not.toContain("hefa");
    await a.close();
    await b.close();
  });

  it("[COLLAB]: three people type in three items at once; nothing is lost and every screen shows all three", async () => {
    const windows = [await open("cb-zhang", reports.trio), await open("cb-wang", reports.trio), await open("cb-li", reports.trio)];
    const texts = ["张敏写的第一项补充。", "王强写的第二项补充。", "李华写的第三项补充。"];
    await Promise.all(windows.map((window, index) => appendToItem(window, items.trio[index]!, texts[index]!)));
    for (const window of windows) await waitForSaved(window.page);
    // The screens are checked before the report is read (a read writes the live document back, which would
    // also bring a text that had not reached the screens), but the stored report is read and checked either way.
    let screensFailure: unknown = null;
    try {
      for (const window of windows) {
        for (const [index, text] of texts.entries()) {
          await expect.poll(() => window.page.getByTestId(`body-editor-${items.trio[index]}`).textContent(), { timeout: 20_000 }).toContain(text);
        }
        expect(await window.page.getByTestId("conflict-dialog").count()).toBe(0);
      }
    } catch (error) {
      screensFailure = error;
    }
    const report = await stored(windows[2]!, reports.trio);
    for (const [index, text] of texts.entries()) expect(bodyText(report, items.trio[index]!)).toContain(text);
    if (screensFailure) throw screensFailure;
    await expect.poll(() => windows[0]!.page.getByTestId("presence-person").count(), { timeout: 10_000 }).toBe(2);
    for (const window of windows) await window.close();
  });

  it("[COLLAB]: a forced conflict offers only the item both changed, three ways; keeping both loses nothing", async () => {
    const a = await open("cb-zhang", reports.conflict);
    // B's socket cannot connect: it degrades to item-level saves with the three-way merge (live bodies never conflict).
    const b = await open("cb-wang", reports.conflict, { isSocketBlocked: true });
    await b.page.locator('[data-collab="fallback"]').first().waitFor({ timeout: 20_000 });
    const [first, second] = items.conflict;
    await b.page.context().setOffline(true);
    await appendToItem(a, first!, "张敏改的第一项。");
    await appendToItem(a, second!, "张敏改的第二项。");
    await waitForSaved(a.page);
    await appendToItem(b, first!, "王强离线时改的第一项。");
    await b.page
      .locator('[data-testid="save-state"][data-state="offline"], [data-testid="save-state"][data-state="retrying"]')
      .first()
      .waitFor({ timeout: 20_000 });
    await b.page.context().setOffline(false);

    const dialog = b.page.getByTestId("conflict-dialog");
    await dialog.waitFor({ timeout: 30_000 });
    await b.page.screenshot({ path: `${SHOTS}/collab-conflict.png` });
    const units = await dialog.locator('[data-testid^="conflict-unit-"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-testid")));
    expect(units).toEqual([`conflict-unit-item:${first}`]);
    const unit = dialog.getByTestId(`conflict-unit-item:${first}`);
    expect(await unit.getByTestId("conflict-side-mine").textContent()).toContain("王强离线时改的第一项。");
    expect(await unit.getByTestId("conflict-side-theirs").textContent()).toContain("张敏改的第一项。");
    expect(await unit.getByTestId("conflict-side-base").textContent()).not.toContain("张敏改的第一项。");
    await unit.getByTestId("conflict-choose-both").click();
    await dialog.getByTestId("conflict-apply").click();
    await waitForSaved(b.page);
    // A's change to the second item was merged silently on B's screen.
    expect(await b.page.getByTestId(`body-editor-${second}`).textContent()).toContain("张敏改的第二项。");

    const report = await stored(a, reports.conflict);
    expect(bodyText(report, first!)).toContain("张敏改的第一项。");
    expect(bodyText(report, first!)).toContain("王强离线时改的第一项。");
    expect(bodyText(report, second!)).toContain("张敏改的第二项。");
    await expect.poll(() => a.page.getByTestId(`body-editor-${first}`).textContent(), { timeout: 15_000 }).toContain("王强离线时改的第一项。");
    await a.close();
    await b.close();
  });

  it("[COLLAB]: when the report is submitted, editing stops on the other screen too, with a clear message", async () => {
    const drafter = await open("lk-zhang", reports.lock);
    const colleague = await open("lk-wang", reports.lock);
    const heading = colleague.page.getByTestId(`item-heading-${items.lock[0]}`);
    expect(await heading.isEnabled()).toBe(true);
    const submit = drafter.page.getByTestId("submit-report");
    await expect.poll(() => submit.isEnabled(), { timeout: 20_000 }).toBe(true);
    await submit.click();
    await drafter.page.getByTestId("report-status").filter({ hasText: "待审核" }).waitFor({ timeout: 20_000 });

    await expect.poll(() => heading.isEnabled(), { timeout: 10_000 }).toBe(false);
    await colleague.page.getByText("报告已转为“待审核”，所有人的编辑已停止。").waitFor();
    expect(await colleague.page.getByTestId(`body-editor-${items.lock[0]}`).getAttribute("contenteditable")).toBe("false");
    await colleague.page.screenshot({ path: `${SHOTS}/collab-locked.png` });
    await drafter.close();
    await colleague.close();
  });
});
