// @vitest-environment jsdom
import "fake-indexeddb/auto";

import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { textToDoc, type Report } from "@/lib/report-model";
import { ReportWorkspace } from "@/components/report/report-workspace";

import { buildReport, TEMPLATE } from "./fixtures";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let answer: (url: string, init?: RequestInit) => Response;

beforeEach(() => {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => answer(url, init)),
  );
  let counter = 0;
  vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: () => `blob:test/${(counter += 1)}`, revokeObjectURL: () => undefined }));
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

async function render(previousReport: Report | null = null) {
  await act(async () =>
    root.render(
      <ReportWorkspace
        reportId="3f2c1d8e-1111-4222-8333-944455556666"
        initial={{ content: buildReport(), revision: 1, status: "draft", updatedAt: "2026-01-20T02:00:00.000Z", updatedBy: "张敏" }}
        template={TEMPLATE}
        previousReport={previousReport}
        permissions={{ canEdit: true, canSubmit: true }}
        submitAction={async () => ({ ok: true, data: { status: "in_review" } })}
      />,
    ),
  );
}

const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

describe("preview", () => {
  it("shows a spinner, then one image per A4 page", async () => {
    let release: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      "fetch",
      vi.fn(() => new Promise<Response>((resolve) => (release = resolve))),
    );
    await render();
    await act(async () => byTestId("open-preview")!.click());
    // The dialog's code loads on first use.
    await vi.waitFor(() => expect(byTestId("preview-dialog")).not.toBeNull());
    expect(byTestId("preview-dialog")!.querySelector('[role="status"]')?.textContent).toContain("正在排版");
    await act(async () =>
      release(Response.json({ ok: true, data: { pages: ["<svg xmlns='http://www.w3.org/2000/svg'/>", "<svg xmlns='http://www.w3.org/2000/svg'/>"] } })),
    );
    await settle();
    const images = [...byTestId("preview-pages")!.querySelectorAll("img")];
    expect(images.map((image) => image.alt)).toEqual(["第1页", "第2页"]);
  });

  it("says in Chinese why the preview failed and offers a retry", async () => {
    answer = () => Response.json({ ok: false, code: "INTERNAL", message: "排版服务不可用" }, { status: 500 });
    await render();
    await act(async () => byTestId("open-preview")!.click());
    await settle();
    const alert = byTestId("preview-dialog")!.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain("预览生成失败：排版服务不可用");
    answer = () => Response.json({ ok: true, data: { pages: ["<svg xmlns='http://www.w3.org/2000/svg'/>"] } });
    await act(async () => alert.querySelector("button")!.click());
    await settle();
    expect(byTestId("preview-pages")?.getAttribute("data-count")).toBe("1");
  });
});

describe("export", () => {
  it("shows a clear Chinese error when the download fails", async () => {
    answer = (url) =>
      url.includes("/export")
        ? new Response("<html>Bad Gateway</html>", { status: 502 })
        : Response.json({ ok: true, data: { revision: 2, updatedAt: "x", updatedBy: "y" } });
    await render();
    await act(async () => byTestId("export-docx")!.click());
    await settle();
    expect(byTestId("export-error")?.textContent).toContain("导出Word失败：服务器暂时不可用，请稍后再试");
  });

  it("downloads the file under the server's name", async () => {
    answer = () =>
      new Response(new Uint8Array([80, 75, 3, 4]), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Length": "4",
          "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent("青禾县2025年报告.pdf")}`,
        },
      });
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    await render();
    await act(async () => byTestId("export-pdf")!.click());
    await settle();
    expect(clicked).toEqual(["青禾县2025年报告.pdf"]);
    expect(byTestId("export-error")).toBeNull();
    click.mockRestore();
  });
});

describe("与去年对比", () => {
  it("is offered only with last year's report, and marks what changed", async () => {
    await render();
    expect(byTestId("open-compare")).toBeNull();
    await act(async () => root.unmount());
    root = createRoot(container);

    const previous = buildReport();
    previous.meta.year = 2024;
    previous.sections[0]!.items[1]!.body = textToDoc("全年制发规范性文件9件，全部经过合法性审核并按时报备。");
    await render(previous);
    await act(async () => byTestId("open-compare")!.click());
    await vi.waitFor(() => expect(byTestId("comparison-dialog")).not.toBeNull());
    const dialog = byTestId("comparison-dialog")!;
    expect(dialog.textContent).toContain("左为2024年报告");
    expect([...dialog.querySelectorAll("del")].map((node) => node.textContent)).toContain("9");
    expect([...dialog.querySelectorAll("ins")].map((node) => node.textContent)).toContain("12");
  });
});
