import { stat, writeFile } from "node:fs/promises";
import path from "node:path";

import { reportSchema } from "@/lib/report-model";
import { rollForwardReport } from "@/lib/reuse";

import { readReportFile } from "../read-report-file";
import { CliInputError, parseArgs, type CliCommand } from "../types";

const rollforward: CliCommand = {
  async run(args, io) {
    const { positionals, options } = parseArgs(args, { strings: ["output"], missingValue: { output: "请用 -o 指定输出文件，例如：-o 2025.nianbao.json" } });
    const [input, ...extra] = positionals;
    if (!input) throw new CliInputError("请指定上一年度的报告文件，例如：rollforward 2024.nianbao.json -o 2025.nianbao.json");
    if (extra.length > 0) throw new CliInputError(`多余的参数：${extra.join(" ")}`);
    const output = options.output;
    if (typeof output !== "string" || !output) throw new CliInputError("请用 -o 指定输出文件，例如：-o 2025.nianbao.json");
    if (path.resolve(output) === path.resolve(input)) throw new CliInputError("输出文件不能与输入文件相同");
    const directory = await stat(path.dirname(path.resolve(output))).catch(() => undefined);
    if (!directory?.isDirectory()) throw new CliInputError(`输出目录不存在：${path.dirname(output)}`);

    const previous = await readReportFile(input);
    const { report, log, stats } = rollForwardReport(previous);
    // The draft must load in the app; a failure here is a bug, not bad input.
    reportSchema.parse(report);
    await writeFile(output, JSON.stringify(report, null, 2) + "\n", "utf8");

    io.stdout(`已生成 ${report.meta.year} 年度报告草稿：${output}`);
    io.stdout(`年份顺延 ${stats.shiftedYears} 处，待更新标记 ${stats.pendingYears + stats.pendingFigures} 处，承诺事项 ${stats.commitments} 项。`);
    for (const line of log) io.stdout(`  · ${line}`);
    return 0;
  },
};

export default rollforward;
