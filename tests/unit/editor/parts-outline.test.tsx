// @vitest-environment jsdom
import "fake-indexeddb/auto";

import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { textToDoc, type Report } from "@/lib/report-model";
import { ReportWorkspace } from "@/components/report/report-workspace";
import { validateForEditor } from "@/components/report/validation/editor-validation";

import { buildReport, TEMPLATE } from "./fixtures";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const DUTY = "县委书记、县长切实履行推进法治建设第一责任人职责，全年主持召开专题会议研究法治政府建设3次。";

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Response.json({ ok: true, data: { revision: 5, updatedAt: "2026-01-21T01:00:00.000Z", updatedBy: "测试用户" } })),
  );
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

/** The county fixture as imported from a file that lacks the leader-duty part, with an extra 其他 part. */
function importedReport(): Report {
  const report = buildReport();
  report.sections = report.sections.filter((section) => section.kind !== "leader_duty");
  const lead = report.sections[0]!.items[0]!;
  lead.body = { type: "doc", content: [...lead.body.content, ...textToDoc(DUTY).content] };
  report.sections.push({
    id: "s-other",
    kind: "other",
    heading: "上级交办事项办理情况",
    lead: "",
    items: [{ id: "i-other", heading: "", body: textToDoc("按期完成市政府交办的排水防涝整改。"), isRunIn: false, area: null, pendingUpdates: [] }],
    indicators: {},
    previousIndicators: {},
  });
  report.commitments[0]!.linkedItemIds = ["i-other", "i-review"];
  return report;
}

