import { afterEach, describe, expect, it, vi } from "vitest";

import { KEEPALIVE_LIMIT, sendSaveRequest, utf8ByteLength } from "@/components/report/autosave/use-autosave";

import { buildReport } from "./fixtures";

/** A report whose title holds `characters` Chinese characters (three UTF-8 bytes each). */
function reportWithText(characters: number) {
  const report = buildReport();
  return { ...report, meta: { ...report.meta, title: "法".repeat(characters) } };
}

function stubFetch(): Array<RequestInit | undefined> {
  const calls: Array<RequestInit | undefined> = [];
  vi.stubGlobal("fetch", async (_url: string, init?: RequestInit) => {
    calls.push(init);
    return Response.json({ ok: true, data: { revision: 1, updatedAt: "2026-01-20T02:00:00.000Z", updatedBy: "张敏" } });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("[AUTOSAVE]: the keepalive save on leaving counts the body in UTF-8 bytes", () => {
  it("counts a Chinese character as three bytes", () => {
    expect(utf8ByteLength("法治a")).toBe(7);
  });

  it("does not ask for keepalive when Chinese text makes the body larger than the limit in bytes", async () => {
    const calls = stubFetch();
    // 25,000 characters: under the limit in UTF-16 units, about 75 KB on the wire.
    const content = reportWithText(25_000);
    const body = JSON.stringify({ baseRevision: 3, content });
    expect(body.length).toBeLessThan(KEEPALIVE_LIMIT);
    expect(utf8ByteLength(body)).toBeGreaterThan(KEEPALIVE_LIMIT);
    await sendSaveRequest("r-1", { baseRevision: 3, content, keepalive: true });
    expect(calls[0]?.keepalive).toBe(false);
  });

  it("keeps keepalive for a body within the limit", async () => {
    const calls = stubFetch();
    await sendSaveRequest("r-1", { baseRevision: 3, content: reportWithText(1_000), keepalive: true });
    expect(calls[0]?.keepalive).toBe(true);
  });
});
