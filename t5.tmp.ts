import { writeFileSync } from "node:fs";
import { exportReportPdf } from "@/lib/export/pdf/export-report-pdf";
import { stopTypstEngine } from "@/lib/export/pdf/typst-engine";
import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { longPdfReport } from "@/tests/unit/export/pdf/long-pdf-report";
import { docToText } from "@/lib/report-model";
async function main() {
  const rep = longPdfReport();
  console.log("chars", rep.sections.flatMap(s => s.items.map(i => docToText(i.body).length)).reduce((a,b)=>a+b,0));
  const t = Date.now();
  const r = await exportReportPdf(rep, { ...DEFAULT_EXPORT_OPTIONS, isDraft: false });
  console.log(Date.now() - t, "ms", r.pageCount, r.warnings);
  writeFileSync("/tmp/pdfout/long.pdf", r.bytes);
  await stopTypstEngine();
}
void main();
