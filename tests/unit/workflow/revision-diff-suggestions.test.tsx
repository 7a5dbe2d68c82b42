import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { RevisionDiffView } from "@/components/workflow/revision-diff";
import { compareRevisionContents } from "@/lib/history/suggestion-kinds";
import { acceptAllSuggestions, suggestFieldText, type Report, type RichMark, type SuggestionAttrs } from "@/lib/report-model";

import { buildCompleteReport } from "../../fixtures/complete-report";

const REVIEWER = { authorId: "0b6e3f0c-5a43-4c1e-9a55-1d2f9a2d7c11", authorName: "王审核", at: "2026-11-29T08:15:00.000Z" };
const attrs = (id: string): SuggestionAttrs => ({ id, ...REVIEWER });
const ins = (id: string): RichMark => ({ type: "suggestInsert", attrs: attrs(id) });
const del = (id: string): RichMark => ({ type: "suggestDelete", attrs: attrs(id) });

function older(): Report {
  const report = buildCompleteReport();
  report.sections[0]!.items[0]!.body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "全年开展专题学习六次。" }] }] };
  return report;
}

/** The reviewer's revision: 集中 inserted, 六次 deleted and 八次 inserted, a suggested new paragraph, and a new closing. */
function newer(): Report {
  const report = older();
  report.sections[0]!.items[0]!.body = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "全年开展" },
          { type: "text", text: "集中", marks: [ins("a")] },
          { type: "text", text: "专题学习" },
          { type: "text", text: "六次", marks: [del("b")] },
          { type: "text", text: "八次", marks: [ins("c")] },
          { type: "text", text: "。" },
        ],
      },
      { type: "paragraph", content: [{ type: "text", text: "组织旁听庭审两次。", marks: [ins("d")] }] },
    ],
  };
  return suggestFieldText(report, { target: { field: "closing" }, text: "特此报告。", author: REVIEWER, newId: () => "f1" })!;
}

/** The part's text paragraph of the rendered diff (without the field-suggestion list). */
function partText(html: string): string {
  return html.match(/<p class="text-sm leading-7 whitespace-pre-wrap">[\s\S]*?<\/p>/)![0];
}

function render(olderReport: Report, newerReport: Report): string {
  const diff = compareRevisionContents(olderReport, newerReport);
  return renderToStaticMarkup(
    <RevisionDiffView
      diff={{ ...diff, older: { id: "a", revision: 3, number: 3, status: "in_review" }, newer: { id: "b", revision: 4, number: 4, status: "in_review" } }}
    />,
  );
}

describe("[HISTORY] the revision diff shows suggestions in colour", () => {
  it("suggested insertions and deletions carry the editor's suggestion classes; a suggested deletion shows although the text is unchanged", () => {
    const html = render(older(), newer());
    const body = partText(html);
    const suggestedInserts = [...body.matchAll(/<ins class="suggestion suggestion-insert"[^>]*>([^<]*)<\/ins>/g)].map((match) => match[1]);
    const suggestedDeletes = [...body.matchAll(/<del class="suggestion suggestion-delete"[^>]*>([^<]*)<\/del>/g)].map((match) => match[1]);
    expect(suggestedInserts).toEqual(["集中", "八次", "组织旁听庭审两次。"]);
    expect(suggestedDeletes).toEqual(["六次"]);
    expect(body).not.toMatch(/bg-green-100[^>]*>[^<]*(集中|八次|组织)/);
    expect(html).not.toContain("内容没有变化");
    expect(html).toContain("结束语的修订（王审核）新提出");
  });

  it("a revision that only adds a suggested deletion is a change", () => {
    const before = older();
    const after = older();
    after.sections[0]!.items[0]!.body = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "全年开展专题学习" },
            { type: "text", text: "六次", marks: [del("b")] },
            { type: "text", text: "。" },
          ],
        },
      ],
    };
    const diff = compareRevisionContents(before, after);
    expect(diff.isChanged).toBe(true);
    expect(render(before, after)).toMatch(/<del class="suggestion suggestion-delete"[^>]*>六次<\/del>/);
  });

  it("the opening's suggestions show in colour too, under 导语", () => {
    const before = older();
    before.opening = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "现将有关情况报告如下：" }] }] };
    const after = structuredClone(before);
    after.opening = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "现将" },
            { type: "text", text: "全年", marks: [ins("o1")] },
            { type: "text", text: "有关情况报告如下：" },
          ],
        },
      ],
    };
    const html = render(before, after);
    const opening = html.match(/<article[^>]*data-testid="revision-diff-opening"[\s\S]*?<\/article>/)![0];
    expect(opening).toContain("<h3");
    expect(opening).toMatch(/<ins class="suggestion suggestion-insert"[^>]*>全年<\/ins>/);
    expect(render(before, structuredClone(before))).not.toContain("revision-diff-opening");
  });

  it("accepting the suggestions shows the text plain again and the closing's suggestion as decided", () => {
    const html = render(newer(), acceptAllSuggestions(newer()));
    expect(partText(html)).not.toContain("suggestion");
    expect(html).toContain("结束语的修订（王审核）已处理");
  });
});
