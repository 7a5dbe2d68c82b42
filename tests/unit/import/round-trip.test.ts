import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { exportReportPdf, stopTypstEngine } from "@/lib/export/pdf";
import { importReport } from "@/lib/import";
import {
  docToText,
  newId,
  REPORT_SCHEMA_VERSION,
  textToDoc,
  type IndicatorValues,
  type Report,
  type ReportItem,
  type ReportSection,
  type SectionKind,
} from "@/lib/report-model";
import { findTemplate } from "@/templates";

const TEMPLATE = findTemplate("county-government")!;
/** The figures the county-government template prints as a table at the end of 主要举措和成效. */
const MEASURE_INDICATORS = TEMPLATE.sections.find((section) => section.kind === "measures")!.indicators;

/**
 * Round trip: a report Nianbao exports (DOCX and PDF) imports back to the same report — title, 文号, 主送,
 * opening, parts, items, numbering, closing, signature, date and 抄送. The reports are generated from
 * wording an official would write (fictional agencies and figures), in every combination the model allows
 * for the parts an exported report can show.
 */

const AGENCIES = [
  ["白沙县司法局", "白司"],
  ["青禾市水务局", "青水"],
  ["东岭镇人民政府", "东府"],
  ["南湖区市场监督管理局", "南市监"],
  ["临川市交通运输局", "临交"],
] as const;
const RECIPIENTS = ["县委全面依法治县委员会办公室", "市委、市政府", "区人民政府"];
const COPY_TO = ["市司法局", "县人民政府办公室", "市委依法治市办", "省交通运输厅"];
const SENTENCES = [
  "全年评查行政执法案卷186卷，整改问题41个。",
  "开展普法主题活动58场，覆盖群众3.2万人次。",
  "重大行政决策事项全部经过合法性审查。",
  "行政复议案件办结率达到100%。",
  "全年组织领导干部专题学法4次。",
  "基层执法力量仍显薄弱，执法装备不足。",
  "推进执法全过程记录，音像记录设备配备到所有执法队伍。",
  "建成村（社区）法律服务工作室12个。",
];
const MEASURE_ITEMS = ["加强执法监督", "推进普法宣传", "深化“放管服”改革", "健全依法决策机制", "强化行政复议监督", "推进政务公开"];
const PLAN_ITEMS = ["完善合法性审查机制", "开展执法人员轮训", "推进综合执法改革", "加强法治督察"];
const HEADINGS: Record<Exclude<SectionKind, "other">, string[]> = {
  measures: ["主要举措和成效", "法治政府建设主要举措和成效"],
  leader_duty: ["党政主要负责人履行推进法治建设第一责任人职责情况"],
  problems: ["存在的不足和原因", "存在的问题"],
  next_year: ["YEAR年主要安排", "下一步工作打算"],
};

const item = (heading: string, body: string, isRunIn: boolean): ReportItem => ({
  id: newId("i"),
  heading,
  body: textToDoc(body),
  isRunIn,
  area: null,
  pendingUpdates: [],
});

const bodyArbitrary = fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }).map((sentences) => sentences.join(""));

/** Titled items (headings, run-in headings, or one-sentence items), or one untitled body. */
function itemsArbitrary(headings: string[]): fc.Arbitrary<ReportItem[]> {
  const titled = fc.uniqueArray(fc.constantFrom(...headings), { minLength: 1, maxLength: 3 }).chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc.oneof(
          bodyArbitrary.map((body) => item(name, body, false)),
          bodyArbitrary.map((body) => item(name, body, true)),
          fc.constantFrom(...SENTENCES).map((sentence) => item(sentence, "", true)),
        ),
      ),
    ),
  );
  const untitled = bodyArbitrary.map((body) => [item("", body, false)]);
  return fc.oneof(titled, untitled);
}

function sectionArbitrary(kind: Exclude<SectionKind, "other">, year: number): fc.Arbitrary<ReportSection> {
  const headings = HEADINGS[kind].map((heading) => heading.replace("YEAR", String(year + 1)));
  const items =
    kind === "measures"
      ? itemsArbitrary(MEASURE_ITEMS)
      : kind === "next_year"
        ? itemsArbitrary(PLAN_ITEMS)
        : bodyArbitrary.map((body) => [item("", body, false)]);
  const figures: fc.Arbitrary<IndicatorValues> =
    kind === "measures"
      ? fc
          .tuple(...MEASURE_INDICATORS.map(() => fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null })))
          .map((values) => Object.fromEntries(MEASURE_INDICATORS.map((id, index) => [id, values[index] ?? null])))
      : fc.constant({});
  return fc
    .record({ heading: fc.constantFrom(...headings), items, figures })
    .map(({ heading, items: list, figures: indicators }) => ({ id: newId("s"), kind, heading, lead: "", items: list, indicators, previousIndicators: {} }));
}

