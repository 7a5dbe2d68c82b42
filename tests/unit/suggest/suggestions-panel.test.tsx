// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { SuggestionsPanel, type ListedSuggestion, type ResolveSuggestionsAction } from "@/components/editor/suggest/suggestions-panel";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SUGGESTIONS: ListedSuggestion[] = [
  {
    id: "s-ji",
    kind: "insert",
    text: "集中",
    authorId: "u1",
    authorName: "王审核",
    at: "2026-11-29T08:15:00.000Z",
    before: "全年开展",
    location: { field: "body", sectionId: "s", itemId: "i" },
    place: "（一）加强组织领导",
  },
  {
    id: "s-liu",
    kind: "delete",
    text: "六次",
    authorId: "u1",
    authorName: "王审核",
    at: "2026-11-29T08:16:00.000Z",
    before: "专题学习",
    location: { field: "opening" },
    place: "导语",
  },
];

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(canResolve: boolean, onResolve: ResolveSuggestionsAction) {
  act(() => root.render(<SuggestionsPanel reportId="r1" suggestions={SUGGESTIONS} canResolve={canResolve} onResolve={onResolve} />));
}

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll("button")].find((candidate) => (candidate.getAttribute("aria-label") ?? candidate.textContent) === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

describe("the 修订 list", () => {
  it("shows each suggestion with its kind, text, place, author and Beijing time", () => {
    render(false, vi.fn());
    const text = container.textContent ?? "";
    expect(text).toContain("修订（2处）");
    expect(text).toContain("（一）加强组织领导 · 王审核 · 2026年11月29日 16:15");
    expect(container.querySelector("ins.suggestion")?.textContent).toBe("集中");
    expect(container.querySelector("del.suggestion")?.textContent).toBe("六次");
    expect(container.querySelectorAll("button")).toHaveLength(0);
  });

  it("accepts one, or rejects all, through the action; a refusal is shown", async () => {
    const onResolve = vi.fn<ResolveSuggestionsAction>().mockResolvedValue({ ok: false, code: "INVALID_STATE", message: "报告已签发，任何人都不能修改" });
    render(true, onResolve);
    await act(async () => button("接受修订“集中”").click());
    expect(onResolve).toHaveBeenLastCalledWith({ reportId: "r1", decision: "accept", ids: ["s-ji"] });
    expect(container.querySelector('[role="alert"]')?.textContent).toBe("报告已签发，任何人都不能修改");
    await act(async () => button("全部拒绝").click());
    expect(onResolve).toHaveBeenLastCalledWith({ reportId: "r1", decision: "reject", ids: "all" });
  });
});
