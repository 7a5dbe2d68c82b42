import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { CliInputError, type CliCommand, type CliIo } from "./types";

const io: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
  stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
};

async function loadCommands(): Promise<Map<string, CliCommand>> {
  const directory = path.join(__dirname, "commands");
  const files = readdirSync(directory).filter((file) => /\.ts$/.test(file) && !file.endsWith(".test.ts"));
  const commands = new Map<string, CliCommand>();
  for (const file of files.sort()) {
    const loaded = (await import(pathToFileURL(path.join(directory, file)).href)) as { default: CliCommand | { default: CliCommand } };
    const command = "run" in loaded.default ? loaded.default : loaded.default.default;
    commands.set(command.name, command);
  }
  return commands;
}

function printHelp(commands: Map<string, CliCommand>): void {
  io.stdout("年报 Nianbao 命令行\n\n用法：npm run -s cli -- <命令> [参数]\n\n命令：");
  for (const command of commands.values()) io.stdout(`  ${command.usage.padEnd(52)} ${command.summary}`);
  io.stdout("\n每个命令都支持 --help。退出码：0 成功，1 存在错误级问题，2 输入无法读取。");
}

async function main(argv: string[]): Promise<number> {
  const commands = await loadCommands();
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    printHelp(commands);
    return name ? 0 : 2;
  }
  const command = commands.get(name);
  if (!command) {
    io.stderr(`错误：未知命令“${name}”。运行 npm run -s cli -- --help 查看全部命令。`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`用法：npm run -s cli -- ${command.usage}\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliInputError) {
      io.stderr(`错误：${error.message}`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.stderr(`错误：${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
