/**
 * #13 item 6: the DOCX laid out by LibreOffice on a host without the licensed 公文 fonts, with the SYSTEM fontconfig
 * (no FONTCONFIG_FILE, no hand-made map), keeps title, 一、 headings, （一） headings and body in different faces.
 *
 * Found by experiment on LibreOffice 7.4 with fonts-noto-cjk (see lib/export/docx/font-embed.ts): altName, panose1,
 * family, sig and name lists change nothing, and fontconfig sends every 公文 font name to the one default CJK sans;
 * only the fonts the DOCX embeds under the fontTable names keep the roles apart. The control case (no embedded
 * fonts) shows the collapse, so this test fails if the DOCX stops carrying them. A host that has a licensed font
 * installed (a font made here under the name 仿宋_GB2312) keeps using it rather than the embedded stand-in.
 * Needs soffice, poppler-utils and the substitutes of setup-fonts: under CI=true their absence fails the suite.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportReportDocx } from "@/lib/export/docx";
import { withFontTable } from "@/lib/export/docx/font-table";
import { ROLE_FONTS } from "@/lib/export/docx/fonts";
import type { FontProfile } from "@/lib/export/options";
import { SUBSTITUTE_FONTS } from "@/lib/fonts";
import { subsetFont } from "@/lib/fonts/subset-font";

import { loadFixture } from "../unit/export/docx/helpers/docx-xml";
import { findCommand } from "../unit/export/docx/helpers/libreoffice";
import { EXPORT_FIXTURES, loadExportFixture } from "../unit/export/helpers/side-by-side";

const run = promisify(execFile);

const SUBSTITUTE_DIRECTORY = path.resolve(".cache", "fonts");
const soffice = await findCommand("soffice", "libreoffice");
const pdftohtml = await findCommand("pdftohtml");
const hasSubstitutes = Object.values(SUBSTITUTE_FONTS).every((font) => existsSync(path.join(SUBSTITUTE_DIRECTORY, font.file)));
const isReady = Boolean(soffice && pdftohtml && hasSubstitutes);
if (!isReady && process.env.CI === "true") throw new Error("CI 环境缺少 LibreOffice、poppler-utils 或 setup-fonts 准备的替代字体");
if (!isReady) console.warn("[EXPORT] 未安装 LibreOffice/poppler-utils 或未运行 setup-fonts，跳过系统 fontconfig 字体检查");

type Role = "title" | "heading1" | "heading2" | "body";
const ROLES: Role[] = ["title", "heading1", "heading2", "body"];

/** Per role, 6 Chinese characters in a row from the first run set in the role's font (what to look for in the PDF). */
function roleSnippets(documentXml: string, profile: FontProfile): Record<Role, string> {
  const runs = [...documentXml.matchAll(/<w:r(?:\s[^>]*)?>(.*?)<\/w:r>/gs)].map((match) => ({
    font: /<w:rFonts [^>]*w:eastAsia="([^"]+)"/.exec(match[1]!)?.[1],
    text: [...match[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(""),
  }));
  const snippets = {} as Record<Role, string>;
  for (const role of ROLES) {
    const run = runs.find((candidate) => candidate.font === ROLE_FONTS[profile][role] && /[\u4e00-\u9fff]{6}/.test(candidate.text));
    if (!run) throw new Error(`没有用 ${ROLE_FONTS[profile][role]} 排的文字`);
    snippets[role] = /[\u4e00-\u9fff]{6}/.exec(run.text)![0];
  }
  return snippets;
}

/**
 * DOCX → PDF with LibreOffice in its own profile, with the system fontconfig (FONTCONFIG_FILE removed) or, to stand
 * for a host with more fonts installed, a file that includes the system's and adds a font folder.
 */
