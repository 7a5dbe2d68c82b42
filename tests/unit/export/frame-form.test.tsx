// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { FrameForm, frameFieldId } from "@/components/report/frame-form";
import type { AgencyFrame, ReportFrame } from "@/lib/report-model";

// Issue #13: the per-report 版头/版记 form shows what an empty field will print, the agency profile's value.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const AGENCY: AgencyFrame = { agencyMark: "青禾县人民政府文件", signer: "", isSealed: true, imprintAgency: "青禾县人民政府办公室" };

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

function render(initial: ReportFrame | undefined, agencyFrame: AgencyFrame | undefined): void {
  act(() => root.render(<FrameForm initial={initial} agencyFrame={agencyFrame} isEditable onChange={() => undefined} />));
}

const input = (key: keyof ReportFrame) => container.querySelector<HTMLInputElement>(`#${frameFieldId(key)}`)!;

describe("[EXPORT] the report's 版头/版记 form follows the agency profile visibly", () => {
  it("shows the agency's values, or that the agency prints none, as the empty fields' placeholders", () => {
    render(undefined, AGENCY);
    expect(input("agencyMark").placeholder).toBe("按机关设置：青禾县人民政府文件");
    expect(input("signer").placeholder).toBe("按机关设置：不标签发人");
    expect(input("imprintAgency").placeholder).toBe("按机关设置：青禾县人民政府办公室");
    expect(input("agencyMark").value).toBe("");
    const sealed = container.querySelector<HTMLSelectElement>(`#${frameFieldId("isSealed")}`)!;
    expect(sealed.value).toBe("");
    expect(sealed.selectedOptions[0]!.textContent).toBe("按机关设置（加盖印章）");
  });

  it("keeps the report's own values as the values, with the agency's still shown behind an emptied field", () => {
    render({ agencyMark: "青禾县司法局文件", isSealed: false }, { ...AGENCY, isSealed: false });
    expect(input("agencyMark").value).toBe("青禾县司法局文件");
    expect(input("agencyMark").placeholder).toBe("按机关设置：青禾县人民政府文件");
    const sealed = container.querySelector<HTMLSelectElement>(`#${frameFieldId("isSealed")}`)!;
    expect(sealed.value).toBe("no");
    expect([...sealed.options].map((option) => option.textContent)).toEqual(["按机关设置（不加盖印章）", "加盖印章", "不加盖印章"]);
  });

  it("shows no guessed placeholder when the agency's values are not known", () => {
    render(undefined, undefined);
    expect(input("agencyMark").placeholder).toBe("");
    expect(container.querySelector<HTMLSelectElement>(`#${frameFieldId("isSealed")}`)!.selectedOptions[0]!.textContent).toBe("按机关设置");
  });
});
