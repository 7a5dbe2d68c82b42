// @vitest-environment jsdom
import "fake-indexeddb/auto";

import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { summarizeFindings, validateReport } from "@/lib/validation";
import { docToText, textToDoc, type Report } from "@/lib/report-model";
import type { Editor } from "@tiptap/core";

import { ReportWorkspace, type ReportWorkspaceProps } from "@/components/report/report-workspace";
import { validateForEditor } from "@/components/report/validation/editor-validation";

import { buildReport, TEMPLATE } from "./fixtures";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Put {
  baseRevision: number;
  content: Report;
}

let container: HTMLDivElement;
let root: Root;
let puts: Put[];

beforeEach(() => {
  puts = [];
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === "PUT") {
        const body = JSON.parse(String(init.body)) as Put;
        puts.push(body);
        return Response.json({ ok: true, data: { revision: body.baseRevision + 1, updatedAt: "2026-01-21T01:00:00.000Z", updatedBy: "测试用户" } });
      }
      return Response.json({ error: { code: "NOT_FOUND", message: "不存在" } }, { status: 404 });
    }),
  );
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

async function render(report: Report, overrides: Partial<ReportWorkspaceProps> = {}) {
  const props: ReportWorkspaceProps = {
    reportId: "3f2c1d8e-1111-4222-8333-944455556666",
    initial: { content: report, revision: 4, status: "draft", updatedAt: "2026-01-20T02:00:00.000Z", updatedBy: "张敏" },
    template: TEMPLATE,
    previousReport: null,
    permissions: { canEdit: true, canSubmit: true },
    submitAction: async () => ({ ok: true, data: { status: "in_review" } }),
    ...overrides,
  };
  props.initialValidation ??= validateForEditor(report, { template: props.template, previous: props.previousReport });
  await act(async () => root.render(<ReportWorkspace {...props} />));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

/** Types into a React-controlled input the way the browser does (native setter + input event). */
function typeInto(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

describe("ReportWorkspace", () => {
  it("marks each part and item in the outline", async () => {
    await render(buildReport());
    const marks = (id: string) => byTestId(id)?.getAttribute("data-status");
    expect(marks("outline-section-s-measures")).toBe("errors"); // required figures missing
    expect(marks("outline-section-s-problems")).toBe("empty");
    expect(marks("outline-section-s-duty")).toBe("errors"); // far below the minimum length
    expect(marks("outline-item-i-lead")).toBe("warnings"); // a "待更新" figure
    expect(marks("outline-item-i-review")).toBe("complete");
    expect(marks("outline-item-i-gap")).toBe("empty");
    const meter = byTestId("completeness");
    // Only the 下一年度安排 part is free of errors (it is short, which is a warning): one of four is done.
    expect(meter?.getAttribute("data-done")).toBe("1");
    // Only the required parts count toward 必填部分 (the optional 其他 part does not).
    expect(meter?.getAttribute("data-total")).toBe(String(TEMPLATE.sections.filter((section) => section.isRequired).length));
  });

  it("disables 提交审核 and says how many errors remain", async () => {
    const report = buildReport();
    const errors = summarizeFindings(validateReport(report, { template: TEMPLATE })).error;
    expect(errors).toBeGreaterThan(0);
    await render(report);
    const button = byTestId("submit-report") as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(byTestId("submit-blocker")?.textContent).toBe(`还有 ${errors} 个错误需要修改`);
    expect(button.getAttribute("title")).toBe(`还有 ${errors} 个错误需要修改`);
    expect(button.getAttribute("aria-describedby")).toBe(byTestId("submit-blocker")?.id);
    expect(byTestId("findings")?.querySelectorAll('button[data-testid="finding"]').length).toBe(validateReport(report, { template: TEMPLATE }).length);
  });

  it("gives every item heading and body editor its label and test id", async () => {
    await render(buildReport());
    const section = byTestId("section-s-measures")!;
    const headings = [...section.querySelectorAll<HTMLInputElement>('input[aria-label$="项标题"]')];
    expect(headings.map((input) => input.getAttribute("aria-label"))).toEqual(["第1项标题", "第2项标题"]);
    expect(headings.map((input) => input.value)).toEqual(["加强组织领导", "严格规范性文件审核"]);
    const body = byTestId("body-editor-i-review");
    expect(body?.getAttribute("contenteditable")).toBe("true");
    expect(body?.textContent).toContain("全年制发规范性文件12件");
    expect(byTestId("save-state")?.getAttribute("data-state")).toBe("saved");
  });

  it("read-only reports cannot be edited or submitted", async () => {
    await render(buildReport(), { permissions: { canEdit: false, canSubmit: false } });
    expect(byTestId("body-editor-i-review")?.getAttribute("contenteditable")).toBe("false");
    expect((container.querySelector('input[aria-label="第1项标题"]') as HTMLInputElement).disabled).toBe(true);
    // A role that may never submit sees no 提交审核 (and no red reason) at all.
    expect(byTestId("submit-report")).toBeNull();
    expect(byTestId("submit-blocker")).toBeNull();
    expect(byTestId("save-state")?.getAttribute("data-state")).toBe("readonly");
  });

  it("autosaves a heading edit 1.5 s after typing stops, but not while an IME composition is open", async () => {
    await render(buildReport());
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const input = container.querySelector<HTMLInputElement>('input[aria-label="第2项标题"]')!;
    await act(async () => {
      input.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true }));
      typeInto(input, "严格规范性文件审核备案");
    });
    expect(byTestId("save-state")?.getAttribute("data-state")).toBe("dirty");
    await act(async () => vi.advanceTimersByTimeAsync(4000));
    expect(puts).toHaveLength(0);
    await act(async () => {
      input.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "备案" }));
      await vi.advanceTimersByTimeAsync(300);
    });
    expect(puts).toHaveLength(1);
    expect(puts[0]!.baseRevision).toBe(4);
    expect(puts[0]!.content.sections[0]!.items[1]!.heading).toBe("严格规范性文件审核备案");
    vi.useRealTimers();
    await act(async () => vi.waitFor(() => expect(byTestId("save-state")?.getAttribute("data-state")).toBe("saved")));
  });

  it("typing into a body never shows 已保存 before the body has reached the save (no co-editing connection)", async () => {
    await render(buildReport());
    // A pointer in the body loads its editing engine (the body is static HTML until then).
    await act(async () => byTestId("body-editor-i-review")!.dispatchEvent(new Event("pointerdown", { bubbles: true })));
    const view = await vi.waitFor(() => {
      const element = container.querySelector<HTMLElement & { editor?: Editor }>('.ProseMirror[data-testid="body-editor-i-review"]');
      expect(element?.editor).toBeDefined();
      return element!;
    }, 10_000);
    expect(byTestId("save-state")?.getAttribute("data-state")).toBe("saved");
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    // Steady typing: each key comes before the body's 300 ms hand-over to the report, so none has reached it yet.
    for (const character of "并全部报备案") {
      await act(async () => {
        view.editor!.commands.insertContentAt(view.editor!.state.doc.content.size - 1, character);
        await vi.advanceTimersByTimeAsync(150);
      });
      expect(byTestId("save-state")?.getAttribute("data-state")).not.toBe("saved");
    }
    await act(async () => vi.advanceTimersByTimeAsync(5000));
    vi.useRealTimers();
    await act(async () => vi.waitFor(() => expect(byTestId("save-state")?.getAttribute("data-state")).toBe("saved")));
    expect(docToText(puts.at(-1)!.content.sections[0]!.items[1]!.body)).toContain("并全部报备案");
  });

  it("Ctrl+S saves at once", async () => {
    await render(buildReport());
    const input = container.querySelector<HTMLInputElement>('input[aria-label="第1项标题"]')!;
    await act(async () => typeInto(input, "加强党对法治政府建设的领导"));
    await act(async () => {
      const event = new KeyboardEvent("keydown", { key: "s", ctrlKey: true, bubbles: true, cancelable: true });
      input.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(true);
    });
    await act(async () => vi.waitFor(() => expect(puts).toHaveLength(1)));
    expect(puts[0]!.content.sections[0]!.items[0]!.heading).toBe("加强党对法治政府建设的领导");
  });

  it("applies a body fix through the editor, so undo brings the text back", async () => {
    const report = buildReport();
    report.sections[0]!.items[1]!.body = textToDoc("全年制发规范性文件12件,全部经过合法性审核。");
    const fixable = validateReport(report, { template: TEMPLATE }).find((finding) => finding.fix && finding.location.itemId === "i-review");
    expect(fixable, "a half-width comma in Chinese text offers a fix").toBeDefined();
    await render(report);
    const findingButtons = [...byTestId("findings")!.querySelectorAll<HTMLButtonElement>('[data-testid="finding-fix"]')];
    const fixButton = findingButtons.find((button) => button.closest("li")?.querySelector(`[data-rule-id="${fixable!.ruleId}"]`));
    expect(fixButton).toBeDefined();
    await act(async () => fixButton!.click());
    const body = byTestId("body-editor-i-review")!;
    expect(body.textContent).toBe("全年制发规范性文件12件，全部经过合法性审核。");
    const undo = byTestId("item-i-review")!.querySelector<HTMLButtonElement>('button[aria-label="撤销"]')!;
    expect(undo.disabled).toBe(false);
    // The body was static HTML until now: the click loads its editor, whose history holds the fix, and undoes it.
    await act(async () => undo.click());
    await vi.waitFor(
      () =>
        expect(container.querySelector('.ProseMirror[data-testid="body-editor-i-review"]')?.textContent).toBe("全年制发规范性文件12件,全部经过合法性审核。"),
      {
        timeout: 10_000,
      },
    );
  });
});

