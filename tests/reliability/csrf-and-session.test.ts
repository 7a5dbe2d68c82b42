import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createUserSchema } from "@/lib/schemas/account";
import { errorBodySchema } from "@/lib/errors";

import { SEED_PASSWORD } from "../fixtures/factories";

import { attemptSignIn, signInApi, type ApiSession } from "./helpers/api-session";
import { startReliabilityApp, type ReliabilityApp } from "./helpers/reliability-app";
import { listServerActions, serverActionId } from "./helpers/server-actions";

const EVIL = "http://evil.example";

describe("[CSRF] cross-site writes, session cookies, headers and sign-in", () => {
  let subject: ReliabilityApp;
  let session: ApiSession;

  beforeAll(async () => {
    subject = await startReliabilityApp({ kind: "pglite", editorCount: 2 });
    session = await signInApi(subject.app.baseUrl, subject.editors[0]!.user.username, SEED_PASSWORD);
  });
  afterAll(async () => {
    await subject?.dispose();
  });

  it("[CSRF]: every state-changing route handler refuses a foreign or missing Origin with 403 JSON", async () => {
    const reportId = subject.editors[0]!.reportId;
    const writes = [
      { method: "PUT", path: `/api/reports/${reportId}/content`, body: JSON.stringify({ baseRevision: 1, content: subject.editors[0]!.content }) },
      { method: "POST", path: `/api/reports/${reportId}/preview`, body: JSON.stringify({}) },
      { method: "POST", path: "/api/reports/import", body: JSON.stringify({ text: "一、工作情况\n依法行政" }) },
    ];
    for (const write of writes) {
      for (const origin of [{ Origin: EVIL }, { Origin: "null" }, { Origin: "", Referer: `${EVIL}/page` }] as Array<Record<string, string>>) {
        const response = await session.request(write.path, { method: write.method, body: write.body, headers: origin });
        expect(response.status, `${write.method} ${write.path} ${JSON.stringify(origin)}`).toBe(403);
        expect(errorBodySchema.parse(await response.json()).message).toMatch(/拒绝/);
      }
    }
    const [row] = await (async () => {
      const read = await session.request(`/api/reports/${reportId}/content`);
      return [((await read.json()) as { data: { revision: number } }).data];
    })();
    expect(row!.revision).toBe(1);
  });

  it("[CSRF]: server actions refuse a cross-origin call and accept the same call from the app's origin", async () => {
    const editor = subject.editors[1]!;
    const own = await signInApi(subject.app.baseUrl, editor.user.username, SEED_PASSWORD);
    const submitId = serverActionId("app/(workspace)/reports/[reportId]/actions.ts", "submitReportAction");
    const call = (origin: string, id = submitId) =>
      own.request(`/reports/${editor.reportId}`, {
        method: "POST",
        body: JSON.stringify([{ reportId: editor.reportId }]),
        headers: { Origin: origin, "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      });
    const statusOf = async (): Promise<string> => {
      const response = await own.request(`/api/reports/${editor.reportId}/content`);
      return ((await response.json()) as { data: { status: string } }).data.status;
    };
    for (const action of listServerActions()) {
      const response = await call(EVIL, action.id);
      const text = await response.text();
      expect(response.status, `${action.file}#${action.name}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(text).not.toMatch(/"ok":/);
    }
    expect(await statusOf()).toBe("draft");
    // The same request from the app's own origin reaches the action (it answers with its result union).
    const sameOrigin = await call(subject.app.baseUrl);
    expect(sameOrigin.status).toBe(200);
    expect(await sameOrigin.text()).toMatch(/"ok":(true|false)/);
  });

  it("[SESSION]: the session cookie is HttpOnly and SameSite=Lax, without Secure on plain http", () => {
    const line = session.signInSetCookies.find((cookie) => cookie.startsWith("next-auth.session-token="));
    expect(line).toBeDefined();
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
    expect(line).toMatch(/;\s*Path=\//i);
    expect(line).not.toMatch(/;\s*Secure/i);
  });

  it("[HEADERS]: pages and API answers carry CSP with frame-ancestors 'none', nosniff, DENY and a referrer policy", async () => {
    for (const path of ["/login", "/api/health", `/reports/${subject.editors[0]!.reportId}`, "/reports"]) {
      const response = await session.request(path);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain("unsafe-eval");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("referrer-policy")).toBe("same-origin");
      expect(response.headers.get("x-powered-by")).toBeNull();
    }
  });

  it("[AUTH]: a wrong password and an unknown username get the same message", async () => {
    const known = subject.editors[1]!.user.username;
    const timings = { known: [] as number[], unknown: [] as number[] };
    const errors = new Set<string | null>();
    for (let round = 0; round < 4; round++) {
      const wrong = await attemptSignIn(subject.app.baseUrl, known, `wrong-password-${round}`);
      const missing = await attemptSignIn(subject.app.baseUrl, `nobody-${round}-zhang`, `wrong-password-${round}`);
      timings.known.push(wrong.ms);
      timings.unknown.push(missing.ms);
      errors.add(wrong.error);
      errors.add(missing.error);
    }
    expect([...errors]).toEqual(["用户名或密码错误"]);
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    // Printed, not asserted (no timed assertions in tests): that an unknown name costs the same full bcrypt
    // comparison as a wrong password is checked deterministically in tests/integration/accounts.test.ts.
    console.info(`[AUTH] median sign-in failure: existing user ${median(timings.known).toFixed(0)} ms, unknown user ${median(timings.unknown).toFixed(0)} ms`);
  });

  it("[AUTH]: passwords shorter than 10 characters are refused", () => {
    const base = { username: "wang.fang", displayName: "王芳", roles: ["drafter"] };
    expect(createUserSchema.safeParse({ ...base, password: "123456789" }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...base, password: "1234567890" }).success).toBe(true);
  });
});

describe("[SESSION] behind HTTPS", () => {
  let subject: ReliabilityApp;
  beforeAll(async () => {
    subject = await startReliabilityApp({ kind: "pglite", env: { NEXTAUTH_URL: "https://nianbao.example.gov.cn" } });
  });
  afterAll(async () => {
    await subject?.dispose();
  });

  it("[SESSION]: with an https NEXTAUTH_URL the cookie is __Secure-prefixed and Secure", async () => {
    const editor = subject.editors[0]!;
    const session = await signInApi(subject.app.baseUrl, editor.user.username, SEED_PASSWORD, { origin: "https://nianbao.example.gov.cn" }).catch(() => null);
    const lines = session?.signInSetCookies ?? [];
    const line = lines.find((cookie) => cookie.startsWith("__Secure-next-auth.session-token="));
    expect(line, lines.join("\n")).toBeDefined();
    expect(line).toMatch(/;\s*Secure/i);
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
  });
});
