// @vitest-environment jsdom
import "fake-indexeddb/auto";

import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { metaInputFindings, savableMeta } from "@/components/report/meta-input-findings";
import { ReportWorkspace } from "@/components/report/report-workspace";
import type { Report } from "@/lib/report-model";
import { reportSchema } from "@/lib/report-model";

import { buildReport, TEMPLATE } from "./fixtures";

// Issue #19, rough edge 9: a five-digit year in 成文日期 must not block saving the other fields; it is listed
// as a finding that jumps to the field, in plain Chinese.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let puts: Array<{ baseRevision: number; content: Report }>;

beforeEach(() => {
  puts = [];
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method !== "PUT") return Response.json({ error: { code: "NOT_FOUND", message: "不存在" } }, { status: 404 });
      const body = JSON.parse(String(init.body)) as { baseRevision: number; content: Report };
      // The server refuses what the shared schema refuses, as the real route does (422).
      if (!reportSchema.safeParse(body.content).success)
        return Response.json({ ok: false, code: "INVALID_INPUT", message: "日期格式应为 YYYY-MM-DD" }, { status: 422 });
      puts.push(body);
      return Response.json({ ok: true, data: { revision: body.baseRevision + 1, updatedAt: "2026-01-21T01:00:00.000Z", updatedBy: "测试用户" } });
    }),
  );
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

function typeInto(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

describe("[META DATE] a bad 成文日期 never blocks saving the other fields", () => {
  it("saves the 署名 change with the last valid date, lists the date as a finding and jumps to it", async () => {
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
    const date = container.querySelector<HTMLInputElement>("#meta-date")!;
    // Shown as the official reads it in any browser language; the browser's date picker is one click away.
    expect(date.type).toBe("text");
    expect(date.value).toBe("2026年1月20日");
    const picker = container.querySelector<HTMLInputElement>('input[type="date"]')!;
    expect([picker.min, picker.max, picker.value]).toEqual(["2000-01-01", "2100-12-31", "2026-01-20"]);

    await act(async () => typeInto(date, "20265-03-08"));
    await act(async () => typeInto(container.querySelector<HTMLInputElement>("#meta-signature")!, "青禾县人民政府办公室"));
    await act(async () => {
      container
        .querySelector<HTMLInputElement>("#meta-signature")!
        .dispatchEvent(new KeyboardEvent("keydown", { key: "s", ctrlKey: true, bubbles: true, cancelable: true }));
    });
    await act(async () => vi.waitFor(() => expect(puts.length).toBeGreaterThan(0)));
    const saved = puts.at(-1)!.content.meta;
    expect(saved.signature).toBe("青禾县人民政府办公室");
    expect(saved.date).toBe("2026-01-20");

    const finding = [...container.querySelectorAll<HTMLButtonElement>('[data-testid="finding"]')].find((button) => button.dataset.ruleId === "meta-input");
    expect(finding?.textContent).toContain("成文日期“20265-03-08”无效");
    expect(finding?.dataset.severity).toBe("error");
    expect(container.textContent).not.toContain("YYYY-MM-DD");
    expect(container.querySelector("#meta-date-error")?.textContent).toContain("年份为四位数");

    (document.activeElement as HTMLElement | null)?.blur();
    await act(async () => finding!.click());
    await act(async () => vi.waitFor(() => expect(document.activeElement).toBe(date)));

    // Correcting the date clears the finding and saves it.
    await act(async () => typeInto(date, "2026-03-08"));
    expect([...container.querySelectorAll<HTMLButtonElement>('[data-testid="finding"]')].some((button) => button.dataset.ruleId === "meta-input")).toBe(false);
  });

  it.each([
    ["20265-03-08", false],
    ["2026-02-30", false],
    ["2026-02-28", true],
    ["", true],
  ])("date %s is savable: %s", (value, isSavable) => {
    expect(metaInputFindings({ date: value }).length === 0).toBe(isSavable);
  });

  it("keeps the last saved year when the typed year is out of range", () => {
    const previous = buildReport().meta;
    expect(savableMeta({ ...previous, year: 20251 }, previous).year).toBe(2025);
    expect(metaInputFindings({ year: 20251 })[0]?.location).toEqual({ field: "meta", key: "year" });
  });
});