describe("ReportWorkspace findings and marks", () => {
  it("paints 待更新 marks in the body and confirming one removes it", async () => {
    await render(buildReport());
    const body = byTestId("body-editor-i-lead")!;
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect([...body.querySelectorAll(".nb-pending-range")].map((span) => span.textContent)).toEqual(["4次"]);
    const confirm = byTestId("pending-i-lead")!.querySelector<HTMLButtonElement>('button[aria-label="确认“4次”无需更新"]')!;
    await act(async () => confirm.click());
    expect(byTestId("pending-i-lead")).toBeNull();
    expect(body.querySelectorAll(".nb-pending-range")).toHaveLength(0);
  });

  it("clicking a body finding selects and highlights its range in the editor", async () => {
    await render(buildReport());
    const finding = [...byTestId("findings")!.querySelectorAll<HTMLButtonElement>('[data-testid="finding"]')].find(
      (button) => button.dataset.ruleId === "pending-updates",
    )!;
    await act(async () => finding.click());
    // The body's editor loads on this click (the body was static HTML) and then selects the range.
    await vi.waitFor(
      () =>
        expect([...container.querySelectorAll('.ProseMirror[data-testid="body-editor-i-lead"] .nb-focus-range')].map((span) => span.textContent)).toEqual([
          "4次",
        ]),
      { timeout: 10_000 },
    );
    expect(document.getSelection()?.toString()).toBe("4次");
  });

  it("clicking an indicator finding focuses that input", async () => {
    await render(buildReport());
    const finding = [...byTestId("findings")!.querySelectorAll<HTMLButtonElement>('[data-testid="finding"]')].find(
      (button) => button.dataset.ruleId === "required-indicators",
    )!;
    await act(async () => finding.click());
    expect(document.activeElement?.id).toMatch(/^indicator-s-measures-susong_cases$/);
  });
});

