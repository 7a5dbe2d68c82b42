import { createRequire } from "node:module";
import path from "node:path";

import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { contentSecurityPolicy } from "@/lib/csp";

import { config, proxy } from "../../../proxy";

const require = createRequire(import.meta.url);

interface HeaderRule {
  source: string;
  headers: Array<{ key: string; value: string }>;
}

async function nextConfigHeaders(): Promise<HeaderRule[]> {
  const nextConfig = require(path.resolve(__dirname, "../../../next.config.js")) as { headers(): Promise<HeaderRule[]> };
  return nextConfig.headers();
}

describe("[CSP] policy per request", () => {
  it("gives every page request its own nonce, on the response and on the request Next.js renders from", () => {
    const policies = [0, 1].map(() => {
      const response = proxy(new NextRequest("http://127.0.0.1:3000/reports"));
      const policy = response.headers.get("content-security-policy")!;
      // NextResponse.next({ request: { headers } }) hands the request headers on as x-middleware-request-*.
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
      return policy;
    });
    for (const policy of policies) {
      expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='(;|$)/);
      expect(policy.split("; ").find((directive) => directive.startsWith("script-src"))).not.toContain("unsafe");
    }
    expect(policies[0]).not.toBe(policies[1]);
  });

  it("refuses a server action without a same-origin Origin, and lets one with it through", async () => {
    const refused = proxy(new NextRequest("http://127.0.0.1:3000/reports", { method: "POST", headers: { "next-action": "abc", host: "127.0.0.1:3000" } }));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "FORBIDDEN", message: "请求来源无法确认，已拒绝" } });
    const foreign = proxy(
      new NextRequest("http://127.0.0.1:3000/reports", {
        method: "POST",
        headers: { "next-action": "abc", host: "127.0.0.1:3000", origin: "http://evil.example" },
      }),
    );
    expect(foreign.status).toBe(403);
    const same = proxy(
      new NextRequest("http://127.0.0.1:3000/reports", {
        method: "POST",
        headers: { "next-action": "abc", host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" },
      }),
    );
    expect(same.headers.get("x-middleware-next")).toBe("1");
  });

  it("keeps API routes out of the proxy (their bodies stream against their own limits) and gives them the same policy without a nonce", async () => {
    const matcher = new RegExp(`^${config.matcher[0]!.source}$`);
    for (const page of ["/", "/login", "/reports/abc/history", "/no-such-page"]) expect(matcher.test(page), page).toBe(true);
    for (const other of ["/api/reports/import", "/api/health", "/_next/static/chunks/a.js", "/icon.svg"]) expect(matcher.test(other), other).toBe(false);
    const api = (await nextConfigHeaders()).find((rule) => rule.headers.some((header) => header.key === "Content-Security-Policy"))!;
    expect(api.source).toBe("/api/((?!publication/).*)");
    expect(api.headers[0]!.value).toBe(contentSecurityPolicy(undefined));
    expect(contentSecurityPolicy(undefined)).toContain("script-src 'self'; ");
  });
});
