import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ImportError, importReport, importText } from "@/lib/import";
import { reportSchema } from "@/lib/report-model";

import { buildFixtureDocx } from "./docx-fixture";

const TIME_LIMIT_MS = 5000;

/** Resolves to "report" or "import-error"; any other exception or a hang fails the property. */
async function outcome(run: () => Promise<unknown> | unknown): Promise<"report" | "import-error"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`超过 ${TIME_LIMIT_MS} ms 未完成`)), TIME_LIMIT_MS);
  });
  try {
    const result = (await Promise.race([Promise.resolve().then(run), timeout])) as { report: unknown };
    expect(reportSchema.safeParse(result.report).success).toBe(true);
    return "report";
  } catch (error) {
    if (error instanceof ImportError) return "import-error";
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

const FRAGMENTS = [
  "一、",
  "二、",
  "、",
  "（一）",
  "(二)",
  "1.",
  "（1）",
  "一是",
  "二是",
  "。",
  "，",
  ",",
  ":",
  "：",
  "\n",
  "\n\n",
  "存在的问题",
  "下一步工作计划",
  "主要举措和成效",
  "党政主要负责人履行推进法治建设第一责任人职责情况",
  "存在问题和下一步打算",
  "首页 > 政务公开",
  "字号：大 中 小",
  "扫一扫在手机打开当前页",
  "发布时间：2024-02-30",
  "2023年",
  "二〇二三年十三月五日",
  "某某局2023年法治政府建设年度报告",
  "市委、市政府：",
  "軟體與資訊",
  "法治政府建設",
  '"引号"',
  "'单引号'",
  "(括号)",
  "\u0000",
  "\ufffd",
  "\u3000",
  "𠀀",
  "<p>",
  "</table>",
  "&#x0;",
  "&amp;",
];

const textArbitrary = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 })), { maxLength: 120 })
  .map((parts) => parts.join(""));

describe("[IMPORT] never throws anything but ImportError, never hangs", () => {
  it("random text pasted into the editor", async () => {
    await fc.assert(
      fc.asyncProperty(textArbitrary, async (text) => void (await outcome(() => importText(text)))),
      { numRuns: 300 },
    );
  });

  it("random bytes under any file name", async () => {
    const names = fc.constantFrom("a.txt", "a.docx", "a.pdf", "a.html", "a", "a.doc", "a.md");
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 3000 }),
        names,
        async (bytes, fileName) => void (await outcome(() => importReport({ bytes, fileName }))),
      ),
      { numRuns: 200 },
    );
  });

  it("random markup as a web page", async () => {
    const tags = fc.constantFrom(
      "<p>",
      "</p>",
      '<div class="nav">',
      "</div>",
      "<table>",
      "<tr>",
      "<td>",
      "</table>",
      "<script>",
      "<!--",
      "-->",
      "<br>",
      "<strong>",
      "</strong>",
      "<h1>",
      "<",
    );
    const html = fc.array(fc.oneof(tags, fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 10 })), { maxLength: 150 }).map((parts) => parts.join(""));
    await fc.assert(
      fc.asyncProperty(html, async (markup) => void (await outcome(() => importReport({ bytes: new TextEncoder().encode(markup), fileName: "page.html" })))),
      { numRuns: 200 },
    );
  });

  it("mutated and truncated DOCX files", async () => {
    const docx = await buildFixtureDocx();
    const mutation = fc.record({
      flips: fc.array(fc.tuple(fc.nat({ max: docx.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
      cut: fc.nat({ max: docx.length }),
      shouldCut: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ flips, cut, shouldCut }) => {
        const bytes = new Uint8Array(docx);
        for (const [position, value] of flips) bytes[position] = value;
        await outcome(() => importReport({ bytes: shouldCut ? bytes.subarray(0, cut) : bytes, fileName: "a.docx" }));
      }),
      { numRuns: 80 },
    );
  });
});
