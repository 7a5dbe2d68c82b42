// @vitest-environment jsdom
import "fake-indexeddb/auto";

import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { PresenceSnapshot } from "@/lib/collab";
import { textToDoc, type Report } from "@/lib/report-model";
import { ReportWorkspace } from "@/components/report/report-workspace";

import { buildReport, TEMPLATE } from "../editor/fixtures";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let snapshot: PresenceSnapshot;
let latest: { revision: number; content: Report };
let heartbeats: Array<{ itemId: string | null; isLeaving: boolean }>;
let puts: number;

beforeEach(() => {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  heartbeats = [];
  puts = 0;
  snapshot = { people: [], status: "draft", revision: 4 };
  latest = { revision: 4, content: buildReport() };
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith("/presence")) {
        heartbeats.push(JSON.parse(String(init?.body)) as { itemId: string | null; isLeaving: boolean });
        return Response.json({ ok: true, data: snapshot });
      }
      if (url.endsWith("/content") && init?.method === "PUT") {
        puts += 1;
        return Response.json({ ok: true, data: { revision: latest.revision + 1, updatedAt: "2026-01-21T01:00:00.000Z", updatedBy: "测试用户" } });
      }
      if (url.endsWith("/content"))
        return Response.json({ ok: true, data: { ...latest, updatedAt: "2026-01-21T01:00:00.000Z", updatedBy: "王强", status: snapshot.status } });
      return Response.json({ error: { code: "NOT_FOUND", message: "不存在" } }, { status: 404 });
    }),
  );
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function render() {
  await act(async () =>
    root.render(
      <ReportWorkspace
        reportId="3f2c1d8e-1111-4222-8333-944455556666"
        initial={{ content: buildReport(), revision: 4, status: "draft", updatedAt: "2026-01-20T02:00:00.000Z", updatedBy: "张敏" }}
        template={TEMPLATE}
        previousReport={null}
        permissions={{ canEdit: true, canSubmit: true }}
        submitAction={async () => ({ ok: true, data: { status: "in_review" } })}
      />,
    ),
  );
}

/** Lets the next heartbeat (every 3 s) arrive. */
const nextBeat = () => act(async () => vi.advanceTimersByTimeAsync(3100));

describe("presence in the workspace", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows who else is in the report, on the item and in the outline", async () => {
    snapshot = { ...snapshot, people: [{ clientId: "c2", userId: "u2", displayName: "王强", itemId: "i-review", sectionId: "s-measures" }] };
    await render();
    await nextBeat();
    expect(byTestId("presence-list")?.textContent).toContain("王强（在“（二）严格规范性文件审核”）");
    expect(byTestId("presence-item-i-review")?.textContent).toBe("王强正在编辑");
    expect(byTestId("presence-outline-i-review")?.getAttribute("data-people")).toBe("王强");
    expect(byTestId("presence-item-i-lead")).toBeNull();

    snapshot = { ...snapshot, people: [] };
    await nextBeat();
    expect(byTestId("presence-list")).toBeNull();
    expect(byTestId("presence-item-i-review")).toBeNull();
  });

  it("reports the item the cursor is in at once", async () => {
    await render();
    await nextBeat();
    const input = container.querySelector<HTMLInputElement>('input[aria-label="第2项标题"]')!;
    await act(async () => input.focus());
    await act(async () => vi.advanceTimersByTimeAsync(200));
    expect(heartbeats.at(-1)).toMatchObject({ itemId: "i-review", isLeaving: false });
  });

  it("takes in another person's save within a heartbeat when nothing is pending here", async () => {
    await render();
    await nextBeat();
    const changed = buildReport();
    changed.sections[0]!.items[1]!.body = textToDoc("王强刚保存的第二项内容。");
    latest = { revision: 5, content: changed };
    snapshot = { ...snapshot, revision: 5 };
    await nextBeat();
    await act(async () => vi.advanceTimersByTimeAsync(50));
    expect(byTestId("body-editor-i-review")?.textContent).toBe("王强刚保存的第二项内容。");
    expect(byTestId("save-state")?.getAttribute("data-state")).toBe("saved");
    expect(puts).toBe(0);
  });

  it("fills an empty body with another person's text", async () => {
    await render();
    await nextBeat();
    const changed = buildReport();
    changed.sections[1]!.items[0]!.body = textToDoc("王强写进空条目的内容。");
    latest = { revision: 5, content: changed };
    snapshot = { ...snapshot, revision: 5 };
    await nextBeat();
    await act(async () => vi.advanceTimersByTimeAsync(50));
    expect(byTestId("body-editor-i-gap")?.textContent).toBe("王强写进空条目的内容。");
  });

  it("stops editing for everyone once the report leaves 草稿, with a clear message", async () => {
    await render();
    await nextBeat();
    expect(container.querySelector<HTMLInputElement>('input[aria-label="第1项标题"]')!.disabled).toBe(false);
    snapshot = { ...snapshot, status: "in_review" };
    await nextBeat();
    expect(container.querySelector<HTMLInputElement>('input[aria-label="第1项标题"]')!.disabled).toBe(true);
    expect(byTestId("body-editor-i-lead")?.getAttribute("contenteditable")).toBe("false");
    expect(container.textContent).toContain("报告已转为“待审核”，所有人的编辑已停止。");
    expect(byTestId("save-state")?.getAttribute("data-state")).toBe("readonly");
  });
});
