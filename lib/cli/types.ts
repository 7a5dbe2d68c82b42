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

/** Splits argv into positionals and `--flag value` / `--flag` options. */
export function parseArgs(args: string[], booleanFlags: string[] = []): { positionals: string[]; options: Record<string, string | true> } {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg.startsWith("--") || (arg.startsWith("-") && arg.length === 2)) {
      const name = arg.replace(/^-+/, "");
      const [key, inline] = name.split("=", 2) as [string, string | undefined];
      if (inline !== undefined) options[key] = inline;
      else if (booleanFlags.includes(key) || index + 1 >= args.length || args[index + 1]!.startsWith("-")) options[key] = true;
      else options[key] = args[++index]!;
    } else positionals.push(arg);
  }
  return { positionals, options };
}
