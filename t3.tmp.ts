import { writeFileSync } from "node:fs";
import { exportReportPdf } from "@/lib/export/pdf/export-report-pdf";
import { stopTypstEngine } from "@/lib/export/pdf/typst-engine";
import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { pdfFixtureReport } from "@/tests/unit/export/pdf/pdf-fixture-report";
async function main(){
const t = Date.now();
const r = await exportReportPdf(pdfFixtureReport(), { ...DEFAULT_EXPORT_OPTIONS });
console.log(Date.now() - t, "ms", r.pageCount, r.warnings, r.fontSubstitutions);
writeFileSync("/tmp/pdfout/a.pdf", r.bytes);
const t2 = Date.now();
await exportReportPdf(pdfFixtureReport(), { ...DEFAULT_EXPORT_OPTIONS });
console.log("warm", Date.now() - t2);
await stopTypstEngine();

}
void main();
