import type { Report, ReportLocation, ReportTemplate } from "@/lib/report-model";

/** `error` blocks submission and finalisation; `warning` and `info` advise. */
export type Severity = "error" | "warning" | "info";

/** Replace `from..to` of the plain text at `location` (see `docToText`) with `insert`. */
export interface TextEdit {
  location: ReportLocation;
  from: number;
  to: number;
  insert: string;
}

/** A one-click correction the editor can apply. */
export interface Fix {
  label: string;
  edits: TextEdit[];
  /**
   * The official acknowledges a numeral of the imported file (the report numbers by position): the record the
   * import kept on this part or item (`importedNumbering`) is dropped, and with it the finding.
   */
  acknowledgeImportedNumbering?: { sectionId: string; itemId?: string };
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Chinese, addressed to the official. */
  message: string;
  location: ReportLocation;
  fix?: Fix;
}

/** A part's and its items' headings as an imported file shows them, numerals included (see lib/import `SourceHeading`). */
export interface SourceHeadings {
  heading?: string;
  items: ReadonlyArray<string | undefined>;
}

export interface ValidationContext {
  /** The template the report was drafted from (minimum lengths, required indicators). */
  template?: ReportTemplate;
  /** Last year's report, when known. */
  previous?: Report;
  /** When the report was just imported from the official's file: its headings as typed, by section and item index. */
  sourceHeadings?: ReadonlyArray<SourceHeadings>;
}

export interface Rule {
  id: string;
  /** Short Chinese name shown in settings and the CLI. */
  title: string;
  check(report: Report, context: ValidationContext): Finding[];
}
