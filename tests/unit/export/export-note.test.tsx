// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { ExportButtons } from "@/components/report/export-buttons";
import { signatureFitNotice, signaturePageWarning } from "@/lib/export/pdf/signature-page";

// Issue #13: what the export did about the 署名's page (GB/T 9704 7.3.5) reaches the official in the editor, as the
// note on open 修订 does; font substitutions and other engine notes stay out of it.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  Object.assign(URL, { createObjectURL: () => "blob:report", revokeObjectURL: () => undefined });
  // The download link's click would navigate, which jsdom does not do.
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function exportWith(warnings: string[]): Promise<string | null> {
  const headers = { "Content-Type": "application/pdf", "X-Export-Warnings": encodeURIComponent(warnings.join("\n")) };
  vi.stubGlobal("fetch", async () => new Response(new Uint8Array([37, 80, 68, 70]), { status: 200, headers }));
  act(() => root.render(<ExportButtons reportId="r1" fileStem="青禾县2025年法治政府建设年度报告" beforeExport={async () => undefined} />));
  await act(async () => {
    container.querySelector<HTMLButtonElement>('[data-testid="export-pdf"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  return container.querySelector('[data-testid="export-note"]')?.textContent ?? null;
}

describe("[EXPORT] the editor tells what the export did about the 署名's page", () => {
  it("shows the tighter last page, and a 署名 that still stands alone", async () => {
    const notice = signatureFitNotice({ fromBlock: 24, linePitch: 500 });
    expect(notice).toBe("为使署名和成文日期与正文同处一页（GB/T 9704 7.3.5），末页正文的固定行距由 28.95 磅调整为 25 磅，文字未改动。");
    expect(await exportWith(["正文：需要“仿宋_GB2312”，本机没有", notice])).toBe(`${notice}知道了`);
    const alone = signaturePageWarning({ text: 4, signature: 5 })!;
    expect(await exportWith([alone])).toBe(`${alone}知道了`);
  });

  it("shows nothing for an export without such a note", async () => {
    expect(await exportWith(["正文：需要“仿宋_GB2312”，本机没有"])).toBeNull();
    expect(await exportWith([])).toBeNull();
  });
});
