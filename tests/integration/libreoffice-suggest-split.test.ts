/**
 * A suggested paragraph split in the review DOCX (an inserted paragraph mark by the reviewer) survives a LibreOffice
 * docx → docx round trip as such. Needs soffice (installed by .ci/run); skipped locally without it.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import type { RichMark } from "@/lib/report-model";

import { pdfFixtureReport } from "../unit/export/pdf/pdf-fixture-report";
import { findCommand } from "../unit/export/docx/helpers/libreoffice";
import { paragraphsOf, unzipDocx } from "../unit/export/docx/helpers/docx-xml";

const run = promisify(execFile);
const soffice = await findCommand("soffice", "libreoffice");
if (!soffice && process.env.CI === "true") throw new Error("CI 环境缺少 LibreOffice：请检查 .ci/run 的安装步骤");

const SPLIT: RichMark = { type: "suggestSplit", attrs: { id: "split1", authorId: "u-review", authorName: "王审核", at: "2026-11-29T08:15:00.000Z" } };

describe.skipIf(!soffice)("[SUGGEST] a suggested paragraph split through LibreOffice", () => {
  let directory = "";
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "nianbao-split-"));
  });
  afterAll(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it("keeps the first part's paragraph mark as the reviewer's insertion, the text outside any change", async () => {
    const report = pdfFixtureReport();
    report.opening = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "现将我县2024年度法治政府建设情" },
            { type: "text", text: "况", marks: [SPLIT] },
          ],
        },
        { type: "paragraph", content: [{ type: "text", text: "报告如下。" }] },
      ],
    };
    const input = path.join(directory, "split.docx");
    await mkdir(path.join(directory, "out"), { recursive: true });
    await writeFile(input, await exportReportDocx(report, { isDraft: true }));
    await run(
      soffice!,
      [
        `-env:UserInstallation=file://${path.join(directory, "lo-profile")}`,
        "--headless",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        path.join(directory, "out"),
        input,
      ],
      { timeout: 300_000 },
    );
    const xml = unzipDocx(new Uint8Array(await readFile(path.join(directory, "out", "split.docx"))))["word/document.xml"]!;
    const paragraphs = paragraphsOf(xml);
    const first = paragraphs.find((paragraph) => paragraph.text.startsWith("现将我县"))!;
    expect(first.text).toBe("现将我县2024年度法治政府建设情况");
    expect(first.xml).toMatch(/<w:pPr>.*<w:rPr><w:ins w:id="\d+" w:author="王审核" w:date="2026-11-29T08:15:00Z"(\/>|><\/w:ins>)<\/w:rPr><\/w:pPr>/s);
    expect(first.xml.replace(/<w:pPr>.*<\/w:pPr>/s, "")).not.toContain("<w:ins");
    expect(paragraphs[paragraphs.indexOf(first) + 1]!.text).toBe("报告如下。");
  }, 320_000);
});
