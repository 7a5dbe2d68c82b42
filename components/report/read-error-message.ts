const STATUS_MESSAGES: Record<number, string> = {
  401: "登录已过期，请重新登录",
  403: "当前角色无权执行此操作",
  404: "报告不存在或无权访问",
  413: "内容过大，无法处理",
  429: "操作过于频繁，请稍后再试",
  500: "服务器出错，请稍后再试",
  502: "服务器暂时不可用，请稍后再试",
  503: "服务器暂时不可用，请稍后再试",
  504: "服务器响应超时，请稍后再试",
};

/** A Chinese message for a failed response: the server's own message when it sent one. */
export async function readErrorMessage(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.clone().json()) as { message?: unknown; error?: { message?: unknown } };
    const message = typeof body.error?.message === "string" ? body.error.message : typeof body.message === "string" ? body.message : "";
    if (message) return `${fallback}：${message}`;
  } catch {
    // Not JSON (a proxy's HTML page): fall back to the status.
  }
  return `${fallback}：${STATUS_MESSAGES[response.status] ?? `错误代码 ${response.status}`}`;
}
