import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The first of the given commands found on PATH, or undefined. */
export async function findCommand(...names: string[]): Promise<string | undefined> {
  for (const name of names) {
    const found = await run("sh", ["-c", `command -v ${name}`]).then(
      (result) => result.stdout.trim(),
      () => "",
    );
    if (found) return found;
  }
  return undefined;
}

const FONT_DIR = path.resolve(__dirname, "../../../../../.cache/fonts");

/**
 * A fontconfig file for previews only: maps the 公文 font names written in the DOCX to open fonts
 * (Fandol when the PDF exporter has fetched them, else Noto CJK SC), so LibreOffice does not fall back to a JP face.
 */
export async function writePreviewFontconfig(directory: string): Promise<string> {
  const hasFandol = existsSync(path.join(FONT_DIR, "FandolFang-Regular.otf"));
  const map: Array<[string, string, boolean]> = [
    ["仿宋_GB2312", hasFandol ? "FandolFang" : "Noto Serif CJK SC", false],
    ["仿宋", hasFandol ? "FandolFang" : "Noto Serif CJK SC", false],
    ["楷体_GB2312", hasFandol ? "FandolKai" : "Noto Serif CJK SC", false],
    ["楷体", hasFandol ? "FandolKai" : "Noto Serif CJK SC", false],
    ["黑体", hasFandol ? "FandolHei" : "Noto Sans CJK SC", false],
    ["宋体", hasFandol ? "FandolSong" : "Noto Serif CJK SC", false],
    ["方正小标宋简体", "Noto Serif CJK SC", true],
    ["Times New Roman", "Liberation Serif", false],
  ];
  const rules = map
    .map(
      ([from, to, isBold]) =>
        `<match target="pattern"><test name="family"><string>${from}</string></test><edit name="family" mode="assign" binding="strong"><string>${to}</string></edit>${isBold ? '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' : ""}</match>`,
    )
    .join("\n");
  const file = path.join(directory, "fonts.conf");
  await mkdir(path.join(directory, "fc-cache"), { recursive: true });
  await writeFile(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${existsSync(FONT_DIR) ? `<dir>${FONT_DIR}</dir>` : ""}\n<cachedir>${path.join(directory, "fc-cache")}</cachedir>\n${rules}\n</fontconfig>\n`,
  );
  return file;
}

/** DOCX → PDF with LibreOffice in its own profile (parallel runs with a shared profile fail). Returns the PDF path. */
export async function convertWithLibreOffice(soffice: string, docxPath: string, directory: string, fontconfigFile: string): Promise<string> {
  await run(
    soffice,
    [`-env:UserInstallation=file://${path.join(directory, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", directory, docxPath],
    {
      env: { ...process.env, FONTCONFIG_FILE: fontconfigFile },
      timeout: 120_000,
    },
  );
  return path.join(directory, path.basename(docxPath).replace(/\.docx$/, ".pdf"));
}

export interface PdfLine {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  text: string;
}

/** Text lines of a PDF with their boxes (points, origin top left), from `pdftotext -bbox-layout`. */
export async function pdfLines(pdftotext: string, pdfPath: string): Promise<PdfLine[]> {
  const { stdout } = await run(pdftotext, ["-bbox-layout", pdfPath, "-"], { maxBuffer: 64 * 1024 * 1024 });
  const lines: PdfLine[] = [];
  stdout
    .split("<page ")
    .slice(1)
    .forEach((page, index) => {
      for (const match of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)<\/line>/gs)) {
        const text = [...match[4]!.matchAll(/>([^<]*)<\/word>/g)]
          .map((word) => word[1]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"))
          .join("");
        lines.push({ page: index + 1, xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), text });
      }
    });
  return lines;
}
