import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { Database } from "@/lib/db/client";
import * as tables from "@/lib/db/schema";
import { insertReport } from "@/lib/reports/create-report";

import { buildCompleteReport } from "../fixtures/complete-report";
import { SEED_PASSWORD, seedAgency, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, newSignedInContext } from "../helpers/browser";

const unavailable = inject("e2eUnavailableReason");
if (unavailable) console.warn(`[skip] e2e: ${unavailable}`);

interface Seeded {
  draftId: string;
  signedId: string;
  subordinateId: string;
}

/** One county office whose user holds every role, a draft and a signed report of its own, and a subordinate's report. */
async function seed(db: Database): Promise<Seeded> {
  const { eq } = await import("drizzle-orm");
  const office = await seedAgency(db, { name: "示例县司法局", level: "county" });
  const user = await seedUser(db, { roles: ["admin", "drafter", "reviewer", "approver", "supervisor"], agencyId: office.id, username: "csp-all" });
  const { reportId: draftId } = await insertReport({ db, user, content: buildCompleteReport({ agency: office.name, year: 2025 }), source: "e2e" });
  const { reportId: signedId } = await insertReport({ db, user, content: buildCompleteReport({ agency: office.name, year: 2024 }), source: "e2e" });
  await db.update(tables.reports).set({ status: "signed" }).where(eq(tables.reports.id, signedId));
  const water = await seedAgency(db, { name: "示例县水务局", level: "department", parentId: office.id });
  const waterDrafter = await seedUser(db, { roles: ["drafter"], agencyId: water.id, username: "csp-water" });
  const { reportId: subordinateId } = await insertReport({
    db,
    user: waterDrafter,
    content: buildCompleteReport({ agency: water.name, year: 2025 }),
    source: "e2e",
  });
  await db.update(tables.reports).set({ status: "signed" }).where(eq(tables.reports.id, subordinateId));
  return { draftId, signedId, subordinateId };
}

interface Watch {
  violations: string[];
  /** Uncaught exceptions, and console errors that name the policy (Chromium's "Refused to …" lines). */
  errors: string[];
  /** Other console errors (a failed request, a socket another feature opens), printed for the record. */
  otherConsoleErrors: string[];
}

