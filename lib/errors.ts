import { z, ZodError } from "zod";

/**
 * Every error code an action or a route answers with. The client parses answers against this list, so a
 * code is added here first; `ReportError` may carry any of them.
 */
export const ERROR_CODES = [
  /** Not signed in. */
  "UNAUTHENTICATED",
  /** Signed in, but the role may not do this. */
  "FORBIDDEN",
  /** Missing, or belongs to another agency (never tell the two apart). */
  "NOT_FOUND",
  /** Input failed validation. */
  "INVALID_INPUT",
  /** A save based on an older revision; the answer carries the stored version in `current`. */
  "CONFLICT",
  /** The report's state does not allow this (e.g. locked after sign-off). */
  "INVALID_STATE",
  /** Too many attempts, or the job queue is full. */
  "RATE_LIMITED",
  /** Request body or upload over the size limit. */
  "TOO_LARGE",
  /** The export cannot represent a node of the report. */
  "EXPORT_UNSUPPORTED_NODE",
  /** The PDF or DOCX engine failed. */
  "EXPORT_ENGINE_FAILED",
  /** The export ran past its time limit. */
  "EXPORT_TIMEOUT",
  /** No usable font for a role. */
  "EXPORT_FONTS_MISSING",
  /** Too many exports at once. */
  "EXPORT_BUSY",
  /** The database cannot be opened. */
  "DATABASE_UNAVAILABLE",
  /** The database cannot write (disk full, read-only). */
  "STORAGE_UNAVAILABLE",
  /** Anything unexpected (logged on the server, never described to the user). */
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status of each code; actions carry the code only. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 422,
  CONFLICT: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  EXPORT_UNSUPPORTED_NODE: 422,
  EXPORT_ENGINE_FAILED: 500,
  EXPORT_TIMEOUT: 504,
  EXPORT_FONTS_MISSING: 500,
  EXPORT_BUSY: 503,
  DATABASE_UNAVAILABLE: 503,
  STORAGE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The root of the hierarchy: an expected failure with a code and a message the user may read. */
export class ReportError extends Error {
  readonly userMessage: string;
  /** What the client needs to recover (the stored version on a conflict); sent as `current`. */
  readonly current?: unknown;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { userMessage?: string; cause?: unknown; current?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "ReportError";
    this.userMessage = options.userMessage ?? message;
    if (options.current !== undefined) this.current = options.current;
  }
}

export class NotFoundError extends ReportError {
  constructor(what = "记录") {
    super("NOT_FOUND", `${what}不存在`, { userMessage: `${what}不存在或无权访问` });
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends ReportError {
  constructor(userMessage = "当前角色无权执行此操作") {
    super("FORBIDDEN", userMessage, { userMessage });
    this.name = "ForbiddenError";
  }
}

export class UnauthenticatedError extends ReportError {
  constructor() {
    super("UNAUTHENTICATED", "未登录", { userMessage: "请先登录" });
    this.name = "UnauthenticatedError";
  }
}

/** The one failure answer of actions and routes. */
export const errorBodySchema = z.object({
  ok: z.literal(false),
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  current: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The one answer of actions and JSON routes: `{ ok: true, data }` or an `ErrorBody`. */
export type ActionResult<T> = { ok: true; data: T } | ErrorBody;

const successShape = z.object({ ok: z.literal(true), data: z.unknown() });

/** Parses a value as the envelope with the given `data` schema; undefined when it is not one. */
export function parseEnvelope<T extends z.ZodType>(value: unknown, data: T): ActionResult<z.output<T>> | undefined {
  const failure = errorBodySchema.safeParse(value);
  if (failure.success) return failure.data;
  const success = successShape.safeParse(value);
  if (!success.success) return undefined;
  const parsed = data.safeParse(success.data.data);
  return parsed.success ? { ok: true, data: parsed.data } : undefined;
}

/** Builds the failure answer; `message` must be fit for the user. */
export function errorBody(code: ErrorCode, message: string, extra: { fieldErrors?: Record<string, string[]>; current?: unknown } = {}): ErrorBody {
  return {
    ok: false,
    code,
    message,
    ...(extra.fieldErrors ? { fieldErrors: extra.fieldErrors } : {}),
    ...(extra.current !== undefined ? { current: extra.current } : {}),
  };
}

/** The mapper of expected errors (ReportError, ZodError) to the failure answer; returns undefined for anything else. */
export function toErrorBody(error: unknown): ErrorBody | undefined {
  if (error instanceof ReportError) return errorBody(error.code, error.userMessage, { current: error.current });
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const key = issue.path.join(".") || "_";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return errorBody("INVALID_INPUT", "输入有误，请检查标出的字段", { fieldErrors });
  }
  return undefined;
}

/**
 * For a record a page may legitimately not find (a stale or edited link): null when it is missing or the id
 * is malformed. Everything else (the database down, a bug) still throws to the error page.
 */
export async function nullWhenMissing<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    const body = toErrorBody(error);
    if (body?.code === "NOT_FOUND" || body?.code === "INVALID_INPUT") return null;
    throw error;
  }
}

/** Expected errors as an action result; unexpected errors are rethrown (actions use `defineAction`, which maps them too). */
export function toActionResult(error: unknown): ErrorBody {
  const body = toErrorBody(error);
  if (!body) throw error;
  return body;
}

/** An error body as an HTTP response with the code's status. */
export function errorResponse(body: ErrorBody): Response {
  return Response.json(body, { status: HTTP_STATUS[body.code] });
}

/**
 * The client's reader of an answer: parses the JSON body against the envelope. A body that is not JSON or
 * not the envelope (a proxy's error page, a cut connection) becomes an `INTERNAL` failure naming the status.
 */
export async function readEnvelope<T extends z.ZodType>(response: Response, data: T): Promise<ActionResult<z.output<T>>> {
  const json: unknown = await response.json().catch(() => undefined);
  return parseEnvelope(json, data) ?? errorBody("INTERNAL", `服务器返回了无法识别的结果（${response.status}）`);
}
