import { ForbiddenError, ReportError } from "@/lib/errors";

/** Refuses cross-site writes: the Origin (or Referer) must name this host. */
export function assertSameOrigin(request: Request): void {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const origin = request.headers.get("origin") ?? request.headers.get("referer");
  if (!host || !origin) throw new ForbiddenError("请求来源无法确认，已拒绝");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ForbiddenError("请求来源无法确认，已拒绝");
  }
  if (originHost !== host) throw new ForbiddenError("跨站请求已拒绝");
}

/** Reads a JSON body no larger than `maxBytes`; larger or malformed bodies get a clear message. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const tooLarge = new ReportError("TOO_LARGE", "body too large", { userMessage: `提交的内容超过 ${Math.round(maxBytes / 1024 / 1024)} MB 上限` });
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge;
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ReportError("INVALID_INPUT", "invalid json", { userMessage: "提交的内容不是有效的 JSON", cause: error });
  }
}