/** Records every CSP violation (from the page's own event), every uncaught exception and the console errors. */
async function watch(page: Page): Promise<Watch> {
  const found: Watch = { violations: [], errors: [], otherConsoleErrors: [] };
  await page.exposeFunction("__reportCspViolation", (line: string) => found.violations.push(`${page.url()}: ${line}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (line: string) => void }).__reportCspViolation;
      void report(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const line = `${page.url()}: ${message.text()}`;
    (/Content Security Policy|Refused to/i.test(line) ? found.errors : found.otherConsoleErrors).push(line);
  });
  page.on("pageerror", (error) => found.errors.push(`${page.url()}: ${error.message}`));
  return found;
}

/** Nonce of the page's scripts, and whether React took the page over (hydration ran, so the scripts ran). */
async function scriptState(page: Page): Promise<{ nonces: string[]; inlineWithoutNonce: number; flight: boolean }> {
  return page.evaluate(() => {
    const scripts = [...document.querySelectorAll("script")];
    return {
      nonces: [...new Set(scripts.map((script) => script.nonce ?? "").filter((nonce) => nonce !== ""))],
      inlineWithoutNonce: scripts.filter((script) => !script.src && !script.nonce).length,
      flight: Array.isArray((window as unknown as { __next_f?: unknown[] }).__next_f),
    };
  });
}

describe.skipIf(Boolean(unavailable))("[CSP]: nonce-based script policy on every page, with no violation in Chromium", () => {
  let app: AppServer;
  let browser: Browser;
  let seeded: Seeded;

  beforeAll(async () => {
    app = await startApp({
      seed: async (db) => {
        seeded = await seed(db);
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  it("every page answer names a fresh nonce, API answers allow only the server's own scripts; never 'unsafe-inline'", async () => {
    const policies: string[] = [];
    for (const path of ["/login", "/login", "/no-such-page"]) {
      const response = await fetch(`${app.baseUrl}${path}`, { redirect: "manual" });
      const policy = response.headers.get("content-security-policy") ?? "";
      const scriptSrc = policy.split("; ").find((directive) => directive.startsWith("script-src")) ?? "";
      expect(scriptSrc, path).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'$/);
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      policies.push(scriptSrc);
      if (path === "/login") {
        // The page's own scripts carry exactly the nonce of its header.
        const html = await response.text();
        const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
        expect(html).toContain(`nonce="${nonce}"`);
        expect([...html.matchAll(/<script(?![^>]*\bnonce=)[^>]*>/g)].map((match) => match[0])).toEqual([]);
      }
    }
    expect(new Set(policies).size).toBe(policies.length);
    const api = (await fetch(`${app.baseUrl}/api/health`)).headers.get("content-security-policy") ?? "";
    expect(api.split("; ")).toContain("script-src 'self'");
    expect(api).toContain("frame-ancestors 'none'");
  });

  it("the sign-in page, every workspace page and the editor run their scripts with no CSP violation or console error", async () => {
    const signedOut = await browser.newContext({ locale: "zh-CN" });
    const loginPage = await signedOut.newPage();
    const loginWatch = await watch(loginPage);
    await loginPage.goto(`${app.baseUrl}/login`);
    await loginPage.getByLabel("用户名").waitFor();
    expect((await scriptState(loginPage)).flight).toBe(true);
    await signedOut.close();

    const { context, page } = await newSignedInContext(browser, app.baseUrl, "csp-all", SEED_PASSWORD);
    const found = await watch(page);
    const pages = [
      "/reports",
      "/reports/new",
      `/reports/${seeded.draftId}/history`,
      "/assignments",
      "/notifications",
      "/audit",
      "/admin",
      "/supervision",
      "/supervision/summary",
      `/supervision/reports/${seeded.subordinateId}`,
      `/publication/${seeded.signedId}`,
    ];
    const nonces = new Set<string>();
    for (const path of pages) {
      const response = await page.goto(`${app.baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState("networkidle");
      const state = await scriptState(page);
      expect(state.flight, path).toBe(true);
      expect(state.inlineWithoutNonce, path).toBe(0);
      expect(state.nonces, path).toHaveLength(1);
      nonces.add(state.nonces[0]!);
    }
    expect(nonces.size).toBe(pages.length);

    // The editor: Tiptap mounts only when the page's scripts (and their lazy chunks) run; typing and the preview
    // load more chunks and images.
    await page.goto(`${app.baseUrl}/reports/${seeded.draftId}`);
    const editor = page.locator('[data-testid^="body-editor-"][contenteditable="true"]').first();
    await editor.waitFor({ timeout: 30_000 });
    await editor.click();
    await page.keyboard.type("测试内容");
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "预览" }).first().click();
    await page.locator('[data-testid="preview-dialog"] img').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press("Escape");

    // Client-side navigation (a soft route change fetches RSC payloads and chunks, not a new document).
    await page.goto(`${app.baseUrl}/reports`);
    await page.locator(`a[href="/reports/${seeded.draftId}"]`).first().click();
    await page.waitForURL(`${app.baseUrl}/reports/${seeded.draftId}`);
    await editor.waitFor({ timeout: 30_000 });

    expect(loginWatch.violations).toEqual([]);
    expect(loginWatch.errors).toEqual([]);
    expect(found.violations).toEqual([]);
    expect(found.errors).toEqual([]);
    if (found.otherConsoleErrors.length > 0) console.info(`[CSP] console errors not about the policy:\n${found.otherConsoleErrors.join("\n")}`);
    await context.close();
  });

  it("the 404 page hydrates with its nonce; an injected inline script is refused and reported", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    const found = await watch(page);
    const response = await page.goto(`${app.baseUrl}/no-such-page`);
    expect(response?.status()).toBe(404);
    await page.getByText("页面不存在").waitFor();
    expect((await scriptState(page)).flight).toBe(true);
    expect(found.violations).toEqual([]);

    // What an injection would do: an inline script without the nonce. The policy must stop it.
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = 1";
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return (window as unknown as { __injected?: number }).__injected === 1;
    });
    expect(ran).toBe(false);
    await expect.poll(() => found.violations.length).toBe(1);
    expect(found.violations[0]).toMatch(/script-src/);
    await context.close();
  });
});
