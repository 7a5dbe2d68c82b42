// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { renderPublicHtml } from "@/lib/export/html";
import { textToDoc } from "@/lib/report-model";
import { getTemplate } from "@/templates";

import { buildCompleteReport } from "../../../fixtures/complete-report";

function render(mutate?: (report: ReturnType<typeof buildCompleteReport>) => void, template = getTemplate("department")) {
  const report = buildCompleteReport({ agency: "青溪市水务局", year: 2025 });
  mutate?.(report);
  const html = renderPublicHtml(report, { template, footerLines: ["青溪市水务局 · 2025年度法治政府建设年度报告（公开版）"] });
  return { html, document: new DOMParser().parseFromString(html, "text/html"), report };
}

describe("[PUBLIC] standalone HTML of a report", () => {
  it("is zh-CN with a viewport, one h1 title and the parts as h2 with their numerals", () => {
    const { document, report } = render();
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(document.querySelector('meta[name="viewport"]')?.getAttribute("content")).toContain("width=device-width");
    expect(document.querySelectorAll("h1")).toHaveLength(1);
    expect(document.querySelector("h1")!.textContent).toBe(report.meta.title);
    expect(document.title).toBe(report.meta.title);
    const parts = [...document.querySelectorAll("h2")].map((heading) => heading.textContent);
    expect(parts[0]).toBe(`一、${report.sections[0]!.heading}`);
    expect(parts).toHaveLength(report.sections.filter((section) => section.heading.trim()).length);
    expect([...document.querySelectorAll("h3")].map((heading) => heading.textContent)[1]).toBe(`（二）${report.sections[0]!.items[1]!.heading}`);
  });

  it("loads nothing from outside: no script, link, image, frame or url()", () => {
    const { html, document } = render();
    expect(document.querySelectorAll("script, link, img, iframe, object, embed, source, video, audio")).toHaveLength(0);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//i);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content")).toBe("default-src 'none'; style-src 'unsafe-inline'");
  });

  it("prints like the PDF: A4 with the GB/T 9704 margins, 3号 仿宋 on a 28.9pt pitch, 黑体 and 楷体 headings", () => {
    const { html } = render();
    const print = html.slice(html.indexOf("@media print"));
    expect(print).toContain("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }");
    expect(print).toContain("font-size: 16pt; line-height: 28.9pt;");
    expect(html).toMatch(/h2 \{ font-family: var\(--hei\)/);
    expect(html).toMatch(/h3 \{ font-family: var\(--kai\)/);
    expect(html).toMatch(/--fang: "仿宋_GB2312"/);
  });

  it("keeps every paragraph of the report, escapes markup and shows the signature and date", () => {
    const { document, report } = render((draft) => {
      draft.sections[0]!.items[0]!.body = textToDoc("<script>alert(1)</script>第一段。\n第二段 & 其他。");
    });
    const text = document.body.textContent!;
    expect(document.querySelectorAll("script")).toHaveLength(0);
    expect(text).toContain("<script>alert(1)</script>第一段。");
    expect(text).toContain("第二段 & 其他。");
    for (const section of report.sections.slice(1))
      for (const item of section.items) expect(text).toContain((item.body.content[0]!.content?.[0]?.text ?? "").slice(0, 30));
    const closing = [...document.querySelectorAll("p.closing")].map((paragraph) => paragraph.textContent);
    expect(closing).toEqual(["青溪市水务局", "2026年2月20日"]);
    expect(document.querySelector("footer")!.textContent).toContain("公开版");
  });

  it("prints the indicator table of a part whose template asks for it, with header cells", () => {
    const template = structuredClone(getTemplate("department"));
    template.sections.find((section) => section.kind === "measures")!.shouldPrintIndicatorTable = true;
    expect(render().document.querySelectorAll("table")).toHaveLength(0);
    const { document } = render(undefined, template);
    const tables = document.querySelectorAll("table");
    expect(tables.length).toBeGreaterThan(0);
    expect(tables[0]!.querySelectorAll("th").length).toBeGreaterThan(0);
    expect(tables[0]!.textContent).toContain("27");
  });
});
