import { readFile, stat } from "node:fs/promises";
import path from "node:path";

import { importReport, isImportError, type ImportResult } from "@/lib/import";
import { reportSchema, type Report } from "@/lib/report-model";

import { CliInputError } from "./types";

/** Largest input file accepted by the CLI (the upload limit is the same). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Reads a `.nianbao.json` report; other formats go through the importer. */
export async function readReportFile(filePath: string): Promise<Report> {
  const info = await stat(filePath).catch(() => undefined);
  if (!info || !info.isFile()) throw new CliInputError(`找不到文件：${filePath}`);
  if (info.size > MAX_INPUT_BYTES) throw new CliInputError(`文件超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB，无法读取：${filePath}`);
  const extension = path.extname(filePath).toLowerCase();
  if (filePath.toLowerCase().endsWith(".nianbao.json") || extension === ".json") {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(filePath, "utf8"));
    } catch {
      throw new CliInputError(`不是有效的 JSON 文件：${filePath}`);
    }
    const parsed = reportSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new CliInputError(`不是有效的年报文件（${first?.path.join(".") || "根"}：${first?.message ?? "格式错误"}）：${filePath}`);
    }
    return parsed.data;
  }
  return (await importReportFile(filePath)).report;
}

/** Any other file (.docx, .txt, .html, .pdf) through the importer; import failures become CLI input errors. */
export async function importReportFile(filePath: string): Promise<ImportResult> {
  const info = await stat(filePath).catch(() => undefined);
  if (!info || !info.isFile()) throw new CliInputError(`找不到文件：${filePath}`);
  if (info.size > MAX_INPUT_BYTES) throw new CliInputError(`文件超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB，无法读取：${filePath}`);
  try {
    return await importReport({ bytes: new Uint8Array(await readFile(filePath)), fileName: path.basename(filePath) });
  } catch (error) {
    if (isImportError(error)) throw new CliInputError(`${error.message.replace(/。$/, "")}：${filePath}`);
    throw error;
  }
}
