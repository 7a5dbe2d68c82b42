import type { Report } from "@/lib/report-model";
import type { SavedRevision } from "@/lib/schemas/report";

/** What a save attempt came to, as the autosave controller needs it. */
export type SaveOutcome =
  | { kind: "saved"; saved: SavedRevision }
  | { kind: "conflict"; current: SavedRevision & { content: Report } }
  /** Worth retrying: no answer, a gateway or server error, rate limiting. */
  | { kind: "retry"; message: string }
  /** Retrying the same content will not help; wait for the user. */
  | { kind: "rejected"; message: string; isLocked?: boolean };

function messageOf(body: unknown): string | undefined {
  if (!body || typeof body !== "object") return undefined;
  const record = body as { message?: unknown; error?: { message?: unknown } };
  if (typeof record.message === "string") return record.message;
  if (typeof record.error?.message === "string") return record.error.message;
  return undefined;
}

function isSavedRevision(value: unknown): value is SavedRevision {
  const record = value as Partial<SavedRevision> | null;
  return !!record && typeof record.revision === "number" && typeof record.updatedAt === "string";
}

/** Maps an HTTP answer of PUT /api/reports/:id/content to an outcome. */
export function classifySaveResponse(status: number, body: unknown): SaveOutcome {
  const record = (body ?? {}) as { ok?: boolean; data?: unknown; code?: string; current?: unknown };
  if (status >= 200 && status < 300 && record.ok !== false && isSavedRevision(record.data)) {
    return { kind: "saved", saved: record.data };
  }
  if (status === 409 && record.code === "CONFLICT" && isSavedRevision(record.current)) {
    return { kind: "conflict", current: record.current as SavedRevision & { content: Report } };
  }
  if (status === 401) return { kind: "rejected", message: "登录已过期，请重新登录后继续（修改已暂存在本机）" };
  if (status === 403) return { kind: "rejected", message: messageOf(body) ?? "当前角色无权修改此报告" };
  if (status === 404) return { kind: "rejected", message: "报告不存在或无权访问" };
  if (status === 422) return { kind: "rejected", message: `保存失败：${messageOf(body) ?? "内容不符合要求"}` };
  if (status === 409) {
    const code = (record as { error?: { code?: unknown } }).error?.code;
    return { kind: "rejected", message: messageOf(body) ?? "报告当前状态不允许修改", isLocked: code === "INVALID_STATE" };
  }
  if (status === 408 || status === 429 || status >= 500 || status === 0) {
    return { kind: "retry", message: `服务器暂时无法保存（${status}）` };
  }
  if (status >= 200 && status < 300) return { kind: "retry", message: "服务器返回了无法识别的结果" };
  return { kind: "rejected", message: messageOf(body) ?? `保存失败（${status}）` };
}

/** Backoff before retry number `attempt` (1-based): 1 s, 2 s, 4 s … capped at 15 s (a restarted server is picked up soon). */
export function retryDelayMs(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, attempt - 1));
}
