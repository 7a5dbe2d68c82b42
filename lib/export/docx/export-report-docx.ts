import { Packer } from "docx";

import type { Report } from "@/lib/report-model";

import { buildReportDocument, type DocxExportOptions } from "./build-report-document";

/** The report as DOCX bytes. */
export async function exportReportDocx(report: Report, options: DocxExportOptions = {}): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(buildReportDocument(report, options));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
