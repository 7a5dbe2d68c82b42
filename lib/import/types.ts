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

/**
 * A value the report's own text does not give but the web page around it does (信息来源, 发布时间): shown
 * to the user as "来自网页信息，请确认" and used only when accepted; never printed silently.
 */
export interface MetaSuggestion {
  field: "signature" | "date" | "agency";
  value: string;
  /** Where it came from, in Chinese ("网页的信息来源"). */
  source: string;
  message: string;
}

/**
 * Each part's and item's heading as the source file shows it, numeral included, by section and item index
 * of the imported report (undefined where the importer named or numbered something itself). Locations in
 * outputs about the file (validate on a .docx) name these, not the numbering the export would print.
 */
export interface SourceHeading {
  heading?: string;
  items: Array<string | undefined>;
}

export interface ImportResult {
  report: Report;
  sourceHeadings: SourceHeading[];
  log: ImportLogEntry[];
  uncertain: UncertainMapping[];
  suggestions: MetaSuggestion[];
  /** How many repairs the web-copy repair step made (full-width punctuation, joined capture breaks); 0 for the official's own file. */
  repairCount: number;
  /**
   * `traditional`: the same import without Traditional→Simplified conversion (undo).
   * `unrepaired`: the same import without the web-copy repair step (undo of that one step).
   */
  alternatives?: { traditional?: Report; unrepaired?: Report };
}

/**
 * Whether the copy is a web capture whose damage the importer repairs (one logged, undoable step), or the
 * official's own file whose text is kept as typed so validation can report it with a fix.
 * "auto": a saved web page or pasted text is a web copy; a .txt is one when it carries page chrome.
 */
export type RepairMode = "auto" | "web" | "file";

/** Options shared by `importReport` and `importText`. */
export interface ImportOptions {
  /** Template of the new report; guessed from the agency name when omitted. */
  templateId?: string;
  /** Convert Traditional Chinese to Simplified when detected. @default true */
  convertTraditional?: boolean;
  /** Byte limit. @default MAX_IMPORT_BYTES */
  maxBytes?: number;
  /** Repair a web copy or keep the file as typed. @default "auto" */
  repair?: RepairMode;
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
  suggestions: MetaSuggestion[];
  repairCount: number;
  sourceHeadings: SourceHeading[];
}

export function createContext(): ImportContext {
  return { log: [], uncertain: [], suggestions: [], repairCount: 0, sourceHeadings: [] };
}

/** First `max` characters of `text`, for log samples. */
export function sampleOf(text: string, max = 30): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? flat.slice(0, max) + "…" : flat;
}
