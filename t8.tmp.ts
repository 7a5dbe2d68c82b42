import { writeFileSync } from "node:fs";
import { exportReportPdf, stopTypstEngine } from "@/lib/export/pdf";
import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { longPdfReport } from "@/tests/unit/export/pdf/long-pdf-report";
import { pdfPageLines, widthInChars } from "@/tests/unit/export/pdf/poppler";
async function main() {
  const r = await exportReportPdf(longPdfReport(), { ...DEFAULT_EXPORT_OPTIONS, isDraft: false });
  writeFileSync("/tmp/pdfout/long.pdf", r.bytes);
  for (const p of [2, 3]) for (const l of pdfPageLines("/tmp/pdfout/long.pdf", p)) console.log(p, l.y, l.xMin.toFixed(1), l.xMax.toFixed(1), widthInChars(l.text), l.text);
  await stopTypstEngine();
}
void main();
