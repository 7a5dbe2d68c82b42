// Next.js proxy (middleware): runs only for server-action calls (requests carrying a Next-Action header).
import { NextResponse, type NextRequest } from "next/server";

/**
 * Next.js refuses a server action whose Origin names another host, but runs one that sends no Origin at
 * all. Browsers always send Origin on these POSTs, so a call without one (or with a foreign one) is refused.
 */
export function proxy(request: NextRequest): NextResponse {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const origin = request.headers.get("origin");
  let originHost: string | undefined;
  try {
    originHost = origin ? new URL(origin).host : undefined;
  } catch {
    originHost = undefined;
  }
  if (!host || !originHost || originHost !== host) {
    // The same shape as the route handlers' errors; no `ok` key, which only an action's own result carries.
    return NextResponse.json({ error: { code: "FORBIDDEN", message: "请求来源无法确认，已拒绝" } }, { status: 403 });
  }
  return NextResponse.next();
}

export const config = {
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
