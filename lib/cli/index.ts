import { COMMANDS } from "./commands";
import { CliInputError, type CliIo } from "./types";

const io: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
  stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
};

function printHelp(): void {
  io.stdout("年报 Nianbao 命令行\n\n用法：npx nianbao <命令> [参数]（或 npm run -s cli -- <命令> [参数]）\n\n命令：");
  // Usage on one line, what it does indented below: usages differ too much in length (and Chinese is double width
  // in a terminal) for one aligned column.
  for (const command of Object.values(COMMANDS)) io.stdout(`  ${command.usage}\n      ${command.summary}`);
  io.stdout("\n每个命令都支持 --help。退出码：0 成功，1 存在错误级问题，2 输入无法读取。");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    printHelp();
    return name ? 0 : 2;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr(`错误：未知命令“${name}”。运行 npm run -s cli -- --help 查看全部命令。`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`用法：npx nianbao ${entry.usage}\n${entry.summary}`);
    return 0;
  }
  try {
    const command = (await entry.load()).default;
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