async function convertWithSystemFontconfig(docxPath: string, directory: string, fontconfigFile?: string): Promise<string> {
  const env = { ...process.env };
  delete env.FONTCONFIG_FILE;
  delete env.FONTCONFIG_PATH;
  if (fontconfigFile) env.FONTCONFIG_FILE = fontconfigFile;
  await run(
    soffice!,
    [`-env:UserInstallation=file://${path.join(directory, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", directory, docxPath],
    {
      env,
      timeout: 180_000,
    },
  );
  return docxPath.replace(/\.docx$/, ".pdf");
}

interface Rendered {
  /** The face (subset prefix removed) each role's snippet is set in. */
  faces: Record<Role, string>;
  /** Every face in the PDF. */
  allFaces: string[];
}

async function render(docx: Uint8Array, profile: FontProfile, name: string, directory: string, fontconfigFile?: string): Promise<Rendered> {
  const docxPath = path.join(directory, `${name}.docx`);
  await writeFile(docxPath, docx);
  const pdfPath = await convertWithSystemFontconfig(docxPath, directory, fontconfigFile);
  const { stdout } = await run(pdftohtml!, ["-xml", "-i", "-stdout", pdfPath], { maxBuffer: 64 * 1024 * 1024 });
  const families = new Map(
    [...stdout.matchAll(/<fontspec id="(\d+)"[^>]* family="([^"]+)"/g)].map((match) => [match[1]!, match[2]!.replace(/^[A-Z]{6}\+/, "")]),
  );
  const texts = [...stdout.matchAll(/<text [^>]*font="(\d+)"[^>]*>(.*?)<\/text>/g)].map((match) => ({
    face: families.get(match[1]!)!,
    text: match[2]!.replace(/<[^>]+>/g, ""),
  }));
  const snippets = roleSnippets(strFromU8(unzipSync(docx)["word/document.xml"]!), profile);
  const faces = {} as Record<Role, string>;
  for (const role of ROLES) {
    const found = texts.find((entry) => entry.text.includes(snippets[role]));
    expect(found, `${name}: PDF 中找不到 ${role} 的“${snippets[role]}”`).toBeDefined();
    faces[role] = found!.face;
  }
  return { faces, allFaces: [...new Set(families.values())] };
}

const utf16 = (text: string) => {
  const bytes = new Uint8Array(text.length * 2);
  for (let index = 0; index < text.length; index++) new DataView(bytes.buffer).setUint16(index * 2, text.charCodeAt(index));
  return bytes;
};

/** A format 0 name table with Windows Unicode records (English and Simplified Chinese) for the given name ids. */
function nameTable(names: Array<[number, string]>): Uint8Array {
  const records = [0x0409, 0x0804].flatMap((language) => names.map(([nameId, text]) => ({ language, nameId, bytes: utf16(text) })));
  const storage = 6 + records.length * 12;
  const table = new Uint8Array(storage + records.reduce((sum, record) => sum + record.bytes.length, 0));
  const view = new DataView(table.buffer);
  view.setUint16(2, records.length);
  view.setUint16(4, storage);
  let offset = 0;
  records.forEach((record, index) => {
    const at = 6 + index * 12;
    [3, 1, record.language, record.nameId, record.bytes.length, offset].forEach((value, field) => view.setUint16(at + field * 2, value));
    table.set(record.bytes, storage + offset);
    offset += record.bytes.length;
  });
  return table;
}

/** The font with its name table replaced: a stand-in for a licensed font installed under `family`. */
function renamedFont(font: Uint8Array, family: string, postscriptName: string): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = Array.from({ length: view.getUint16(4) }, (_, index) => {
    const record = 12 + index * 16;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    const data = font.subarray(view.getUint32(record + 8), view.getUint32(record + 8) + view.getUint32(record + 12));
    return {
      tag,
      data:
        tag === "name"
          ? nameTable([
              [1, family],
              [2, "Regular"],
              [4, family],
              [6, postscriptName],
            ])
          : data,
    };
  });
  const padded = (length: number) => (length + 3) & ~3;
  const out = new Uint8Array(12 + tables.length * 16 + tables.reduce((sum, table) => sum + padded(table.data.length), 0));
  const outView = new DataView(out.buffer);
  out.set(font.subarray(0, 12));
  let offset = 12 + tables.length * 16;
  tables.forEach((table, index) => {
    const record = 12 + index * 16;
    out.set(
      [...table.tag].map((character) => character.charCodeAt(0)),
      record,
    );
    out.set(table.data, offset);
    let checksum = 0;
    for (let at = offset; at < offset + padded(table.data.length); at += 4) checksum = (checksum + outView.getUint32(at)) >>> 0;
    outView.setUint32(record + 4, checksum);
    outView.setUint32(record + 8, offset);
    outView.setUint32(record + 12, table.data.length);
    offset += padded(table.data.length);
  });
  return out;
}

describe.skipIf(!isReady)("[EXPORT] DOCX fonts through LibreOffice with the system fontconfig (no licensed fonts, no font map)", () => {
  let directory: string;
  const rendered = new Map<string, Rendered>();

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "nianbao-lo-fonts-"));
    const district = loadFixture("wangchuan-district-2024.nianbao.json");
    const county = loadExportFixture(EXPORT_FIXTURES.county);
    // One after the other: LibreOffice runs are heavy on a 2-core machine.
    const gb2312 = await exportReportDocx(district, { fontProfile: "gb2312", isDraft: false });
    rendered.set("gb2312", await render(gb2312, "gb2312", "district-gb2312", directory));
    rendered.set("windows", await render(await exportReportDocx(county, { fontProfile: "windows", isDraft: false }), "windows", "county-windows", directory));
    // The control: the same DOCX without embedded faces (what the exporter wrote before).
    const plain = withFontTable(await exportReportDocx(district, { fontProfile: "gb2312", isDraft: false }), ROLE_FONTS.gb2312, { substituteDirectory: null });
    rendered.set("control", await render(plain, "gb2312", "district-control", directory));
    // A host that has the licensed 仿宋_GB2312 (here FandolKai renamed, to tell it from the embedded FandolFang).
    const kai = path.join(SUBSTITUTE_DIRECTORY, SUBSTITUTE_FONTS.heading2.file);
    const everyCharacter = [...new Set(strFromU8(unzipSync(gb2312)["word/document.xml"]!).replace(/<[^>]+>/g, ""))].map((character) =>
      character.codePointAt(0)!,
    );
    await mkdir(path.join(directory, "licensed"));
    await writeFile(
      path.join(directory, "licensed", "fangsong-gb2312.otf"),
      renamedFont(subsetFont(kai, 0, everyCharacter)!, "仿宋_GB2312", "LicensedFangSongGB2312"),
    );
    const fontconfigFile = path.join(directory, "fonts.conf");
    await writeFile(
      fontconfigFile,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${path.join(directory, "licensed")}</dir><cachedir>${path.join(directory, "fc-cache")}</cachedir></fontconfig>\n`,
    );
    rendered.set("licensed", await render(gb2312, "gb2312", "district-licensed", directory, fontconfigFile));
  }, 600_000);

  afterAll(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it.each(["gb2312", "windows"] as const)("%s names: title, 一、, （一） and body each in its own face, the PDF's stand-in for that role", (profile) => {
    const { faces, allFaces } = rendered.get(profile)!;
    expect(new Set(Object.values(faces)).size, JSON.stringify(faces)).toBe(4);
    expect(faces.body).toMatch(/^FandolFang/);
    expect(faces.heading1).toMatch(/^FandolHei/);
    expect(faces.heading2).toMatch(/^FandolKai/);
    // pdftohtml gives the family without its style; the bold is the <b> of the text.
    expect(faces.title).toMatch(/^NotoSerifCJK/);
    // 宋体 page numbers in a Song face rather than the system's Latin sans.
    expect(
      allFaces.some((face) => face.startsWith("FandolSong")),
      allFaces.join(", "),
    ).toBe(true);
  });

  it("without the embedded faces the same DOCX collapses into one face (so the test above sees the DOCX, not a font map)", () => {
    const { faces } = rendered.get("control")!;
    expect(new Set([faces.body, faces.heading1, faces.heading2]).size, JSON.stringify(faces)).toBe(1);
    expect(faces.body).not.toMatch(/^Fandol/);
  });

  it("a host that has the licensed font uses it, not the embedded stand-in", () => {
    const { faces } = rendered.get("licensed")!;
    // The installed 仿宋_GB2312 (made from FandolKai) sets the body; the roles without a licensed font keep theirs.
    expect(faces.body).toMatch(/^FandolKai/);
    expect(faces.heading1).toMatch(/^FandolHei/);
    expect(faces.title).toMatch(/^NotoSerifCJK/);
  });

  it("the DOCX embeds each role's face once, obfuscated, as subsets far smaller than the font files", async () => {
    const parts = unzipSync(await exportReportDocx(loadFixture("wangchuan-district-2024.nianbao.json"), { fontProfile: "windows" }));
    const fonts = Object.keys(parts).filter((name) => name.startsWith("word/fonts/"));
    expect(fonts).toHaveLength(5);
    const bodyFile = await readFile(path.join(SUBSTITUTE_DIRECTORY, SUBSTITUTE_FONTS.body.file));
    for (const name of fonts) expect(parts[name]!.byteLength).toBeLessThan(bodyFile.byteLength / 10);
  });
});
