import { ZodError } from "zod";

/** Error codes shared by verbs, actions and routes. */
export type ReportErrorCode =
  /** Not signed in. */
  | "UNAUTHENTICATED"
  /** Signed in, but the role may not do this. */
  | "FORBIDDEN"
  /** Missing, or belongs to another agency (never tell the two apart). */
  | "NOT_FOUND"
  /** Input failed validation. */
  | "INVALID_INPUT"
  /** A save based on an older revision. */
  | "CONFLICT"
  /** The report's state does not allow this (e.g. locked after sign-off). */
  | "INVALID_STATE"
  /** Too many attempts. */
  | "RATE_LIMITED"
  /** Request body or upload over the size limit. */
  | "TOO_LARGE"
  | "INTERNAL";

export class ReportError extends Error {
  readonly userMessage: string;
  constructor(
    readonly code: ReportErrorCode,
    message: string,
    options: { userMessage?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "ReportError";
    this.userMessage = options.userMessage ?? message;
  }
}

export class NotFoundError extends ReportError {
  constructor(what = "记录") {
    super("NOT_FOUND", `${what}不存在`, { userMessage: `${what}不存在或无权访问` });
  }
}

export class ForbiddenError extends ReportError {
  constructor(userMessage = "当前角色无权执行此操作") {
    super("FORBIDDEN", userMessage, { userMessage });
  }
}

export class UnauthenticatedError extends ReportError {
  constructor() {
    super("UNAUTHENTICATED", "未登录", { userMessage: "请先登录" });
  }
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: ReportErrorCode; message: string; fieldErrors?: Record<string, string[]> };

/** The one mapper from thrown errors to action results; unexpected errors are rethrown. */
export function toActionResult(error: unknown): { ok: false; code: ReportErrorCode; message: string; fieldErrors?: Record<string, string[]> } {
  if (error instanceof ReportError) return { ok: false, code: error.code, message: error.userMessage };
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const key = issue.path.join(".") || "_";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { ok: false, code: "INVALID_INPUT", message: "输入有误，请检查标出的字段", fieldErrors };
  }
  throw error;
}

const HTTP_STATUS: Record<ReportErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 422,
  CONFLICT: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  INTERNAL: 500,
};

/** The one mapper from thrown errors to HTTP responses in route handlers. */
export function toHttpResponse(error: unknown): Response {
  const result = toActionResult(error);
  return Response.json({ error: { code: result.code, message: result.message, fieldErrors: result.fieldErrors } }, { status: HTTP_STATUS[result.code] });
}
