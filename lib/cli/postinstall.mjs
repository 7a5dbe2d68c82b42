// Runs after `npm install`: prepares the open substitute fonts for PDF export.
// It must never fail the install, so every problem ends in a notice and exit code 0.
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

async function main() {
  // The CLI (and `npm start`) run as compiled JavaScript; compile it now so the first command starts fast.
  try {
    const { ensureCliBuild } = await import("./build-cli.mjs");
    await ensureCliBuild();
    console.log("[年报] 命令行已编译。");
  } catch (error) {
    console.log(`[年报] 命令行将在首次运行时编译（${error instanceof Error ? error.message : String(error)}）。`);
  }
  if (process.env.NIANBAO_SKIP_FONT_SETUP === "1") {
    console.log("[年报] 已按 NIANBAO_SKIP_FONT_SETUP=1 跳过字体准备。");
    return;
  }
  const { setupSubstituteFonts } = await import("../fonts/setup-substitute-fonts.mjs");
  const { missing } = setupSubstituteFonts({
    cacheDirectory: path.join(repoRoot, ".cache", "fonts"),
    log: (line) => console.log(`[年报] ${line}`),
  });
  if (missing.length > 0) console.log("[年报] PDF 导出暂不可用；准备好字体后运行 npm run -s cli -- setup-fonts 重试。");
}

main()
  .catch((error) => {
    console.log(`[年报] 字体准备未完成（不影响安装）：${error instanceof Error ? error.message : String(error)}`);
    console.log("[年报] 之后可运行 npm run -s cli -- setup-fonts 重试。");
  })
  .finally(() => {
    process.exitCode = 0;
  });
