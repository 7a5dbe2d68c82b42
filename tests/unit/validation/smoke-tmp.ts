import { readFileSync } from "node:fs";
import { describeLocation, validateReport } from "@/lib/validation";
import { getTemplate } from "@/templates";
import { textToReport } from "@/tests/unit/validation/corpus-report";
const name = process.argv[2]!;
const report = textToReport(readFileSync(`/work/shared/corpus/${name}`, "utf8"));
console.log(report.meta, report.sections.map((s) => [s.kind, s.heading, s.items.length, s.items.map(i=>i.heading)]));
const findings = validateReport(report, { template: getTemplate("department") });
for (const f of findings) if (!process.argv[3] || f.ruleId !== "punctuation-width") console.log(f.severity, f.ruleId, describeLocation(report, f.location), f.message, f.location.range ? JSON.stringify(f.location.range) : "");
