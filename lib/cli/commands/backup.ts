import { writeFile } from "node:fs/promises";
import path from "node:path";

import { BACKUP_TABLE_LABELS, BACKUP_TABLES, createBackup } from "@/lib/backup";
import { ReportError } from "@/lib/errors";

import { openCliDatabase } from "../open-cli-database";
import { CliInputError, parseArgs, type CliCommand } from "../types";

const command: CliCommand = {
  async run(args, io) {
    const { positionals, options } = parseArgs(args, { strings: ["agency"], missingValue: { agency: "--agency 后面要写机关名称" } });
    const file = positionals[0];
    if (!file) throw new CliInputError("请指定备份文件，例如：npm run -s cli -- backup 年报备份.json");
    if (options.agency === true) throw new CliInputError("--agency 后面要写机关名称");
    const handle = await openCliDatabase();
    try {
      const backup = await createBackup({ db: handle.db, agencyName: typeof options.agency === "string" ? options.agency : undefined });
      await writeFile(file, JSON.stringify(backup), "utf8");
      const counts = BACKUP_TABLES.map((table) => `${BACKUP_TABLE_LABELS[table]} ${backup.tables[table].length}`).join("，");
      io.stdout(`已备份${backup.scope.kind === "agency" ? `机关“${backup.scope.agencyName}”` : "整个系统"}到 ${path.resolve(file)}：${counts}。`);
      return 0;
    } catch (error) {
      if (error instanceof ReportError) throw new CliInputError(error.userMessage);
      throw error;
    } finally {
      await handle.close();
    }
  },
};

export default command;
