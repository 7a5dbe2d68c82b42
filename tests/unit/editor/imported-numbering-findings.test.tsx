// @vitest-environment jsdom
import "fake-indexeddb/auto";

import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { Report } from "@/lib/report-model";
import { ReportWorkspace } from "@/components/report/report-workspace";
import { validateForEditor } from "@/components/report/validation/editor-validation";

import { buildReport, TEMPLATE } from "./fixtures";

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

/** The report as an accepted import stores it: the file typed "(三)" for the second item. */
function importedReport(): Report {
  const report = buildReport();
  report.sections[0]!.items[1]!.importedNumbering = { line: "(三)严格规范性文件审核", expected: 2, previous: 1 };
  return report;
}

const numberingEntries = () =>
  [...container.querySelectorAll<HTMLElement>('[data-testid="findings"] li')].filter((entry) => entry.querySelector('[data-rule-id="source-numbering"]'));

describe("the editor's findings for an imported file's heading numerals", () => {
  it("shows the file's numeral finding with its acknowledgement; acknowledging removes it and saves the report without the record", async () => {
    const report = importedReport();
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
    const [entry] = numberingEntries();
    expect(entry?.textContent).toContain("原文件中的标题“(三)严格规范性文件审核”的序号“(三)”跳过了“（二）”；括号是半角");
    expect(entry?.textContent).toContain("报告中已按位置自动编号为“（二）”");
    const fix = entry!.querySelector<HTMLButtonElement>('[data-testid="finding-fix"]')!;
    expect(fix.textContent).toBe("修正：知道了，以报告编号为准");

    await act(async () => fix.click());
    // Findings are checked again at the next pause (400 ms).
    await act(async () => new Promise((resolve) => setTimeout(resolve, 700)));
    expect(numberingEntries()).toEqual([]);
    await act(async () => vi.waitFor(() => expect(puts.length).toBeGreaterThan(0), { timeout: 5000 }));
    const saved = puts.at(-1)!.content.sections[0]!.items;
    expect(saved[1]!.importedNumbering).toBeUndefined();
    expect(saved.map((item) => item.heading)).toEqual(["加强组织领导", "严格规范性文件审核"]);
  });
});
