// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { FieldSuggestInput, FieldSuggestScope, type FieldSuggestState } from "@/components/editor/suggest/field-suggest";
import type { FieldSuggestion } from "@/lib/report-model";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TITLE = { field: "meta", key: "title" } as const;
const STORED = "青溪市水务局2025年法治政府建设年度报告";
const FIRST: FieldSuggestion = {
  id: "f-wang",
  authorId: "u-wang",
  authorName: "王审核",
  at: "2026-11-30T02:00:00.000Z",
  target: TITLE,
  from: STORED,
  to: "青溪市水务局关于2025年法治政府建设情况的报告",
};

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

function render(state: FieldSuggestState) {
  act(() =>
    root.render(
      <FieldSuggestScope value={state}>
        <FieldSuggestInput target={TITLE} value={STORED} label="标题" />
      </FieldSuggestScope>,
    ),
  );
}

function type(input: HTMLInputElement, text: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  act(() => {
    setValue.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

describe("[SUGGEST] a field suggestion set aside because another reviewer's reached the field first", () => {
  it("the field locks on the first suggestion and shows the second reviewer what they typed", () => {
    const onSuggest = vi.fn();
    render({ suggestions: [], authorId: "u-zhao", onSuggest });
    const input = container.querySelector<HTMLInputElement>('[data-testid="field-suggest-meta.title"]')!;
    type(input, "青溪市水务局2025年度法治政府建设工作报告");
    expect(onSuggest).toHaveBeenCalledWith(TITLE, "青溪市水务局2025年度法治政府建设工作报告");

    // The merge after the refused save keeps 王审核's suggestion only.
    render({ suggestions: [FIRST], authorId: "u-zhao", onSuggest });
    expect(input.disabled).toBe(true);
    expect(input.value).toBe(STORED);
    const note = container.querySelector('[data-testid="field-suggest-set-aside-meta.title"]');
    expect(note?.textContent).toBe("王审核已先对此处提出修订，您的修订未保存：“青溪市水务局2025年度法治政府建设工作报告”。请先接受或拒绝其修订，再重新输入。");
  });

  it("no note for a reviewer who typed nothing there", () => {
    render({ suggestions: [FIRST], authorId: "u-zhao", onSuggest: vi.fn() });
    expect(container.querySelector('[data-testid="field-suggest-set-aside-meta.title"]')).toBeNull();
  });
});
