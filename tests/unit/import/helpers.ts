import { readFileSync } from "node:fs";
import path from "node:path";

import type { Report } from "@/lib/report-model";
import { docToText } from "@/lib/report-model";

export const FIXTURES = path.resolve(__dirname, "../../fixtures/import");

export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

export function readFixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES, name), "utf8");
}

/** [kind, item count] per section: the shape most tests compare. */
export function shapeOf(report: Report): Array<[string, number]> {
  return report.sections.map((section) => [section.kind, section.items.length]);
}

export function itemTexts(report: Report, sectionIndex: number): string[] {
  return report.sections[sectionIndex]!.items.map((item) => docToText(item.body));
}
