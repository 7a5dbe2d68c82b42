import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { BODY_NODE_TYPES, emptyDoc, GANGYAO_AREAS, REPORT_SCHEMA_VERSION, SECTION_KINDS, type Report, type RichDoc, type RichNode } from "@/lib/report-model";
import { applyFix, completeness, gangyaoCoverage, RULES, summarizeFindings, validateReport } from "@/lib/validation";
import { listTemplates } from "@/templates";

import { buildReport, cleanReportSpec } from "./helpers";

// Text biased towards what the rules look for, plus arbitrary unicode (surrogates, combining marks).
const interesting = fc.constantFrom(
  "一是",
  "二是",
  "三还",
  "是",
  "第一，",
  "1.",
  "（1）",
  "、",
  "2023年",
  "2025年",
  "《",
  "》",
  "“",
  "”",
  "(",
  ")",
  ",",
  "。。",
  "%",
  "120%",
  "出庭应诉率",
  "11010519491231002X",
  "13812345678",
  "放管服改革",
  "\n",
  "\t",
  "〔",
  "[2016]",
  "号",
  "原因",
  "第一责任人",
);
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.array(fc.oneof(interesting, fc.string({ maxLength: 3 })), { maxLength: 30 }).map((parts) => parts.join("")),
);

const node: fc.Arbitrary<RichNode> = fc.letrec<{ node: RichNode }>((tie) => ({
  node: fc.record(
    {
      type: fc.constantFrom(...BODY_NODE_TYPES),
      text: text,
      content: fc.array(tie("node"), { maxLength: 3 }),
      marks: fc.constant([{ type: "bold" as const }]),
    },
    { requiredKeys: ["type"] },
  ),
})).node;
const doc = fc.array(node, { maxLength: 4 }).map((content): RichDoc => ({ type: "doc", content }));

const item = fc.record({
  id: fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/),
  heading: text,
  body: doc,
  isRunIn: fc.boolean(),
  area: fc.constantFrom(null, ...GANGYAO_AREAS),
  pendingUpdates: fc.array(
    fc.record({ id: fc.constant("p"), text: text.filter((value) => value.length > 0), kind: fc.constantFrom("year" as const, "figure" as const) }),
    { maxLength: 2 },
  ),
});
const indicatorValue = fc.oneof(fc.constant(null), fc.nat(1000), fc.double({ min: 0, max: 1e6, noNaN: true }));
const section = fc.record({
  id: fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/),
  kind: fc.constantFrom(...SECTION_KINDS),
  heading: text,
  lead: text,
  items: fc.array(item, { maxLength: 4 }),
  indicators: fc.dictionary(fc.constantFrom("fuyi_received", "fuyi_closed", "susong_cases", "susong_heads_appear", "chufa_cases", "unknown"), indicatorValue),
  previousIndicators: fc.constant({}),
});
const report: fc.Arbitrary<Report> = fc.record({
  schemaVersion: fc.constant(REPORT_SCHEMA_VERSION),
  templateId: fc.constantFrom("department", "county-government", "township", "unknown"),
  meta: fc.record({
    agency: text,
    year: fc.integer({ min: 2000, max: 2100 }),
    title: text,
    mainRecipient: text,
    copyTo: text,
    signature: text,
    date: fc.constantFrom("", "2025-03-08", "2020-02-30"),
    docNumber: text,
    isPublic: fc.boolean(),
  }),
  opening: fc.constant(emptyDoc()),
  closing: text,
  sections: fc.array(section, { maxLength: 6 }),
  commitments: fc.array(
    fc.record({
      id: fc.constant("c"),
      text: text,
      status: fc.constantFrom("open" as const, "done" as const, "not_done" as const),
      linkedItemIds: fc.constant([]),
      reason: text,
    }),
    { maxLength: 3 },
  ),
});

/** Mutates a well-formed report: a random field replaced by random, huge or empty text. */
const mutated = fc.tuple(fc.nat(), text, fc.constantFrom("", "。".repeat(20_000), "一是".repeat(5000), "（".repeat(10_000))).map(([index, value, huge]) => {
  const base = buildReport(cleanReportSpec());
  const item = base.sections[index % base.sections.length]!.items[0]!;
  if (index % 3 === 0) item.body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: value + huge }] }] };
  else if (index % 3 === 1) item.heading = huge + value;
  else base.meta.title = value;
  return base;
});

function runEverything(subject: Report, previous?: Report): void {
  const template = listTemplates().find((candidate) => candidate.id === subject.templateId);
  const findings = validateReport(subject, { template, previous });
  summarizeFindings(findings);
  gangyaoCoverage(subject);
  if (template) completeness(subject, template, findings);
  for (const finding of findings) {
    expect(typeof finding.message).toBe("string");
    if (finding.fix) applyFix(subject, finding.fix);
  }
}

describe("validation never throws", () => {
  it("on random reports, with and without a previous report", () => {
    fc.assert(
      fc.property(report, fc.option(report, { nil: undefined }), (subject, previous) => runEverything(subject, previous)),
      { numRuns: 200 },
    );
  });

  it("on mutated well-formed reports (huge, empty and odd text)", () => {
    fc.assert(
      fc.property(mutated, (subject) => runEverything(subject, buildReport(cleanReportSpec()))),
      { numRuns: 40 },
    );
  });

  it("each rule on its own, on random reports", () => {
    fc.assert(
      fc.property(report, (subject) => {
        for (const rule of RULES) expect(Array.isArray(rule.check(subject, { previous: subject }))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
