import type { ReportLocation } from "@/lib/report-model";

import type { Fix, TextEdit } from "./types";

/** The location narrowed to `from..to` of its field's plain text. */
export function withRange(location: ReportLocation, from: number, to: number): ReportLocation {
  return { ...location, range: { from, to } };
}

export function textEdit(location: ReportLocation, from: number, to: number, insert: string): TextEdit {
  const { range: _range, ...field } = location;
  return { location: field, from, to, insert };
}

/** A fix made of a single replacement. */
export function replaceFix(label: string, location: ReportLocation, from: number, to: number, insert: string): Fix {
  return { label, edits: [textEdit(location, from, to, insert)] };
}
