import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { errorBodySchema, ForbiddenError, NotFoundError, nullWhenMissing, parseEnvelope, readEnvelope, UnauthenticatedError } from "@/lib/errors";

const calls: string[] = [];
let signedIn: "none" | "reader" | "drafter" = "drafter";

vi.mock("@/lib/auth", () => ({
  requireUser: async (action: string) => {
    calls.push(`session:${action}`);
    if (signedIn === "none") throw new UnauthenticatedError();
    if (signedIn === "reader" && action !== "report.read") throw new ForbiddenError();
    return { id: "u-1", agencyId: "a-1", roles: ["drafter"] };
  },
}));
vi.mock("@/lib/db", () => ({ getDb: async () => ({ kind: "db" }) }));

const { defineAction } = await import("@/lib/actions/define-action");

const renameSchema = z.object({ title: z.string().min(2, "标题至少2个字") });

function renameAction(verb: (title: string) => Promise<string>) {
  return defineAction({
    permission: "report.edit",
    schema: z.object({ title: z.string().transform((value) => (calls.push("schema"), value)) }).pipe(renameSchema),
    run: async ({ input }) => {
      calls.push("verb");
      return { title: await verb(input.title) };
    },
    onSuccess: () => calls.push("revalidate"),
  });
}

beforeEach(() => {
  calls.length = 0;
  signedIn = "drafter";
});

describe("[ACTIONS]: defineAction — session, then schema, then verb, every error as the envelope", () => {
  it("runs session, schema, verb and revalidation in that order and answers ok with the verb's data", async () => {
    const result = await renameAction(async (title) => `${title}（修订）`)({ title: "年度报告" });
    expect(result).toEqual({ ok: true, data: { title: "年度报告（修订）" } });
    expect(calls).toEqual(["session:report.edit", "schema", "verb", "revalidate"]);
  });

  it("checks the session before it reads the input: a signed-out caller learns nothing about the schema", async () => {
    signedIn = "none";
    const result = await renameAction(async (title) => title)({ title: "" });
    expect(result).toEqual({ ok: false, code: "UNAUTHENTICATED", message: "请先登录" });
    expect(calls).toEqual(["session:report.edit"]);
  });

  it("refuses a role that may not act, before the verb", async () => {
    signedIn = "reader";
    const result = await renameAction(async (title) => title)({ title: "年度报告" });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(calls).not.toContain("verb");
  });

  it("answers invalid input with field errors and never calls the verb", async () => {
    const result = await renameAction(async (title) => title)({ title: "年" });
    expect(result).toEqual({ ok: false, code: "INVALID_INPUT", message: "输入有误，请检查标出的字段", fieldErrors: { title: ["标题至少2个字"] } });
    expect(calls).not.toContain("verb");
  });

  it("maps a domain error of the verb to its code and user message", async () => {
    const result = await renameAction(async () => {
      throw new NotFoundError("报告");
    })({ title: "年度报告" });
    expect(result).toEqual({ ok: false, code: "NOT_FOUND", message: "报告不存在或无权访问" });
    expect(calls).not.toContain("revalidate");
  });

  it("answers an unexpected error as INTERNAL without its internal message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await renameAction(async () => {
      throw new Error("relation reports does not exist");
    })({ title: "年度报告" });
    expect(errorBodySchema.parse(result)).toMatchObject({ code: "INTERNAL" });
    expect(JSON.stringify(result)).not.toContain("relation");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

describe("[ENVELOPE]: the client parses every answer against one schema", () => {
  const dataSchema = z.object({ revision: z.number() });

  it("reads success, failure and anything else", () => {
    expect(parseEnvelope({ ok: true, data: { revision: 3 } }, dataSchema)).toEqual({ ok: true, data: { revision: 3 } });
    expect(parseEnvelope({ ok: false, code: "CONFLICT", message: "已被修改", current: { revision: 4 } }, dataSchema)).toEqual({
      ok: false,
      code: "CONFLICT",
      message: "已被修改",
      current: { revision: 4 },
    });
    // The old shapes and a success whose data does not fit are not answers.
    expect(parseEnvelope({ error: { code: "NOT_FOUND", message: "不存在" } }, dataSchema)).toBeUndefined();
    expect(parseEnvelope({ ok: true, data: { revision: "3" } }, dataSchema)).toBeUndefined();
    expect(parseEnvelope({ ok: false, code: "SOMETHING_NEW", message: "?" }, dataSchema)).toBeUndefined();
  });

  it("turns a proxy's HTML error page into an INTERNAL failure naming the status", async () => {
    const answer = await readEnvelope(new Response("<html>Bad Gateway</html>", { status: 502 }), dataSchema);
    expect(answer).toEqual({ ok: false, code: "INTERNAL", message: "服务器返回了无法识别的结果（502）" });
  });
});

describe("[FALLBACKS]: nullWhenMissing hides only a missing record, never a failure", () => {
  it("gives null for a missing record or a malformed id", async () => {
    expect(await nullWhenMissing(Promise.reject(new NotFoundError("版本")))).toBeNull();
    expect(await nullWhenMissing(Promise.resolve().then(() => z.uuid().parse("not-a-uuid")))).toBeNull();
  });

  it("passes the value through and rethrows a database error", async () => {
    expect(await nullWhenMissing(Promise.resolve(3))).toBe(3);
    const databaseDown = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    await expect(nullWhenMissing(Promise.reject(databaseDown))).rejects.toBe(databaseDown);
  });
});
