import { DatabaseUnavailableError } from "@/lib/db/client";
import { errorBody, errorResponse, ForbiddenError, ReportError, toErrorBody, type ErrorBody } from "@/lib/errors";
import { ExportError } from "@/lib/export/options";

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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** PostgreSQL's jsonb refuses NUL and unpaired surrogates (a 500 on save): drop NUL, show a lone half as U+FFFD. */
function storableText(value: string): string {
  return value.replace(/\u0000/g, "").replace(LONE_SURROGATE, "\uFFFD");
}

/**
 * Reads a body while counting: the stream is cancelled as soon as it passes `maxBytes`, whatever
 * Content-Length said (a chunked upload has none), so an oversized body is never held whole.
 */
export async function readBodyBytes(
  request: Request,
  maxBytes: number,
  userMessage = `提交的内容超过 ${Math.round(maxBytes / 1024 / 1024)} MB 上限`,
): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = new ReportError("TOO_LARGE", "body too large", { userMessage });
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** Reads a multipart form no larger than `maxBytes` (counted while streaming). */
export async function readFormBody(request: Request, maxBytes: number, userMessage?: string): Promise<FormData | null> {
  const bytes = await readBodyBytes(request, maxBytes, userMessage);
  return new Response(bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData().catch(() => null);
}

/** Reads a JSON body no larger than `maxBytes`; larger or malformed bodies get a clear message. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const text = new TextDecoder().decode(await readBodyBytes(request, maxBytes));
  try {
    return JSON.parse(text, (_key, value: unknown) => (typeof value === "string" ? storableText(value) : value));
  } catch (error) {
    throw new ReportError("INVALID_INPUT", "invalid json", { userMessage: "提交的内容不是有效的 JSON", cause: error });
  }
}

/** SQLSTATE and errno codes meaning "the database cannot write right now" (disk full, read-only). */
const STORAGE_CODES = new Set(["53100", "53000", "25006", "ENOSPC", "EROFS", "EACCES", "EPERM", "EDQUOT"]);
const STORAGE_TEXT = /no space left|read-only|only read|could not (extend|write)|permission denied/i;

function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function fieldOf(link: unknown, field: "code" | "message"): string {
  return String((link as Record<string, unknown>)[field] ?? "");
}

/**
 * Every error as the one failure answer: domain errors as they say; export, database and unexpected
 * failures as a Chinese message (never Next's bare 500), with the cause logged. Actions and routes share it.
 */
export function toErrorBodyOrInternal(error: unknown): ErrorBody {
  const expected = toErrorBody(error);
  if (expected) return expected;
  if (error instanceof ExportError) {
    console.error(`[export] ${error.code}: ${error.message}`);
    return errorBody(`EXPORT_${error.code}`, error.message);
  }
  const chain = errorChain(error);
  // A malformed id (not a uuid) names no record: answer as for a missing one, never 500.
  if (chain.some((link) => fieldOf(link, "code") === "22P02")) return errorBody("NOT_FOUND", "报告不存在或无权访问");
  console.error("[route] unexpected error:", error);
  if (chain.some((link) => link instanceof DatabaseUnavailableError)) {
    return errorBody("DATABASE_UNAVAILABLE", "数据库暂时无法打开，本次操作未完成。已输入的内容仍暂存在本机浏览器中，请联系系统管理员。");
  }
  if (chain.some((link) => STORAGE_CODES.has(fieldOf(link, "code")) || STORAGE_TEXT.test(fieldOf(link, "message")))) {
    return errorBody("STORAGE_UNAVAILABLE", "服务器存储空间不足或不可写，本次保存未成功。已输入的内容仍暂存在本机浏览器中，请联系系统管理员。");
  }
  return errorBody("INTERNAL", "服务器内部错误，本次操作未完成，请稍后重试。");
}

/** The route handlers' one catch-all: the failure answer with its code's HTTP status. */
export function toRouteErrorResponse(error: unknown): Response {
  return errorResponse(toErrorBodyOrInternal(error));
}