describe("ReportWorkspace conflicts", () => {
  function answerFirstPutWith(theirs: Report) {
    let answered409 = false;
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init?: RequestInit) => {
        if (init?.method !== "PUT") return Response.json({ error: { code: "NOT_FOUND", message: "不存在" } }, { status: 404 });
        const body = JSON.parse(String(init.body)) as Put;
        puts.push(body);
        if (!answered409) {
          answered409 = true;
          return Response.json(
            {
              ok: false,
              code: "CONFLICT",
              message: "报告已被他人修改",
              current: { revision: 9, updatedAt: "2026-01-21T02:00:00.000Z", updatedBy: "王强", content: theirs },
            },
            { status: 409 },
          );
        }
        return Response.json({ ok: true, data: { revision: 10, updatedAt: "2026-01-21T02:05:00.000Z", updatedBy: "张敏" } });
      }),
    );
  }
  const saveNow = () =>
    act(async () => {
      window.dispatchEvent(new KeyboardEvent("keydown", { key: "s", ctrlKey: true, bubbles: true, cancelable: true }));
    });

  it("a 409 for another item merges without a dialog, shows their text and saves both on their revision", async () => {
    const theirs = buildReport();
    theirs.sections[0]!.items[1]!.body = textToDoc("全年制发规范性文件15件，均经合法性审核。");
    answerFirstPutWith(theirs);
    await render(buildReport());
    const input = container.querySelector<HTMLInputElement>('input[aria-label="第1项标题"]')!;
    await act(async () => typeInto(input, "加强组织领导和统筹协调"));
    await saveNow();
    await act(async () => vi.waitFor(() => expect(puts).toHaveLength(2)));
    expect(byTestId("conflict-dialog")).toBeNull();
    expect(puts[1]!.baseRevision).toBe(9);
    expect(puts[1]!.content.sections[0]!.items[0]!.heading).toBe("加强组织领导和统筹协调");
    expect(puts[1]!.content.sections[0]!.items[1]!.body).toEqual(theirs.sections[0]!.items[1]!.body);
    await act(async () => vi.waitFor(() => expect(byTestId("save-state")?.getAttribute("data-state")).toBe("saved")));
    expect(byTestId("body-editor-i-review")?.textContent).toBe("全年制发规范性文件15件，均经合法性审核。");
    expect(input.value).toBe("加强组织领导和统筹协调");
  });

  it("a 409 for the same item offers only that item, three ways, and keeps their other changes", async () => {
    const theirs = buildReport();
    theirs.sections[0]!.items[0]!.heading = "加强党的领导";
    theirs.sections[0]!.items[1]!.body = textToDoc("全年制发规范性文件15件，均经合法性审核。");
    answerFirstPutWith(theirs);
    await render(buildReport());
    const input = container.querySelector<HTMLInputElement>('input[aria-label="第1项标题"]')!;
    await act(async () => typeInto(input, "加强组织领导和统筹协调"));
    await saveNow();
    await act(async () => vi.waitFor(() => expect(byTestId("conflict-dialog")).not.toBeNull()));
    expect(byTestId("save-state")?.getAttribute("data-state")).toBe("conflict");
    const dialog = byTestId("conflict-dialog")!;
    const units = [...dialog.querySelectorAll('[data-testid^="conflict-unit-"]')].map((unit) => unit.getAttribute("data-testid"));
    expect(units).toEqual(["conflict-unit-item:i-lead"]);
    const unit = dialog.querySelector('[data-testid="conflict-unit-item:i-lead"]')!;
    expect(unit.querySelector('[data-testid="conflict-side-base"]')?.textContent).toContain("加强组织领导");
    expect(unit.querySelector('[data-testid="conflict-side-mine"]')?.textContent).toContain("加强组织领导和统筹协调");
    expect(unit.querySelector('[data-testid="conflict-side-theirs"]')?.textContent).toContain("加强党的领导");
    expect((dialog.querySelector('[data-testid="conflict-apply"]') as HTMLButtonElement).disabled).toBe(true);

    await act(async () => unit.querySelector<HTMLButtonElement>('[data-testid="conflict-choose-mine"]')!.click());
    await act(async () => (dialog.querySelector('[data-testid="conflict-apply"]') as HTMLButtonElement).click());
    await act(async () => vi.waitFor(() => expect(puts).toHaveLength(2)));
    expect(puts[1]!.baseRevision).toBe(9);
    expect(puts[1]!.content.sections[0]!.items[0]!.heading).toBe("加强组织领导和统筹协调");
    expect(puts[1]!.content.sections[0]!.items[1]!.body).toEqual(theirs.sections[0]!.items[1]!.body);
    await act(async () => vi.waitFor(() => expect(byTestId("save-state")?.getAttribute("data-state")).toBe("saved")));
    expect(byTestId("conflict-dialog")).toBeNull();
    expect(byTestId("body-editor-i-review")?.textContent).toBe("全年制发规范性文件15件，均经合法性审核。");
  });
});

