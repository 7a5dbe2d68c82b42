import { parseEnvelope } from "@/lib/errors";
import { savedRevisionSchema, storedRevisionSchema, type SavedRevision, type StoredRevision } from "@/lib/schemas/report";

/** What a save attempt came to, as the autosave controller needs it. */
export type SaveOutcome =
  | { kind: "saved"; saved: SavedRevision }
  | { kind: "conflict"; current: StoredRevision }
  /** Worth retrying: no answer, a gateway or server error, rate limiting. */
  | { kind: "retry"; message: string }
  /** Retrying the same content will not help; wait for the user. */
  | { kind: "rejected"; message: string; isLocked?: boolean };

/** Maps an HTTP answer of PUT /api/reports/:id/content, parsed as the envelope, to an outcome. */
export function classifySaveResponse(status: number, body: unknown): SaveOutcome {
  const answer = parseEnvelope(body, savedRevisionSchema);
  if (answer?.ok) return status >= 200 && status < 300 ? { kind: "saved", saved: answer.data } : { kind: "retry", message: `服务器暂时无法保存（${status}）` };
  if (answer?.code === "CONFLICT") {
    const current = storedRevisionSchema.safeParse(answer.current);
    if (current.success) return { kind: "conflict", current: current.data };
  }
  const message = answer?.message;
  if (status === 401) return { kind: "rejected", message: "登录已过期，请重新登录后继续（修改已暂存在本机）" };
  if (status === 403) return { kind: "rejected", message: message ?? "当前角色无权修改此报告" };
  if (status === 404) return { kind: "rejected", message: "报告不存在或无权访问" };
  if (status === 422) return { kind: "rejected", message: `保存失败：${message ?? "内容不符合要求"}` };
  if (status === 409) return { kind: "rejected", message: message ?? "报告当前状态不允许修改", isLocked: answer?.code === "INVALID_STATE" };
  if (status === 408 || status === 429 || status >= 500 || status === 0) {
    return { kind: "retry", message: `服务器暂时无法保存（${status}）` };
  }
  if (status >= 200 && status < 300) return { kind: "retry", message: "服务器返回了无法识别的结果" };
  return { kind: "rejected", message: message ?? `保存失败（${status}）` };
}

/** Backoff before retry number `attempt` (1-based): 1 s, 2 s, 4 s … capped at 15 s (a restarted server is picked up soon). */
export function retryDelayMs(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, attempt - 1));
}
