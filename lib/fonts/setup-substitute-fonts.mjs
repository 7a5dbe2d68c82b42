// Plain ESM (no TypeScript) because `npm install` runs it through lib/cli/postinstall.mjs before tsx exists.
// Copies the open substitute fonts into <repo>/.cache/fonts from Debian packages; never needs root to succeed.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const FANDOL_DIR = "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol";
const NOTO_DIR = "usr/share/fonts/opentype/noto";
const LIBERATION_DIR = "usr/share/fonts/truetype/liberation2";

/** Each group: the files wanted, the Debian package that ships them and their directory inside it. */
export const SUBSTITUTE_FONT_GROUPS = [
  {
    name: "Fandol（仿宋/黑体/楷体/宋体）",
    debianPackage: "texlive-lang-chinese",
    directory: FANDOL_DIR,
    files: ["FandolFang-Regular.otf", "FandolHei-Regular.otf", "FandolHei-Bold.otf", "FandolKai-Regular.otf", "FandolSong-Regular.otf", "FandolSong-Bold.otf"],
    elsewhere: "CTAN fandol 宏包：https://ctan.org/pkg/fandol",
  },
  {
    name: "Noto Serif CJK SC Bold（小标宋替代）",
    debianPackage: "fonts-noto-cjk",
    directory: NOTO_DIR,
    files: ["NotoSerifCJK-Bold.ttc"],
    elsewhere: "https://github.com/notofonts/noto-cjk/releases（Serif，NotoSerifCJK-Bold.ttc）",
  },
  {
    name: "Liberation Serif（Times New Roman 替代）",
    debianPackage: "fonts-liberation2",
    directory: LIBERATION_DIR,
    files: ["LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"],
    elsewhere: "https://github.com/liberationfonts/liberation-fonts/releases",
  },
];

const isPresent = (file) => existsSync(file) && statSync(file).size > 0;

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 10 * 60_000 });
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}` };
}

const hasCommand = (command) => run("sh", ["-c", `command -v ${command}`]).ok;

/** `apt-get download` into a temp dir (no root needed); `apt-get update` only when the lists lack the package. */
function downloadAndExtract(debianPackage, log) {
  if (!hasCommand("apt-get") || !hasCommand("dpkg-deb")) return undefined;
  const workDirectory = mkdtempSync(path.join(tmpdir(), "nianbao-fonts-"));
  let download = run("apt-get", ["download", debianPackage], workDirectory);
  if (!download.ok && /Unable to locate|no installation candidate|Can't select candidate/i.test(download.output)) {
    log(`软件包列表中没有 ${debianPackage}，正在运行 apt-get update……`);
    const update = run("apt-get", ["update"], workDirectory);
    if (!update.ok) log(`apt-get update 失败（可能需要 root 权限）：${update.output.trim().split("\n").pop()}`);
    else download = run("apt-get", ["download", debianPackage], workDirectory);
  }
  const deb = readdirSync(workDirectory).find((file) => file.endsWith(".deb"));
  if (!download.ok || !deb) {
    log(`apt-get download ${debianPackage} 失败：${download.output.trim().split("\n").pop() ?? ""}`);
    rmSync(workDirectory, { recursive: true, force: true });
    return undefined;
  }
  const extracted = path.join(workDirectory, "x");
  if (!run("dpkg-deb", ["-x", path.join(workDirectory, deb), extracted]).ok) {
    log(`解包 ${deb} 失败`);
    rmSync(workDirectory, { recursive: true, force: true });
    return undefined;
  }
  return { root: extracted, cleanup: () => rmSync(workDirectory, { recursive: true, force: true }) };
}

function copyMissing(group, sourceDirectory, cacheDirectory) {
  for (const file of group.files) {
    const target = path.join(cacheDirectory, file);
    const source = path.join(sourceDirectory, file);
    if (!isPresent(target) && isPresent(source)) copyFileSync(source, target);
  }
  return group.files.filter((file) => !isPresent(path.join(cacheDirectory, file)));
}

/**
 * Idempotent: files already in `cacheDirectory` are skipped. Uses installed system copies first,
 * then `apt-get download` + `dpkg-deb -x`. Returns what is still missing; never throws for missing tools.
 */
export function setupSubstituteFonts({ cacheDirectory, log = (line) => console.log(line) }) {
  mkdirSync(cacheDirectory, { recursive: true });
  const missing = [];
  for (const group of SUBSTITUTE_FONT_GROUPS) {
    let stillMissing = group.files.filter((file) => !isPresent(path.join(cacheDirectory, file)));
    if (stillMissing.length === 0) {
      log(`✓ ${group.name}：已存在`);
      continue;
    }
    stillMissing = copyMissing(group, path.join("/", group.directory), cacheDirectory);
    if (stillMissing.length > 0) {
      log(`正在从 Debian 软件包 ${group.debianPackage} 提取 ${group.name}……`);
      const extracted = downloadAndExtract(group.debianPackage, log);
      if (extracted) {
        stillMissing = copyMissing(group, path.join(extracted.root, group.directory), cacheDirectory);
        extracted.cleanup();
      }
    }
    if (stillMissing.length === 0) log(`✓ ${group.name}：已就绪`);
    else missing.push({ group, files: stillMissing });
  }
  if (missing.length > 0) {
    log(`以下替代字体未能自动准备，请手动放入 ${cacheDirectory}（或把本机构的正版字体放入 FONTS_DIR）：`);
    for (const { group, files } of missing) {
      log(`  · ${group.name}：${files.join("、")}`);
      log(`    Debian/Ubuntu：apt-get download ${group.debianPackage} 后 dpkg-deb -x 解出 /${group.directory}；其他系统：${group.elsewhere}`);
    }
  }
  return { cacheDirectory, missing: missing.flatMap(({ files }) => files) };
}
