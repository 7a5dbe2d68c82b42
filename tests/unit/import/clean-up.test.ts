import { describe, expect, it } from "vitest";

import { detectEncoding } from "@/lib/import/decode-text";
import { restorePunctuationInText } from "@/lib/import/restore-punctuation";
import { textToBlocks } from "@/lib/import/source-blocks";
import { stripPageChrome } from "@/lib/import/strip-page-chrome";
import { createContext } from "@/lib/import/types";

describe("[IMPORT] full-width punctuation is restored only around Chinese", () => {
  it.each([
    ["(一)加强组织领导", "（一）加强组织领导"],
    ["( 2 )落实责任", "（2）落实责任"],
    ["全年办结案件12件,结案率100%,群众满意", "全年办结案件12件，结案率100%，群众满意"],
    ["主要做法如下:", "主要做法如下："],
    ["一是健全制度;二是强化监督", "一是健全制度；二是强化监督"],
    ['开展"法律进乡村"活动', "开展“法律进乡村”活动"],
    ["严格执法.全年查处", "严格执法。全年查处"],
    ["依据《条例》(2020年修订)执行", "依据《条例》（2020年修订）执行"],
    ["标准(GB 9704-2012)", "标准(GB 9704-2012)"],
    ["增长1.5倍, version 2.0", "增长1.5倍, version 2.0"],
  ])("%s → %s", (input, output) => {
    expect(restorePunctuationInText(input)).toBe(output);
  });
});

describe("[IMPORT] web-page noise is removed, report lines are kept", () => {
  const page = [
    "当前位置：首页 > 政务公开 > 法治政府建设",
    "发布时间：2024-02-05 10:12　来源：某县应急管理局",
    "字号：大 中 小",
    "【打印】【关闭】",
    "展开安全生产执法检查126次，收起隐患整改台账。",
    "关闭非法矿点3处，依法打击非法违法生产行为。",
    "打印设备已全部完成更新。",
    "扫一扫在手机打开当前页",
    "网站标识码：0000000000",
    "部门街镇",
  ].join("\n");
  const context = createContext();
  const { blocks, page: meta } = stripPageChrome(textToBlocks(page), context, (text) => text);

  it("keeps body lines that merely start like a button label", () => {
    expect(blocks.map((block) => block.text)).toEqual([
      "展开安全生产执法检查126次，收起隐患整改台账。",
      "关闭非法矿点3处，依法打击非法违法生产行为。",
      "打印设备已全部完成更新。",
    ]);
  });

  it("reads the publication date and logs the removal", () => {
    expect(meta.publishedOn).toBe("2024-02-05");
    expect(context.log[0]?.message).toMatch(/已删除网页附带的 7 处/);
    expect(context.log.slice(1).map((entry) => entry.message)).toEqual([
      "已删除导航路径：“当前位置：首页 > 政务公开 > 法治政府建设”",
      "已删除发布信息（来源、时间、浏览量）：“发布时间：2024-02-05 10:12 来源：某县应急管理局”",
      "已删除字号切换：“字号：大 中 小”",
      "已删除分享、打印、关闭等链接：“【打印】【关闭】”",
      "已删除二维码提示：“扫一扫在手机打开当前页”",
      "已删除网站页脚：“网站标识码：0000000000”",
      "已删除网站页脚：“部门街镇”",
    ]);
  });
});

describe("[IMPORT] encoding detection", () => {
  it.each([
    ["UTF-8", [0xe6, 0xb3, 0x95, 0xe6, 0xb2, 0xbb], "utf-8"],
    ["GBK 法治", [0xb7, 0xa8, 0xd6, 0xce, 0xd5, 0xfe, 0xb8, 0xae], "gb18030"],
    ["UTF-16LE 法治政府", [0xd5, 0x6c, 0xbb, 0x6c, 0x3f, 0x65, 0x9c, 0x5e], "utf-16le"],
    ["UTF-16BE 法治政府", [0x6c, 0xd5, 0x6c, 0xbb, 0x65, 0x3f, 0x5e, 0x9c], "utf-16be"],
  ])("%s", (_label, bytes, encoding) => {
    expect(detectEncoding(new Uint8Array(bytes))).toBe(encoding);
  });
});
