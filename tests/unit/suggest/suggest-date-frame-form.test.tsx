// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { FieldSuggestScope, type FieldSuggestState } from "@/components/editor/suggest/field-suggest";
import { SuggestModeBanner } from "@/components/editor/suggest/suggest-banner";
import { FrameForm, frameFieldId } from "@/components/report/frame-form";
import { MetaForm } from "@/components/report/meta-form";
import type { FieldSuggestion, ReportMeta } from "@/lib/report-model";

// Issue #18 item 1 (audit finding 6): in 修订模式 the 成文日期 and the 版头/版记 text fields take suggestions.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const META: ReportMeta = {
  agency: "青溪市水务局",
  title: "青溪市水务局关于2025年度法治政府建设情况的报告",
  year: 2025,
  date: "2026-02-20",
  mainRecipient: "青溪市人民政府",
  copyTo: "",
  signature: "青溪市水务局",
  docNumber: "",
  isPublic: true,
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

function type(input: HTMLInputElement, text: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  act(() => {
    setValue.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

function render(state: FieldSuggestState, onChange: () => void = vi.fn()) {
  act(() =>
    root.render(
      <FieldSuggestScope value={state}>
        <MetaForm initial={META} isEditable={false} onChange={onChange} />
        <FrameForm
          initial={{ signer: "李四" }}
          agencyFrame={{ agencyMark: "", signer: "", isSealed: false, imprintAgency: "青溪市水务局办公室" }}
          isEditable={false}
          onChange={onChange}
        />
      </FieldSuggestScope>,
    ),
  );
}

const byId = (id: string) => container.querySelector<HTMLInputElement>(`#${id}`)!;

describe("[SUGGEST] the 成文日期 and the 版头/版记 fields in 修订模式", () => {
  it("turns a typed 成文日期 into a YYYY-MM-DD suggestion and keeps the last readable one while the text is not a date", () => {
    const onSuggest = vi.fn();
    const onChange = vi.fn();
    render({ suggestions: [], authorId: "u-wang", onSuggest }, onChange);
    const date = byId("meta-date");
    expect(date.disabled).toBe(false);
    expect(date.value).toBe("2026年2月20日");
    type(date, "2026年3月8日");
    expect(onSuggest).toHaveBeenLastCalledWith({ field: "meta", key: "date" }, "2026-03-08");
    type(date, "2026年2月30日");
    expect(onSuggest).toHaveBeenCalledTimes(1);
    expect(container.textContent).toContain("日期无法识别（如 2026年3月8日），修订仍为上次可识别的日期");
    expect(onChange).not.toHaveBeenCalled();
  });

  it("turns typing into 签发人, 印发机关 and 印发日期 into suggestions without changing the report's frame", () => {
    const onSuggest = vi.fn();
    const onChange = vi.fn();
    render({ suggestions: [], authorId: "u-wang", onSuggest }, onChange);
    const signer = byId(frameFieldId("signer"));
    expect(signer.disabled).toBe(false);
    expect(signer.value).toBe("李四");
    type(signer, "张三");
    expect(onSuggest).toHaveBeenLastCalledWith({ field: "frame", key: "signer" }, "张三");
    const imprint = byId(frameFieldId("imprintAgency"));
    expect(imprint.placeholder).toBe("按机关设置：青溪市水务局办公室");
    type(imprint, "青溪市水务局综合科");
    expect(onSuggest).toHaveBeenLastCalledWith({ field: "frame", key: "imprintAgency" }, "青溪市水务局综合科");
    type(byId(frameFieldId("imprintDate")), "2026.3.9");
    expect(onSuggest).toHaveBeenLastCalledWith({ field: "frame", key: "imprintDate" }, "2026-03-09");
    expect(onChange).not.toHaveBeenCalled();
    // 附件 and 加盖印章 stay closed to suggestions.
    expect(byId(frameFieldId("attachments")).disabled).toBe(true);
    expect(byId(frameFieldId("isSealed")).disabled).toBe(true);
  });

  it("shows open suggestions in colour with the date as the official reads it, and locks the field for another reviewer", () => {
    const at = "2026-11-30T02:00:00.000Z";
    const suggestions: FieldSuggestion[] = [
      { id: "d1", authorId: "u-wang", authorName: "王审核", at, target: { field: "meta", key: "date" }, from: "2026-02-20", to: "2026-03-08" },
      { id: "s1", authorId: "u-wang", authorName: "王审核", at, target: { field: "frame", key: "signer" }, from: "李四", to: "张三" },
    ];
    render({ suggestions, authorId: "u-zhao", onSuggest: vi.fn() });
    const dateNote = container.querySelector('[data-testid="field-suggestion-meta.date"]')!;
    expect(dateNote.querySelector("del")?.textContent).toBe("2");
    expect(dateNote.querySelector("ins")?.textContent).toBe("3");
    expect(dateNote.textContent).toContain("2026年");
    const signerNote = container.querySelector('[data-testid="field-suggestion-frame.signer"]')!;
    expect([...signerNote.querySelectorAll("del, ins")].map((node) => `${node.tagName}:${node.textContent}`)).toEqual(["DEL:李四", "INS:张三"]);
    expect(byId("meta-date").disabled).toBe(true);
    expect(byId(frameFieldId("signer")).disabled).toBe(true);
  });

  it("the banner names what takes suggestions and what does not", () => {
    act(() => root.render(<SuggestModeBanner />));
    const text = container.textContent ?? "";
    expect(text).toContain("基本信息（含成文日期，年度和“向社会公开”除外）");
    expect(text).toContain("发文机关标志、签发人、印发机关和印发日期");
    expect(text).toContain("附件和加盖印章不能修订");
  });
});
