// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { DateTextInput, parseDateText } from "@/components/report/date-text-input";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe("parseDateText reads the 成文日期 in the forms officials type", () => {
  it.each([
    ["2025年3月8日", "2025-03-08"],
    ["2025-03-08", "2025-03-08"],
    ["2025/3/8", "2025-03-08"],
    ["2025.3.8", "2025-03-08"],
    [" ２０２５年３月８日 ", "2025-03-08"],
    ["2025 年 12 月 31 日", "2025-12-31"],
    ["", ""],
  ])("%s → %s", (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each(["20265-03-08", "2026-02-30", "2026年13月1日", "3/8/2025", "2026年3月"])("refuses %s", (text) => {
    expect(parseDateText(text)).toBeNull();
  });
});

describe("DateTextInput shows 2025年3月8日 whatever the browser language", () => {
  let container: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    container = document.createElement("div");
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(async () => {
    await act(async () => root.unmount());
    container.remove();
  });

  function typeInto(input: HTMLInputElement, value: string) {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  it("starts in the Chinese form, hands over ISO dates while typing and rewrites the text on leaving the field", async () => {
    const values: string[] = [];
    await act(async () =>
      root.render(
        <DateTextInput
          id="d"
          initial="2025-03-08"
          disabled={false}
          isInvalid={false}
          min="2000-01-01"
          max="2100-12-31"
          onValue={(value) => values.push(value)}
        />,
      ),
    );
    const input = container.querySelector<HTMLInputElement>("#d")!;
    expect(input.value).toBe("2025年3月8日");
    await act(async () => typeInto(input, "2026-2-20"));
    expect(values.at(-1)).toBe("2026-02-20");
    expect(input.value).toBe("2026-2-20");
    await act(async () => {
      input.focus();
      input.blur();
    });
    expect(input.value).toBe("2026年2月20日");
    expect(container.querySelector<HTMLInputElement>('input[type="date"]')!.value).toBe("2026-02-20");
    // What cannot be a date reaches the form as typed, so the form can name it in its finding.
    await act(async () => typeInto(input, "20265-03-08"));
    expect(values.at(-1)).toBe("20265-03-08");
  });
});
