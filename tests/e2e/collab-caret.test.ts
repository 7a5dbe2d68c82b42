import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import { docToText, textToDoc, type Report } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";

import { buildCompleteReport } from "../fixtures/complete-report";
import { SEED_PASSWORD, seedAgency, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, newSignedInContext } from "../helpers/browser";
import { waitForSaved } from "../helpers/editor-page";

/**
 * Issue #17, live co-editing: a caret moved (Ctrl+Home, Ctrl+End) in the instant a colleague's change to the same
 * item arrives stays where it was moved. Before the fix, the provider applied the change before the browser's
 * selectionchange event had told the editor about the move; the old caret was saved, restored and written into the
 * page, and the next letter landed where the caret had been (4 of 5 rounds of 16 moves went wrong). Here one person
 * jumps between the item's start and end typing a letter after each jump, many times, while another types
 * continuously in its middle; every letter must be where it was typed, on both screens and in the stored report.
 */
const unavailable = inject("e2eUnavailableReason");

const NAMES = { "caret-wang": "王强", "caret-li": "李华" } as const;
type Username = keyof typeof NAMES;
/** Three one-line paragraphs: the mover types at the item's two ends, the typist at the end of the middle one. */
const PARAGRAPHS = ["本项由法制科与办公室共同起草。", "各科室材料按月报送法制科。", "办公室负责最后校对。"] as const;
/** Rounds of jumps: without the fix a round of 16 jumps went wrong 4 times in 5, so six rounds do not pass by luck. */
const ROUNDS = 6;
const JUMPS_PER_ROUND = 16;
const TYPED_PER_ROUND = "持续输入的文字".repeat(8);

interface Window {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

describe.skipIf(Boolean(unavailable))("[COLLAB-CARET] a caret moved while a colleague's change arrives, in Chromium", () => {
  let app: AppServer;
  let browser: Browser;
  let reportId = "";
  let itemId = "";

  beforeAll(async () => {
    app = await startApp({
      seed: async (db: Database) => {
        const agency = await seedAgency(db, { name: "青溪市司法局" });
        const users = [];
        for (const username of Object.keys(NAMES) as Username[]) {
          const user = await seedUser(db, { roles: ["drafter"], agencyId: agency.id, username });
          await db.update(tables.users).set({ displayName: NAMES[username] }).where(eq(tables.users.id, user.id));
          users.push(user);
        }
        const content = buildCompleteReport({ agency: agency.name, year: 2025 });
        content.sections[0]!.items[0]!.body = textToDoc(PARAGRAPHS.join("\n"));
        reportId = (await insertReport({ db, user: users[0]!, content, source: "e2e" })).reportId;
        itemId = content.sections[0]!.items[0]!.id;
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  const editor = (window: Window) => window.page.getByTestId(`body-editor-${itemId}`);
  const liveFrame = (window: Window) => window.page.locator('[data-collab="live"]').filter({ has: editor(window) });
  const paragraphs = (window: Window) => editor(window).locator("p").allTextContents();

  /** Opens the report and waits until the item's editor runs on the live document. */
  async function openLive(username: Username): Promise<Window> {
    const { context, page } = await newSignedInContext(browser, app.baseUrl, username, SEED_PASSWORD);
    const window = { context, page, close: () => context.close() };
    await page.goto(`${app.baseUrl}/reports/${reportId}`);
    // A click starts the body's editor (and co-editing); a focused editor goes live on blur.
    await editor(window).click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await liveFrame(window).waitFor({ timeout: 20_000 });
    return window;
  }

  /** Where the editor's own state (not only the page) has the caret: paragraph index and offset. */
  const caret = (window: Window) =>
    editor(window).evaluate((node) => {
      type Head = { index: (depth: number) => number; parentOffset: number };
      const state = (node as HTMLElement & { editor?: { state: { selection: { $head: Head } } } }).editor?.state;
      const head = state?.selection.$head;
      return head ? { paragraph: head.index(0), offset: head.parentOffset } : null;
    });

  /** Clicks paragraph `index`, presses End and waits until the editor's state holds that caret. */
  async function caretAtEndOf(window: Window, index: number) {
    const paragraph = editor(window).locator("p").nth(index);
    await paragraph.click();
    await window.page.keyboard.press("End");
    const length = ((await paragraph.textContent()) ?? "").length;
    await expect.poll(() => caret(window), { timeout: 5_000 }).toEqual({ paragraph: index, offset: length });
  }

  it("[COLLAB-CARET]: letters typed right after Ctrl+Home / Ctrl+End land at the item's start and end while a colleague types in it", async () => {
    const mover = await openLive("caret-wang");
    const typist = await openLive("caret-li");
    await caretAtEndOf(typist, 1);
    await caretAtEndOf(mover, 2);

    let start = "";
    let end = "";
    let typed = "";
    for (let round = 1; round <= ROUNDS; round += 1) {
      // The typist's keystrokes reach the mover as a stream of changes, each a chance to meet a jump.
      const typing = typist.page.keyboard.type(TYPED_PER_ROUND, { delay: 15 });
      for (let jump = 0; jump < JUMPS_PER_ROUND; jump += 1) {
        const letter = String.fromCharCode(65 + jump);
        if (jump % 2) {
          await mover.page.keyboard.press("Control+Home");
          await mover.page.keyboard.insertText(letter);
          start = letter + start;
        } else {
          await mover.page.keyboard.press("Control+End");
          await mover.page.keyboard.insertText(letter);
          end += letter;
        }
      }
      await typing;
      typed += TYPED_PER_ROUND;
      // Both screens show every letter where it was typed: nothing moved into the other end or into the middle.
      const expected = [`${start}${PARAGRAPHS[0]}`, `${PARAGRAPHS[1]}${typed}`, `${PARAGRAPHS[2]}${end}`];
      for (const window of [mover, typist]) {
        await expect.poll(() => paragraphs(window), { timeout: 15_000, message: `round ${round} of ${ROUNDS}` }).toEqual(expected);
      }
    }

    // The stored report holds the same text, read through the app's own content route (it writes live bodies back).
    for (const window of [mover, typist]) await waitForSaved(window.page);
    const answer = (await typist.page.evaluate(async (id) => (await fetch(`/api/reports/${id}/content`)).json(), reportId)) as {
      data: { content: Report };
    };
    const body = answer.data.content.sections.flatMap((section) => section.items).find((item) => item.id === itemId)!.body;
    expect(docToText(body)).toBe([`${start}${PARAGRAPHS[0]}`, `${PARAGRAPHS[1]}${typed}`, `${PARAGRAPHS[2]}${end}`].join("\n"));
    expect(await mover.page.getByTestId("conflict-dialog").count()).toBe(0);
    await mover.close();
    await typist.close();
  });
});
