import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { ReportError } from "@/lib/errors";
import { findSupervisorAccount, getSupervisionSummary, summaryToCsv } from "@/lib/supervision";
import { summaryToXlsx } from "@/lib/supervision/summary-xlsx";

import { openCliDatabase } from "../open-cli-database";
import { CliInputError, type CliCommand } from "../types";

const FORMATS = ["xlsx", "csv"] as const;

/** Strict argv parsing shared by the supervision commands: unknown options and missing values are refused in Chinese. */
export function parseSupervisionArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        year: { type: "string" },
        output: { type: "string", short: "o" },
        agency: { type: "string" },
        user: { type: "string" },
        format: { type: "string" },
      },
    }).values;
  } catch (error) {
    const named = /'(-{1,2}[^'\s]+)/.exec((error as Error).message)?.[1];
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new CliInputError(`不认识的参数“${named ?? ""}”。运行此命令加 --help 查看可用参数。`);
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw new CliInputError(`多余的参数。运行此命令加 --help 查看用法。`);
    throw new CliInputError(`参数 ${named ?? ""} 后面要写值`);
  }
}

export function parseYear(value: string | undefined): number {
  if (!value) throw new CliInputError("请用 --year 指定报告年度，例如：--year 2025");
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2000 || year > 2100) throw new CliInputError(`年度“${value}”无效，应为2000至2100之间的四位数`);
  return year;
}

export async function assertOutputDirectory(output: string | undefined, example: string): Promise<string> {
  if (!output) throw new CliInputError(`请用 -o 指定输出文件，例如：-o ${example}`);
  const directory = await stat(path.dirname(path.resolve(output))).catch(() => undefined);
  if (!directory?.isDirectory()) throw new CliInputError(`输出目录不存在：${path.dirname(output)}`);
  return output;
}

const command: CliCommand = {
  async run(args, io) {
    const values = parseSupervisionArgs(args);
    const year = parseYear(values.year);
    const output = await assertOutputDirectory(values.output, "汇总.xlsx");
    const format = (values.format ?? path.extname(output).slice(1).toLowerCase()) as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new CliInputError("请用 .xlsx 或 .csv 作为输出文件扩展名，或用 --format xlsx|csv 指定格式");
    const handle = await openCliDatabase();
    try {
      const user = await findSupervisorAccount({ db: handle.db, agencyName: values.agency, username: values.user });
      const data = await getSupervisionSummary({ db: handle.db, user, year });
      await writeFile(output, format === "csv" ? summaryToCsv(data.summary) : await summaryToXlsx(data));
      const reported = data.summary.rows.filter((row) => row.hasReport).length;
      io.stdout(`已写出${user.agencyName}下级机关${year}年度指标汇总（${data.summary.rows.length} 个机关，${reported} 份报告）：${path.resolve(output)}`);
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
