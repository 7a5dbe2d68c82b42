import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

import type { APIRequestContext, Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { createReportFromTemplate } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";
import { getTemplate } from "@/templates";

import { SEED_PASSWORD, seedUser } from "../fixtures/factories";
import { disposeApp, startApp, type AppServer } from "../helpers/app-server";
import { launchBrowser, signIn } from "../helpers/browser";
import { REPO_ROOT } from "../helpers/environment";

const unavailable = inject("e2eUnavailableReason");

/** Text that exists only in the other agency's report: it must never appear in a refusal. */
const MARKER = "乙机关内部标记甲乙丙丁";
const FOREIGN_USERNAME = "agency-b-owner";
/** Routes that are public by design (sign-in, health check). */
const PUBLIC_ROUTES = [/^\/api\/auth\//, /^\/api\/health$/];
const PUBLIC_PAGES = ["/login", "/setup", "/"];

interface Endpoint {
  path: string;
  methods: string[];
}

function walk(directory: string, found: string[] = []): string[] {
  for (const entry of readdirSync(directory)) {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) walk(full, found);
    else found.push(full);
  }
  return found;
}

/** Every route handler and page under app/, as URL paths with dynamic segments filled in. */
function listEndpoints(fill: (segment: string) => string): { routes: Endpoint[]; pages: string[] } {
  const appDir = path.join(REPO_ROOT, "app");
  const toPath = (file: string) =>
    "/" +
    path
      .relative(appDir, path.dirname(file))
      .split(path.sep)
      .filter((segment) => segment && !/^\(.*\)$/.test(segment))
      .map((segment) => (/^\[.*\]$/.test(segment) ? fill(segment) : segment))
      .join("/");
  const files = walk(appDir);
  const routes = files
    .filter((file) => /\/route\.ts$/.test(file))
    .map((file) => ({
      path: toPath(file),
      methods: [...readFileSync(file, "utf8").matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b|export \{ handler as (GET)/g)].map(
        (match) => match[1] ?? match[2]!,
      ),
    }));
  const pages = files.filter((file) => /\/page\.tsx$/.test(file)).map(toPath);
  return { routes, pages };
}

/** B's data must never leak; anything aimed at B's report must be refused outright. */
function assertRefused(status: number, body: string, where: string, isAimedAtForeignReport: boolean): void {
  expect(body, where).not.toContain(MARKER);
  expect(body, where).not.toContain(FOREIGN_USERNAME);
  if (isAimedAtForeignReport || where.startsWith("signed-out")) {
    expect([302, 303, 307, 308, 401, 403, 404, 405, 409, 413, 422], `${where} answered ${status}`).toContain(status);
  }
}

describe.skipIf(Boolean(unavailable))("[AUTHZ]: every route, page and server action refuses signed-out visitors and other agencies", () => {
  let app: AppServer;
  let browser: Browser;
  let foreignReportId = "";

  beforeAll(async () => {
    app = await startApp({
      seed: async (db) => {
        await seedUser(db, { username: "agency-a", roles: ["admin", "drafter", "reviewer", "approver", "supervisor"] });
        const owner = await seedUser(db, { username: FOREIGN_USERNAME, roles: ["drafter"] });
        const content = createReportFromTemplate(getTemplate("department"), { agency: owner.agencyName, year: 2025 });
        content.meta.title = `${MARKER}年度报告`;
        foreignReportId = (await insertReport({ db, user: owner, content, source: "test" })).reportId;
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await disposeApp(app);
  });

  async function walkAll(request: APIRequestContext, who: string): Promise<number> {
    const { routes, pages } = listEndpoints(() => foreignReportId);
    let checked = 0;
    const headers = { Origin: app.baseUrl };
    for (const route of routes) {
      if (PUBLIC_ROUTES.some((pattern) => pattern.test(route.path))) continue;
      for (const method of route.methods) {
        const response = await request.fetch(`${app.baseUrl}${route.path}?format=docx`, {
          method,
          headers,
          data: method === "GET" ? undefined : "{}",
          maxRedirects: 0,
        });
        assertRefused(response.status(), await response.text(), `${who} ${method} ${route.path}`, route.path.includes(foreignReportId));
        checked += 1;
      }
    }
    for (const page of pages) {
      if (PUBLIC_PAGES.includes(page)) continue;
      const response = await request.get(`${app.baseUrl}${page}`, { maxRedirects: 0 });
      assertRefused(response.status(), await response.text(), `${who} GET ${page}`, page.includes(foreignReportId));
      checked += 1;
    }
    const manifest = JSON.parse(
      readFileSync(path.join(REPO_ROOT, process.env.NIANBAO_DIST_DIR || ".next", "server/server-reference-manifest.json"), "utf8"),
    ) as {
      node: Record<string, { workers: Record<string, unknown>; exportedName: string; filename: string }>;
    };
    for (const [actionId, action] of Object.entries(manifest.node)) {
      const worker = Object.keys(action.workers)[0] ?? "app/page";
      const pagePath =
        "/" +
        worker
          .replace(/^app\//, "")
          .replace(/\/page$/, "")
          .split("/")
          .filter((segment) => !/^\(.*\)$/.test(segment))
          .map((segment) => (/^\[.*\]$/.test(segment) ? foreignReportId : segment))
          .join("/");
      // Every id a verb might act on names the other agency's report, so a success would mean a breach.
      const args = [
        { reportId: foreignReportId, id: foreignReportId, fromReportId: foreignReportId, content: {}, year: 2026, templateId: "department", mode: "as-is" },
      ];
      const response = await request.post(`${app.baseUrl}${pagePath}`, {
        headers: { ...headers, "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        data: JSON.stringify(args),
        maxRedirects: 0,
      });
      const body = await response.text();
      const where = `${who} action ${action.filename}#${action.exportedName}`;
      expect(body, where).not.toContain(MARKER);
      expect(body, where).not.toContain(FOREIGN_USERNAME);
      expect(body, where).not.toContain('"ok":true');
      checked += 1;
    }
    return checked;
  }

  it("refuses a signed-out visitor everywhere", async () => {
    const context = await browser.newContext();
    const checked = await walkAll(context.request, "signed-out");
    expect(checked).toBeGreaterThan(8);
    await context.close();
  });

  it("refuses a user of another agency everywhere, and leaves the report untouched", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "agency-a", SEED_PASSWORD);
    const checked = await walkAll(context.request, "other agency");
    expect(checked).toBeGreaterThan(8);
    await context.close();

    const ownerContext = await browser.newContext();
    const ownerPage = await ownerContext.newPage();
    await signIn(ownerPage, app.baseUrl, FOREIGN_USERNAME, SEED_PASSWORD);
    const response = await ownerContext.request.get(`${app.baseUrl}/api/reports/${foreignReportId}/content`);
    const json = (await response.json()) as { data: { revision: number; status: string; content: { meta: { title: string } } } };
    expect(json.data).toMatchObject({ revision: 1, status: "draft" });
    expect(json.data.content.meta.title).toContain(MARKER);
    await ownerContext.close();
  });
});
