// Next.js proxy (middleware): a per-request CSP nonce for every page, and the Origin check for server actions.
import { NextResponse, type NextRequest } from "next/server";

import { contentSecurityPolicy } from "./lib/csp";

/**
 * Next.js refuses a server action whose Origin names another host, but runs one that sends no Origin at
 * all. Browsers always send Origin on these POSTs, so a call without one (or with a foreign one) is refused.
 */
function isSameOriginAction(request: NextRequest): boolean {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const origin = request.headers.get("origin");
  let originHost: string | undefined;
  try {
    originHost = origin ? new URL(origin).host : undefined;
  } catch {
    originHost = undefined;
  }
  return Boolean(host && originHost && originHost === host);
}

/** 128 random bits, base64: unguessable and fresh for every request. */
function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function proxy(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  if (request.headers.has("next-action") && !isSameOriginAction(request)) {
    // The same shape as the route handlers' errors; no `ok` key, which only an action's own result carries.
    const refused = NextResponse.json({ error: { code: "FORBIDDEN", message: "请求来源无法确认，已拒绝" } }, { status: 403 });
    refused.headers.set("Content-Security-Policy", policy);
    return refused;
  }
  // Next.js reads the nonce from the request's CSP header while rendering and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages and server actions only. Next.js copies the body of every request a proxy sees (and waits for all of
  // it), so API routes, which stream uploads against their own limits (lib/http.ts), stay out; they get the same
  // policy without a nonce from next.config.js. Static files carry no inline script.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|icon\\.svg|favicon\\.ico).*)" }],
};
