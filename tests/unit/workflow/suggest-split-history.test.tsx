import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { RevisionDiffView } from "@/components/workflow/revision-diff";
import { compareRevisionContents } from "@/lib/history/suggestion-kinds";
import { acceptAllSuggestions, type Report, type RichMark } from "@/lib/report-model";

import { buildCompleteReport } from "../../fixtures/complete-report";

const SPLIT: RichMark = { type: "suggestSplit", attrs: { id: "s1", authorId: "u-review", authorName: "王审核", at: "2026-11-29T08:15:00.000Z" } };

function older(): Report {
  const report = buildCompleteReport();
  report.sections[0]!.items[0]!.body = {
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: "全年开展专题学习六次，邀请专家解读行政复议法。" }] }],
  };
  return report;
}

/** The reviewer's revision: the paragraph split after "，" as a suggestion. */
function newer(): Report {
  const report = older();
  report.sections[0]!.items[0]!.body = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "全年开展专题学习六次" },
          { type: "text", text: "，", marks: [SPLIT] },
        ],
      },
      { type: "paragraph", content: [{ type: "text", text: "邀请专家解读行政复议法。" }] },
    ],
  };
  return report;
}

function render(olderReport: Report, newerReport: Report): string {
  const diff = compareRevisionContents(olderReport, newerReport);
  return renderToStaticMarkup(
    <RevisionDiffView
      diff={{ ...diff, older: { id: "a", revision: 3, number: 3, status: "in_review" }, newer: { id: "b", revision: 4, number: 4, status: "in_review" } }}
    />,
  );
}

describe("[SUGGEST] the history shows a suggested paragraph break", () => {
  it("the line break of the split is a suggestion (↵ in the suggestion colour), not a plain addition", () => {
    const html = render(older(), newer());
    expect(html).toMatch(/<ins class="suggestion suggestion-insert" title="修订：分段">↵\n<\/ins>/);
    expect(html).not.toMatch(/title="新增">\n/);
  });

  it("once accepted, the break is plain text in the next revision's comparison", () => {
    const accepted = acceptAllSuggestions(newer());
    const html = render(newer(), accepted);
    expect(html).not.toContain("修订：分段");
  });
});
