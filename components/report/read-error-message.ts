import { errorBodySchema } from "@/lib/errors";

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

/** A Chinese message for a failed response: the server's own message when it sent the failure envelope. */
export async function readErrorMessage(response: Response, fallback: string): Promise<string> {
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined);
  const failure = errorBodySchema.safeParse(body);
  // Not the envelope (a proxy's HTML page): say what the status means.
  const message = failure.success ? failure.data.message : (STATUS_MESSAGES[response.status] ?? `错误代码 ${response.status}`);
  return `${fallback}：${message}`;
}
