// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { readField, type Report } from "@/lib/report-model";
import { PreviewDialog } from "@/components/report/preview-dialog";

import { buildReport } from "../editor/fixtures";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let sent: unknown;

beforeEach(() => {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  sent = undefined;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init?: RequestInit) => {
      sent = JSON.parse(String(init?.body));
      return Response.json({ ok: true, data: { pages: ["<svg xmlns='http://www.w3.org/2000/svg'/>"] } });
    }),
  );
  vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: () => "blob:test/1", revokeObjectURL: () => undefined }));
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

function withHeadingSuggestion(report: Report): Report {
  const target = { field: "sectionHeading" as const, sectionId: report.sections[0]!.id };
  const from = readField(report, target)!;
  return { ...report, fieldSuggestions: [{ id: "f1", authorId: "u2", authorName: "王审核", at: "2026-11-29T08:15:00.000Z", target, from, to: `${from}情况` }] };
}

async function open(report: Report): Promise<string> {
  await act(async () =>
    root.render(<PreviewDialog open onClose={() => undefined} reportId="3f2c1d8e-1111-4222-8333-944455556666" getContent={() => report} />),
  );
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  return container.ownerDocument.querySelector('[data-testid="preview-dialog"]')?.textContent ?? "";
}

describe("[SUGGEST] preview dialog with open suggestions", () => {
  it("says the colours are suggestions and the exported PDF prints them accepted; sends the suggestions to the preview", async () => {
    const text = await open(withHeadingSuggestion(buildReport()));
    expect(text).toContain("未处理的修订以颜色标出：插入为蓝色加下划线，删除为红色加删除线；导出的 PDF 按全部接受后的文字排版。");
    expect(text).not.toContain("与导出的 PDF 一致");
    expect((sent as { content: Report }).content.fieldSuggestions).toHaveLength(1);
  });

  it("without suggestions says the preview is the PDF", async () => {
    const text = await open(buildReport());
    expect(text).toContain("与导出的 PDF 一致");
    expect(text).not.toContain("修订");
  });
});
