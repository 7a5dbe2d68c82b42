import { z } from "zod";

import { AGENCY_LEVELS, GANGYAO_AREAS, REPORT_SCHEMA_VERSION, SECTION_KINDS } from "./constants";
import { INDICATOR_IDS } from "./indicators";
import { emptyDoc, textToDoc } from "./rich-text";
import { newId, type Report, type ReportSection } from "./report";

export const templateSectionSchema = z.object({
  kind: z.enum(SECTION_KINDS),
  /** Heading with `{year}` / `{nextYear}` placeholders, without numeral. */
  headingPattern: z.string().min(1),
  isRequired: z.boolean(),
  /** Guidance for the writer, in Chinese. */
  guidance: z.string().min(1),
  /** Minimum body length in characters across the part. */
  minLength: z.number().int().min(0),
  suggestedItems: z
    .array(
      z.object({
        heading: z.string().min(1),
        area: z.enum(GANGYAO_AREAS).optional(),
        guidance: z.string().min(1),
      }),
    )
    .default([]),
  indicators: z.array(z.enum(INDICATOR_IDS)).default([]),
  requiredIndicators: z.array(z.enum(INDICATOR_IDS)).default([]),
  /** Print the indicators of this part as a table at its end. */
  shouldPrintIndicatorTable: z.boolean().default(false),
});
export type TemplateSection = z.infer<typeof templateSectionSchema>;

export const templateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  description: z.string().min(1),
  levels: z.array(z.enum(AGENCY_LEVELS)).min(1),
  /** e.g. "{agency}关于{year}年法治政府建设情况的报告" */
  titlePattern: z.string().min(1),
  defaultMainRecipient: z.string().default(""),
  /**
   * Written guidance for the 导语 and the 结束语, shown beside their editor fields. A new report gets no
   * opening text from the template (an invented opening would be printed as if the agency wrote it).
   */
  opening: z
    .object({
      guidance: z.string().min(1),
      closingGuidance: z.string().min(1),
      /** Offered as a one-click choice for the closing line, never filled in by itself. */
      suggestedClosing: z.string().max(200).default("特此报告。"),
    })
    .optional(),
  sections: z.array(templateSectionSchema).min(1),
  layout: z
    .object({
      /** Bold 楷体/仿宋 headings (local practice; GB/T 9704 does not ask for it). */
      isHeadingBold: z.boolean().default(false),
      pageNumberPosition: z.enum(["outside", "center"]).default("outside"),
    })
    .prefault({}),
});
export type ReportTemplate = z.infer<typeof templateSchema>;

export function fillPattern(pattern: string, values: { agency?: string; year: number }): string {
  return pattern
    .replaceAll("{agency}", values.agency ?? "")
    .replaceAll("{nextYear}", String(values.year + 1))
    .replaceAll("{year}", String(values.year));
}

export interface CreateReportOptions {
  agency: string;
  year: number;
  signature?: string;
  mainRecipient?: string;
}

/** A complete empty report for a template: every part, with the suggested items. */
export function createReportFromTemplate(template: ReportTemplate, options: CreateReportOptions): Report {
  const sections: ReportSection[] = template.sections.map((section) => ({
    id: newId("s"),
    kind: section.kind,
    heading: fillPattern(section.headingPattern, options),
    lead: "",
    items:
      section.suggestedItems.length > 0
        ? section.suggestedItems.map((item) => ({
            id: newId("i"),
            heading: fillPattern(item.heading, options),
            body: emptyDoc(),
            isRunIn: false,
            area: item.area ?? null,
            pendingUpdates: [],
          }))
        : [{ id: newId("i"), heading: "", body: emptyDoc(), isRunIn: false, area: null, pendingUpdates: [] }],
    indicators: Object.fromEntries(section.indicators.map((id) => [id, null])),
    previousIndicators: {},
  }));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    templateId: template.id,
    meta: {
      agency: options.agency,
      year: options.year,
      title: fillPattern(template.titlePattern, options),
      mainRecipient: options.mainRecipient ?? template.defaultMainRecipient,
      copyTo: "",
      signature: options.signature ?? options.agency,
      date: "",
      docNumber: "",
      isPublic: true,
    },
    opening: emptyDoc(),
    closing: "",
    sections,
    commitments: [],
  };
}

export { textToDoc };