describe("ReportWorkspace outline editing", () => {
  it("moves items with the ↑↓ buttons and asks before removing one with content", async () => {
    await render(buildReport());
    const headingsOf = () => [...byTestId("section-s-measures")!.querySelectorAll<HTMLInputElement>('input[aria-label$="项标题"]')].map((input) => input.value);
    await act(async () => container.querySelector<HTMLButtonElement>('button[aria-label="下移（一）加强组织领导"]')!.click());
    expect(headingsOf()).toEqual(["严格规范性文件审核", "加强组织领导"]);

    await act(async () => container.querySelector<HTMLButtonElement>('button[aria-label="删除（一）严格规范性文件审核"]')!.click());
    await vi.waitFor(() => expect(byTestId("confirm-remove-dialog")).not.toBeNull());
    expect(byTestId("confirm-remove-dialog")?.textContent).toContain("确定删除条目“严格规范性文件审核”");
    expect(headingsOf()).toHaveLength(2);
    await act(async () => byTestId("confirm-remove")!.click());
    expect(headingsOf()).toEqual(["加强组织领导"]);

    // An empty item goes at once.
    await act(async () => container.querySelector<HTMLButtonElement>('button[aria-label="删除（一）（无标题）"]')!.click());
    expect(byTestId("outline-item-i-gap")).toBeNull();
  });

  it("adds an item and puts the cursor in its heading", async () => {
    await render(buildReport());
    const section = byTestId("outline-section-s-problems")!;
    const add = [...section.querySelectorAll<HTMLButtonElement>("button")].find((button) => button.textContent === "＋ 添加条目")!;
    await act(async () => add.click());
    const inputs = [...byTestId("section-s-problems")!.querySelectorAll<HTMLInputElement>('input[aria-label$="项标题"]')];
    expect(inputs.map((input) => input.getAttribute("aria-label"))).toEqual(["第1项标题", "第2项标题"]);
    expect(document.activeElement).toBe(inputs[1]);
  });
});