async function render(report: Report) {
  await act(async () =>
    root.render(
      <ReportWorkspace
        reportId="3f2c1d8e-1111-4222-8333-944455556666"
        initial={{ content: report, revision: 4, status: "draft", updatedAt: "2026-01-20T02:00:00.000Z", updatedBy: "张敏" }}
        template={TEMPLATE}
        previousReport={null}
        initialValidation={validateForEditor(report, { template: TEMPLATE, previous: null })}
        permissions={{ canEdit: true, canSubmit: true }}
        submitAction={async () => ({ ok: true, data: { status: "in_review" } })}
      />,
    ),
  );
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const button = (label: string) => container.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
const parts = () => [...container.querySelectorAll('[data-testid="outline-part-name"]')].map((node) => node.textContent);
const click = (element: HTMLElement | null) => act(async () => element!.click());

describe("parts in the outline", () => {
  it("offers the missing statutory part first, adds it in its place, and moves the leader-duty text only on acceptance", async () => {
    await render(importedReport());
    expect(parts()).toEqual([
      "一、2025年推进法治政府建设的主要举措和成效",
      "二、存在的不足和原因",
      "三、2026年推进法治政府建设的主要安排",
      "四、上级交办事项办理情况",
    ]);
    await click(container.querySelector<HTMLButtonElement>("#outline-add-part"));
    const option = byTestId("add-part-option-leader_duty")!;
    expect(option.textContent).toContain("党政主要负责人履行推进法治建设第一责任人职责情况");
    expect(option.textContent).toContain("填写指引：《法治政府建设与责任落实督察工作规定》");
    await click(button("添加“党政主要负责人履行推进法治建设第一责任人职责情况”"));
    expect(parts()).toEqual([
      "一、2025年推进法治政府建设的主要举措和成效",
      "二、存在的不足和原因",
      "三、党政主要负责人履行推进法治建设第一责任人职责情况",
      "四、2026年推进法治政府建设的主要安排",
      "五、上级交办事项办理情况",
    ]);
    const leader = container.querySelector<HTMLElement>('[data-testid^="outline-section-"][data-kind="leader_duty"]')!;
    const leaderId = leader.dataset.testid!.slice("outline-section-".length);
    expect(document.activeElement?.id).toBe(`section-heading-${leaderId}`);

    // Suggested, not moved: the measures item still holds the text until the official accepts.
    expect(byTestId("outline-leader-duty-hint")!.textContent).toBe("其他部分有1处相关文字，可移入本部分");
    await click(byTestId("outline-leader-duty-hint"));
    expect(document.activeElement?.textContent).toBe("移入本部分");
    const suggestion = byTestId("leader-duty-suggestion")!;
    expect(suggestion.textContent).toContain(DUTY);
    expect(suggestion.textContent).toContain("位置：“一、2025年推进法治政府建设的主要举措和成效”的（一）“加强组织领导”（1段）");
    expect(byTestId("body-editor-i-lead")!.textContent).toContain(DUTY);
    await click([...suggestion.querySelectorAll("button")].find((candidate) => candidate.textContent === "移入本部分")!);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(byTestId("leader-duty-suggestion")).toBeNull();
    expect(byTestId("outline-leader-duty-hint")).toBeNull();
    expect(byTestId("body-editor-i-lead")!.textContent).not.toContain("第一责任人");
    const leaderEditors = byTestId(`section-${leaderId}`)!.querySelectorAll('[data-testid^="body-editor-"]');
    expect(leaderEditors).toHaveLength(1);
    expect(leaderEditors[0]!.textContent).toBe(DUTY);
  });

  it("keeps statutory parts, warns before removing a part with text, and unlinks its items from commitments", async () => {
    const saved: Report[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init?: RequestInit) => {
        if (init?.method === "PUT") saved.push((JSON.parse(String(init.body)) as { content: Report }).content);
        return Response.json({ ok: true, data: { revision: 5, updatedAt: "2026-01-21T01:00:00.000Z", updatedBy: "测试用户" } });
      }),
    );
    await render(importedReport());
    expect(button("一、2025年推进法治政府建设的主要举措和成效是法定部分，不能删除")!.disabled).toBe(true);
    expect(button("二、存在的不足和原因是法定部分，不能删除")!.disabled).toBe(true);

    await click(button("删除部分四、上级交办事项办理情况"));
    expect(byTestId("remove-part-warning")!.textContent).toBe(
      "此部分已填写内容：1个条目，约17字。删除后这些文字将一并删除，无法撤销。如需保留，请先把文字复制或移到其他部分。",
    );
    await click([...byTestId("confirm-remove-part-dialog")!.querySelectorAll("button")].find((candidate) => candidate.textContent === "取消")!);
    expect(parts()).toHaveLength(4);
    await click(button("删除部分四、上级交办事项办理情况"));
    await click(byTestId("confirm-remove-part"));
    expect(parts()).toHaveLength(3);
    expect(document.activeElement?.id).toBe("outline-add-part");

    await act(
      async () => void document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "s", ctrlKey: true, bubbles: true, cancelable: true })),
    );
    await act(async () => vi.waitFor(() => expect(saved.length).toBeGreaterThan(0)));
    const last = saved.at(-1)!;
    expect(last.sections.map((section) => section.id)).toEqual(["s-measures", "s-problems", "s-next"]);
    expect(last.commitments[0]!.linkedItemIds).toEqual(["i-review"]);
  });

  it("reorders with the ↑↓ buttons keeping focus on them, and renames in place (Enter keeps, Esc cancels)", async () => {
    await render(importedReport());
    const up = button("上移部分四、上级交办事项办理情况")!;
    await click(up);
    expect(parts()[2]).toBe("三、上级交办事项办理情况");
    expect(document.activeElement?.id).toBe("part-move-up-s-other");
    await click(button("上移部分三、上级交办事项办理情况"));
    await click(button("上移部分二、上级交办事项办理情况"));
    expect(parts()[0]).toBe("一、上级交办事项办理情况");
    // At the top the ↑ is disabled, so focus moves to its twin.
    expect(document.activeElement?.id).toBe("part-move-down-s-other");
    expect(button("上移部分一、上级交办事项办理情况")!.disabled).toBe(true);

    await click(button("重命名部分一、上级交办事项办理情况"));
    const input = byTestId("outline-rename-input") as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    await act(async () => {
      setter.call(input, "上级交办事项和督察整改情况");
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await act(async () => void input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true })));
    expect(parts()[0]).toBe("一、上级交办事项和督察整改情况");
    expect((container.querySelector("#section-heading-s-other") as HTMLInputElement).value).toBe("上级交办事项和督察整改情况");

    await click(button("重命名部分一、上级交办事项和督察整改情况"));
    const again = byTestId("outline-rename-input") as HTMLInputElement;
    await act(async () => {
      setter.call(again, "不要的标题");
      again.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await act(async () => void again.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true })));
    expect(parts()[0]).toBe("一、上级交办事项和督察整改情况");
    expect((container.querySelector("#section-heading-s-other") as HTMLInputElement).value).toBe("上级交办事项和督察整改情况");
  });
});
