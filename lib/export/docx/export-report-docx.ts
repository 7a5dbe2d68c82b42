import { Packer } from "docx";

import type { Report } from "@/lib/report-model";

import { DEFAULT_EXPORT_OPTIONS } from "../options";
import { buildReportDocument, type DocxExportOptions } from "./build-report-document";
import { withFontTable } from "./font-table";
import { ROLE_FONTS } from "./fonts";

/** The report as DOCX bytes, with a font table that lets a layout engine stand in for missing fonts by role. */
export async function exportReportDocx(report: Report, options: DocxExportOptions = {}): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(buildReportDocument(report, options));
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return withFontTable(bytes, ROLE_FONTS[options.fontProfile ?? DEFAULT_EXPORT_OPTIONS.fontProfile]);
}
