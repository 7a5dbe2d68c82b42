import { defaultFontDirectories, FONT_ROLE_LABELS, resolveFonts } from "@/lib/fonts";
import { setupSubstituteFonts } from "@/lib/fonts/setup-substitute-fonts.mjs";

import { parseArgs, type CliCommand } from "../types";

const setupFonts: CliCommand = {
  async run(args, io) {
    const { options } = parseArgs(args, { strings: ["profile"] });
    const directories = defaultFontDirectories();
    const { missing } = setupSubstituteFonts({ cacheDirectory: directories.substituteDirectory, log: io.stdout });
    const profile = options.profile === "windows" ? "windows" : "gb2312";
    const resolution = resolveFonts({ profile, ...directories });
    io.stdout(`\n各字体角色的实际用字（本机构字体目录：${directories.agencyDirectory}）：`);
    for (const font of Object.values(resolution.fonts)) {
      if (!font) continue;
      const source = font.isSubstitute ? `开源替代，需要的是“${font.requested}”` : "本机构字体";
      io.stdout(`  ${FONT_ROLE_LABELS[font.role]}：${font.family}（${source}）`);
    }
    for (const role of resolution.missingRoles) io.stdout(`  ${FONT_ROLE_LABELS[role]}：缺失`);
    for (const file of resolution.unreadableFiles) io.stderr(`无法读取的字体文件（未使用）：${file}`);
    // Missing fonts are reported, not failed: a machine without apt can still use the DOCX export.
    if (missing.length > 0 || resolution.missingRoles.length > 0) io.stderr("字体尚未齐备，PDF 导出暂不可用；见上方说明。");
    return 0;
  },
};

export default setupFonts;
