import { createWriteStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

import { ReportError } from "@/lib/errors";
import { exportSignedReports, findSupervisorAccount } from "@/lib/supervision";

import { openCliDatabase } from "../open-cli-database";
import { CliInputError, type CliCommand } from "../types";
import { assertOutputDirectory, parseSupervisionArgs, parseYear } from "./summary";

const command: CliCommand = {
  async run(args, io) {
    const values = parseSupervisionArgs(args);
    if (values.format) throw new CliInputError("export-all 总是写出 ZIP（内含 DOCX 和 PDF），不需要 --format");
    const year = parseYear(values.year);
    const output = await assertOutputDirectory(values.output, "报告.zip");
    const handle = await openCliDatabase();
    try {
      const user = await findSupervisorAccount({ db: handle.db, agencyName: values.agency, username: values.user });
      const archive = await exportSignedReports({
        db: handle.db,
        user,
        year,
        onFile: ({ fileName, error }) => (error ? io.stderr(`导出失败：${fileName}：${error}`) : io.stdout(`已加入：${fileName}`)),
      });
      await pipeline(Readable.fromWeb(archive.stream as NodeReadableStream<Uint8Array>), createWriteStream(output));
      io.stdout(
        `已写出 ${archive.reports.length} 份已签发报告（DOCX 和 PDF）到 ${path.resolve(output)}；${archive.skipped.length} 个机关尚未签发，见压缩包内“清单.csv”。`,
      );
      return archive.failures.length > 0 ? 1 : 0;
    } catch (error) {
      if (error instanceof ReportError) throw new CliInputError(error.userMessage);
      throw error;
    } finally {
      await handle.close();
      const { stopTypstEngine } = await import("@/lib/export/pdf");
      await stopTypstEngine();
    }
  },
};

export default command;
