import { readFile } from "node:fs/promises";

import { BACKUP_TABLE_LABELS, BACKUP_TABLES, restoreBackup } from "@/lib/backup";
import { ReportError } from "@/lib/errors";

import { openCliDatabase } from "../open-cli-database";
import { CliInputError, parseArgs, type CliCommand } from "../types";

const command: CliCommand = {
  async run(args, io) {
    const { positionals, options } = parseArgs(args, { booleans: ["replace"] });
    const file = positionals[0];
    if (!file) throw new CliInputError("请指定要恢复的备份文件，例如：npm run -s cli -- restore 年报备份.json");
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      throw new CliInputError(`无法读取备份文件 ${file}：${(error as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在" : "不是有效的 JSON"}`);
    }
    const handle = await openCliDatabase();
    try {
      const summary = await restoreBackup({ db: handle.db, file: json, shouldReplace: options.replace === true });
      for (const note of summary.notes) io.stderr(`提示：${note}`);
      io.stdout(`恢复完成：${BACKUP_TABLES.map((table) => `${BACKUP_TABLE_LABELS[table]} ${summary.counts[table]}`).join("，")}。`);
      return 0;
    } catch (error) {
      if (error instanceof ReportError) throw new CliInputError(error.userMessage);
      const issues = (error as { issues?: Array<{ message: string; path: PropertyKey[] }> }).issues;
      if (issues)
        throw new CliInputError(
          `备份文件格式不正确：${issues
            .slice(0, 3)
            .map((issue) => `${issue.path.join(".")} ${issue.message}`)
            .join("；")}`,
        );
      throw error;
    } finally {
      await handle.close();
    }
  },
};

export default command;
