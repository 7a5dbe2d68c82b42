import type { Report, SectionKind } from "@/lib/report-model";

/** What kind of change a log entry records. */
export type ImportLogKind = "removed" | "converted" | "guessed" | "warning";

export interface ImportLogEntry {
  kind: ImportLogKind;
  /** Chinese, addressed to the user. */
  message: string;
  /** Short sample of the affected text (e.g. the noise line removed). */
  sample?: string;
}

/** A mapping the importer is unsure of: the UI asks the user to confirm it. */
export interface UncertainMapping {
  /** "section" for a part's kind, "meta" for a metadata field. */
  target: "section" | "meta";
  /** Index into `report.sections` when target is "section". */
  sectionIndex?: number;
  /** Meta field name when target is "meta". */
  field?: "title" | "agency" | "year" | "date" | "signature" | "mainRecipient";
  /** The heading or text the guess was based on. */
  source: string;
  /** The value chosen, e.g. a section kind or "2023". */
  chosen: SectionKind | string;
  /** Chinese explanation for the user. */
  message: string;
}

export interface ImportResult {
  report: Report;
  log: ImportLogEntry[];
  uncertain: UncertainMapping[];
  /** Present when the text was converted from Traditional Chinese: the same import without conversion (undo). */
  alternatives?: { traditional: Report };
}

/** Options shared by `importReport` and `importText`. */
export interface ImportOptions {
  /** Template of the new report; guessed from the agency name when omitted. */
  templateId?: string;
  /** Convert Traditional Chinese to Simplified when detected. @default true */
  convertTraditional?: boolean;
  /** Byte limit. @default MAX_IMPORT_BYTES */
  maxBytes?: number;
}

/** One block of source text before structure parsing. */
export interface SourceBlock {
  text: string;
  /** Heading level from a styled source (DOCX h1–h6), when known. */
  styleLevel?: number;
  /** Leading bold text of the paragraph (a run-in heading in DOCX). */
  boldLead?: string;
  /** Table cells, row by row, when the block is a table. */
  table?: string[][];
}

/** Mutable accumulator threaded through the steps of one import. */
export interface ImportContext {
  log: ImportLogEntry[];
  uncertain: UncertainMapping[];
}

export function createContext(): ImportContext {
  return { log: [], uncertain: [] };
}

/** First `max` characters of `text`, for log samples. */
export function sampleOf(text: string, max = 30): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? flat.slice(0, max) + "…" : flat;
}
