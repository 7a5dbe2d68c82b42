import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db";
import { toErrorBody } from "@/lib/errors";
import { isSignedStatus } from "@/lib/report-model";
import { exportReport, type ExportedFile } from "@/lib/reports/export-report";

import { BOARD_STATE_LABELS, boardStateOf } from "./board-states";
import { csvCell } from "./board-view";
import { listSubordinateReports } from "./list-subordinate-reports";
import { safeFileName, zipStream, type ZipEntry } from "./zip-stream";

const FORMATS = ["docx", "pdf"] as const;

export interface SignedReportRef {
  reportId: string;
  agencyName: string;
}

export interface ExportSignedReportsOptions {
  db: Database;
  user: SessionUser;
  year: number;
  /** The export verb; replaced in tests. */
  exportFile?: typeof exportReport;
  /** Called after each file, e.g. for CLI progress. */
  onFile?: (event: { agencyName: string; fileName: string; error?: string }) => void;
}

export interface SignedReportsArchive {
  /** Subordinate agencies with a signed or published report for the year. */
  reports: SignedReportRef[];
  /** Subordinate agencies left out (no report, or not signed yet). */
  skipped: Array<{ agencyName: string; state: string }>;
  stream: ReadableStream<Uint8Array>;
  /** Files that could not be exported, known once the stream has been read to the end. */
  failures: Array<{ agencyName: string; format: string; message: string }>;
}

/**
 * The final DOCX and PDF of every signed subordinate report of one year, as a streamed ZIP named
 * 机关名_2025年度法治政府建设年度报告.docx, with 清单.csv listing what is in it and what is not.
 */
export async function exportSignedReports({ db, user, year, exportFile = exportReport, onFile }: ExportSignedReportsOptions): Promise<SignedReportsArchive> {
  const { agencies, reportOf } = await listSubordinateReports({ db, user, years: [year] });
  const reports: SignedReportRef[] = [];
  const skipped: SignedReportsArchive["skipped"] = [];
  for (const agency of agencies) {
    const row = reportOf(agency.id, year);
    if (row && isSignedStatus(row.status)) reports.push({ reportId: row.id, agencyName: agency.name });
    else skipped.push({ agencyName: agency.name, state: BOARD_STATE_LABELS[boardStateOf(row?.status ?? null)] });
  }
  const failures: SignedReportsArchive["failures"] = [];

  async function* entries(): AsyncGenerator<ZipEntry> {
    const manifest = [["机关", "状态", "文件"].join(",")];
    for (const report of reports) {
      for (const format of FORMATS) {
        const fileName = `${safeFileName(report.agencyName)}_${year}年度法治政府建设年度报告.${format}`;
        let file: ExportedFile;
        try {
          file = await exportFile({ db, user, reportId: report.reportId, format, isFinal: true });
        } catch (error) {
          const message = toErrorBody(error)?.message ?? (error instanceof Error ? error.message : String(error));
          failures.push({ agencyName: report.agencyName, format, message });
          manifest.push([report.agencyName, "导出失败", `${format.toUpperCase()}：${message}`].map(csvCell).join(","));
          onFile?.({ agencyName: report.agencyName, fileName, error: message });
          continue;
        }
        manifest.push([report.agencyName, "已收录", fileName].map(csvCell).join(","));
        onFile?.({ agencyName: report.agencyName, fileName });
        yield { name: fileName, bytes: file.bytes };
      }
    }
    for (const entry of skipped) manifest.push([entry.agencyName, entry.state, "未签发，未收录"].map(csvCell).join(","));
    yield { name: "清单.csv", bytes: new TextEncoder().encode(`\uFEFF${manifest.join("\r\n")}\r\n`) };
  }

  return { reports, skipped, stream: zipStream(entries()), failures };
}
