import { parseArgs as nodeParseArgs } from "node:util";

/**
 * One command of `nianbao <command>`; each lives in `lib/cli/commands/<name>.ts` as its default export and is
 * listed, with its usage and summary, in `lib/cli/commands/index.ts`.
 */
export interface CliCommand {
  /** Returns the process exit code. 2 = bad input (with a clear message on stderr). */
  run(args: string[], io: CliIo): Promise<number>;
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Thrown by commands for bad input: printed as "错误：…" and exit code 2. */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliInputError";
  }
}

export interface ArgsSpec {
  /** Options that take a value (`--agency 名称`, `--agency=名称`). `output` also answers to `-o`. */
  strings?: string[];
  /** Options that are on or off (`--json`). */
  booleans?: string[];
  /** The message for an option given without its value, e.g. { output: "请用 -o 指定输出文件" }. */
  missingValue?: Record<string, string>;
}

const SHORT_NAMES: Record<string, string> = { output: "o" };

/**
 * Splits argv with node's own parser in strict mode: an unknown option, a value where none belongs or a
 * missing value is refused with a Chinese message (CliInputError, exit code 2), never silently ignored.
 */
export function parseArgs(args: string[], spec: ArgsSpec = {}): { positionals: string[]; options: Record<string, string | true | undefined> } {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const name of spec.strings ?? []) options[name] = { type: "string", ...(SHORT_NAMES[name] ? { short: SHORT_NAMES[name] } : {}) };
  for (const name of spec.booleans ?? []) options[name] = { type: "boolean" };
  try {
    const parsed = nodeParseArgs({ args, options, strict: true, allowPositionals: true });
    return { positionals: parsed.positionals, options: parsed.values as Record<string, string | true | undefined> };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = (error as Error).message;
    // Node names the option as '--name', '-o, --output <value>' or '-x'.
    const named = /'(-{1,2}[^'\s,]+)/.exec(message)?.[1] ?? "";
    const name = /--([A-Za-z][\w-]*)/.exec(message)?.[1] ?? named.replace(/^-+/, "");
    const longName = Object.entries(SHORT_NAMES).find(([, short]) => short === name)?.[0] ?? name;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new CliInputError(`不认识的参数“${named}”。运行此命令加 --help 查看可用参数。`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      if (options[longName]?.type === "boolean") throw new CliInputError(`参数 --${longName} 不带值。`);
      throw new CliInputError(spec.missingValue?.[longName] ?? `参数 --${longName} 后面要写值。`);
    }
    throw new CliInputError(message);
  }
}
