import { writeFileSync } from "node:fs";
import { renderReportPreview, stopTypstEngine } from "@/lib/export/pdf";
import { DEFAULT_EXPORT_OPTIONS } from "@/lib/export/options";
import { pdfFixtureReport } from "@/tests/unit/export/pdf/pdf-fixture-report";
async function main() {
  const t = Date.now();
  const r = await renderReportPreview(pdfFixtureReport(), { ...DEFAULT_EXPORT_OPTIONS });
  console.log(Date.now() - t, "ms", r.pages.length, r.pages.map(p => p.length));
  r.pages.forEach((p, i) => writeFileSync(`/tmp/pdfout/pv-${i + 1}.svg`, p));
  await stopTypstEngine();
}
void main();