const reportArbitrary: fc.Arbitrary<Report> = fc
  .record({
    agency: fc.constantFrom(...AGENCIES),
    year: fc.integer({ min: 2020, max: 2030 }),
    hasDocNumber: fc.boolean(),
    number: fc.integer({ min: 1, max: 99 }),
    recipient: fc.option(fc.constantFrom(...RECIPIENTS), { nil: "" }),
    copyTo: fc.option(fc.uniqueArray(fc.constantFrom(...COPY_TO), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    closing: fc.constantFrom("", "特此报告。"),
    hasSignature: fc.boolean(),
    day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
    hasLeaderPart: fc.boolean(),
    openingTail: fc.constantFrom("现将有关情况报告如下：", "现将主要情况报告如下："),
  })
  .chain((base) =>
    fc
      .tuple(
        sectionArbitrary("measures", base.year),
        base.hasLeaderPart ? sectionArbitrary("leader_duty", base.year) : fc.constant(undefined),
        sectionArbitrary("problems", base.year),
        sectionArbitrary("next_year", base.year),
      )
      .map((sections): Report => {
        const agency: string = base.agency[0];
        const short: string = base.agency[1];
        return {
          schemaVersion: REPORT_SCHEMA_VERSION,
          templateId: "department",
          meta: {
            agency,
            year: base.year,
            title: `${agency}${base.year}年法治政府建设年度报告`,
            mainRecipient: base.recipient,
            copyTo: base.copyTo?.join("，") ?? "",
            signature: base.hasSignature ? agency : "",
            date: base.day ? `${base.year + 1}-01-${String(base.day).padStart(2, "0")}` : "",
            docNumber: base.hasDocNumber ? `${short}发〔${base.year + 1}〕${base.number}号` : "",
            isPublic: true,
          },
          opening: textToDoc(`${base.year}年，${agency}坚持以习近平法治思想为指导，认真落实法治政府建设各项任务。${base.openingTail}`),
          closing: base.closing,
          sections: sections.filter((section): section is ReportSection => !!section),
          commitments: [],
        };
      }),
  );

/** What a reader of the printed report sees, in the model's terms. */
function visible(report: Report) {
  return {
    meta: { ...report.meta, agency: undefined, isPublic: undefined },
    opening: docToText(report.opening),
    closing: report.closing,
    sections: report.sections.map((section) => ({
      kind: section.kind,
      heading: section.heading,
      lead: section.lead,
      // The printed table shows every template indicator; a figure not filled in prints "—" and reads back as null.
      indicators: Object.fromEntries(Object.entries(section.indicators).filter(([, value]) => value !== null)),
      items: section.items.map((entry) => ({
        heading: entry.isRunIn ? entry.heading.replace(/(?<![。！？])$/, "") : entry.heading,
        isRunIn: entry.isRunIn,
        text: docToText(entry.body),
      })),
    })),
  };
}

describe("[IMPORT] a report exported by Nianbao imports back to the same report", () => {
  afterAll(() => stopTypstEngine());

  it("DOCX: generated reports", async () => {
    await fc.assert(
      fc.asyncProperty(reportArbitrary, async (report) => {
        const bytes = await exportReportDocx(report, { template: TEMPLATE });
        const { report: imported } = await importReport({ bytes, fileName: "导出.docx" });
        expect(visible(imported)).toEqual(visible(report));
        expect(imported.meta.agency).toBe(report.meta.agency);
      }),
      { numRuns: 30, seed: 20250120 },
    );
  }, 120_000);

  it("PDF: generated reports", async () => {
    await fc.assert(
      fc.asyncProperty(reportArbitrary, async (report) => {
        const { bytes } = await exportReportPdf(report, { ...DEFAULT_EXPORT_OPTIONS, isDraft: false, template: TEMPLATE });
        const { report: imported } = await importReport({ bytes, fileName: "导出.pdf" });
        expect(visible(imported)).toEqual(visible(report));
      }),
      { numRuns: 8, seed: 20250120 },
    );
  }, 240_000);
});