describe("ReportWorkspace conflict during composition", () => {
  it("waits for the IME composition to end before opening the conflict dialog, and includes what was typed", async () => {
    const theirs = buildReport();
    theirs.meta.copyTo = "县委办公室";
    theirs.sections[0]!.items[0]!.heading = "加强党的领导";
    let respond: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      "fetch",
      vi.fn(() => new Promise<Response>((resolve) => (respond = resolve))),
    );
    await render(buildReport());
    const input = container.querySelector<HTMLInputElement>('input[aria-label="第1项标题"]')!;
    await act(async () => typeInto(input, "加强领导"));
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent("keydown", { key: "s", ctrlKey: true, cancelable: true }));
    });
    await act(async () => {
      input.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true }));
      typeInto(input, "加强领导xiaozu");
      respond(
        Response.json(
          { ok: false, code: "CONFLICT", message: "", current: { revision: 6, updatedAt: "2026-01-21T02:00:00.000Z", updatedBy: "王强", content: theirs } },
          { status: 409 },
        ),
      );
    });
    await act(async () => vi.waitFor(() => expect(byTestId("save-state")?.getAttribute("data-state")).toBe("merging")));
    expect(byTestId("conflict-dialog")).toBeNull();
    await act(async () => {
      typeInto(input, "加强领导小组");
      input.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "小组" }));
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    const dialog = byTestId("conflict-dialog")!;
    expect(dialog).not.toBeNull();
    expect(dialog.querySelector('[data-testid="conflict-unit-item:i-lead"] [data-testid="conflict-side-mine"]')?.textContent).toContain("加强领导小组");
    expect(dialog.querySelectorAll('[data-testid^="conflict-unit-"]')).toHaveLength(1);
  });
});
