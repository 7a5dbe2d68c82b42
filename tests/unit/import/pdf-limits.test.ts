import { describe, expect, it } from "vitest";

import { ImportError, importReport } from "@/lib/import";
import { PDF_LIMITS, readPdf } from "@/lib/import/read-pdf";

import { sharedStreamPdf } from "../../reliability/helpers/abuse-files";

import { buildMinimalPdf } from "./pdf-fixture";

async function refusalOf(run: Promise<unknown>): Promise<ImportError> {
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/** A clock that moves `stepMs` every time the reader looks at it. */
function steppingClock(stepMs: number): () => number {
  let now = 0;
  return () => (now += stepMs);
}

describe("[ABUSE] the PDF reader bounds itself", () => {
  it("refuses the 85 KB file of 500 pages sharing one stream by its page count, before reading any page", async () => {
    const pdf = sharedStreamPdf(500, 20_000);
    expect(pdf.length).toBeLessThan(100_000);
    const error = await refusalOf(importReport({ bytes: pdf, fileName: "年报.pdf" }));
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toBe(`PDF 文件有 500 页，超过 ${PDF_LIMITS.maxPages} 页的上限，已中止读取。请导入 Word 原文，或删减后另存为 PDF 再试。`);
  });

  it("stops a page with more text runs than any real page has", async () => {
    const error = await refusalOf(readPdf(sharedStreamPdf(20, PDF_LIMITS.maxItemsPerPage + 500)));
    expect(error.message).toContain(`第 1 页的文字片段超过 ${PDF_LIMITS.maxItemsPerPage} 个`);
  });

  it("stops when the whole file holds too many text runs, though each page is within bounds", async () => {
    const error = await refusalOf(readPdf(sharedStreamPdf(30, 2_000), { limits: { maxItems: 50_000 } }));
    expect(error.message).toContain("的文字片段超过 50000 个");
  });

  it("stops a page that reads too long, and a file whose pages together read too long", async () => {
    const slowPage = await refusalOf(readPdf(sharedStreamPdf(3, 5_000), { now: steppingClock(1_000), limits: { maxTotalMs: 1e9 } }));
    expect(slowPage.message).toMatch(/^PDF 文件第 1 页结构异常复杂，读取超过 5 秒，已中止读取/);
    // 40 ms per look at the clock: each page stays under its 5 s, the file passes 20 s on a later page.
    const slowFile = await refusalOf(readPdf(sharedStreamPdf(200, 3_000), { now: steppingClock(40) }));
    expect(slowFile.message).toMatch(/^PDF 文件结构异常复杂，读取超过 20 秒，已中止读取/);
  });

  it("reads an ordinary PDF within every bound", async () => {
    const pdf = buildMinimalPdf("BT /F1 12 Tf 72 720 Td (Annual report of the water bureau, text layer present.) Tj ET");
    const blocks = await readPdf(pdf);
    expect(blocks.map((block) => block.text).join("")).toContain("Annual report of the water bureau");
  });
});
