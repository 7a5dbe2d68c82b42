/**
 * The page around a report copied from a government website: what it looks like and how it is recognised.
 * Each pattern names what it removes (for the import log) and carries examples of the shapes it is meant
 * for; the unit tests run every example, so a pattern cannot silently stop matching its own examples.
 *
 * `line` patterns are tested on a whole trimmed line (under 200 characters) and remove the line;
 * `inline` patterns remove a piece wherever it stands in a line and keep the rest.
 */
export interface ChromePattern {
  id: ChromePatternId;
  /** Chinese name used in the import log ("已删除网页的字号切换：…"). */
  label: string;
  line?: RegExp;
  inline?: RegExp;
  /** Real-shaped examples (written for Nianbao, not copied from a site): each must be removed. */
  examples: string[];
}

export type ChromePatternId =
  "accessibility" | "font-size" | "page-info" | "breadcrumb" | "share-print" | "index-table" | "header-date" | "watermark" | "speech" | "qr-code" | "footer";

const LABEL_END = "\\s*[\\]】:：]";
const SHARE_WORDS = "微信|微博|朋友圈|QQ空间|QQ好友|QQ|新浪微博|腾讯微博|人人网|豆瓣|复制链接|分享|今日头条|钉钉";
const BUTTONS =
  "打印(本页|此页|文章|正文)?|关闭(窗口|本页|此页)?|收藏(本页)?|返回(顶部|首页|主站|列表|上一页)?|回到顶部|我要纠错|纠错|保存(本页)?|加入收藏|下载(本页|正文)?|大|中|小|默认";
/** Document-sharing sites whose name or address is stamped into copies downloaded from them. */
const DOCUMENT_SITES = "原创力文档|人人文库|豆丁网|道客巴巴|百度文库|360文库|金锄头文库|淘豆网|蚂蚁文库|文档投稿赚钱网|冰点文库";
const DOCUMENT_DOMAINS =
  "(?:max\\.)?book118\\.com|doc88\\.com|docin\\.com|wenku\\.baidu\\.com|renrendoc\\.com|jinchutou\\.com|taodocs\\.com|mayiwenku\\.com|wenku\\.so\\.com";

export const CHROME_PATTERNS: ChromePattern[] = [
  {
    id: "accessibility",
    label: "无障碍和适老化入口",
    line: /^(无障碍(浏览|阅读|模式|通道)?|打开无障碍|关闭无障碍|长者模式|适老(化)?(模式|版)|关怀(模式|版)|简体版?|繁體版?|简\s*[|｜/]\s*繁|English|EN)(\s*[|｜/]\s*(无障碍|长者模式|关怀版|适老模式|简体|繁體|English))*$/i,
    // Glued to the title or agency by the capture ("无障碍某某县人民政府"): only in front of a short line
    // that is not a sentence, so "无障碍设施建设扎实推进。" stays.
    inline: /^(无障碍|长者模式|关怀版|适老模式)\s*(?=[^。；，]{2,60}$)/,
    examples: ["无障碍", "无障碍浏览 | 长者模式", "关怀版", "简体 | 繁體"],
  },
  {
    id: "font-size",
    label: "字号切换",
    line: /^[【[]?\s*(字号|字体|文字大小|字体大小)\s*[:：]?[\s[\]【】()（）|｜/、大中小默认TA+-]*$/,
    inline: /[【[]\s*字[号体]\s*[:：]?\s*(大|中|小|\s|[|｜/])*\s*[】\]]|\s字号\s*[:：]\s*(\[?\s*[大中小]\s*\]?\s*){2,3}$/g,
    examples: ["字号:[大][中][小]", "字号：T | T | T", "【字体：大 中 小】", "字号:", "文字大小：A+ A A-"],
  },
  {
    id: "page-info",
    label: "发布信息（来源、时间、浏览量）",
    line: new RegExp(
      `^[[【]?\\s*((信息)?来源|发布(时间|日期|机构|者|人)|更新时间|时间|日期|浏览(量|次数)?|阅读(量|次数)|点击(量|数|率|次数)|访问(量|次数)|作者|编辑|责任编辑|撰稿人?|审核|审稿|供稿|文章来源)${LABEL_END}|` +
        `^\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(\\s+\\d{1,2}:\\d{2}(:\\d{2})?)?\\s*((信息)?来源|浏览|作者|【|\\[|$)`,
    ),
    examples: [
      "发布时间：2024-03-12 09:30 来源：云岭县司法局 浏览量：1328",
      "时间:2025-01-20 16:05:11",
      "信息来源：临川市交通运输局",
      "2024-02-28 10:00 来源：本站 【字体：大 中 小】",
      "[ 发布日期 ] 2023-03-01 [ 浏览次数 ] 211",
      "作者：办公室 责任编辑：李某",
    ],
  },
  {
    id: "breadcrumb",
    label: "导航路径",
    line: /^((您(当前)?的?(所在)?位置|当前位置|您现在的位置|所在位置|位置)\s*[:：]|(网站)?首页\s*[>›»＞/\\|]|(网站)?首页\s*$)/,
    examples: [
      "您当前的位置：首页>政务公开>法治政府建设年度报告",
      "当前位置: 首页 > 信息公开 > 部门文件",
      "首页 › 政府信息公开 › 年度报告",
      "位置：网站首页>>通知公告",
    ],
  },
  {
    id: "share-print",
    label: "分享、打印、关闭等链接",
    line: new RegExp(
      `^((${BUTTONS}|上一篇|下一篇|相关(链接|文章|稿件|阅读|新闻)|分享到|展开|收起|全文)\\s*[:：]?\\s*$)|^((${BUTTONS})[\\s|｜/]*)+$|` +
        `^([【[]\\s*(${BUTTONS})\\s*[】\\]]\\s*)+$|` +
        `^分享到\\s*[:：]?|^(上一篇|下一篇)\\s*[:：]|` +
        `^((${SHARE_WORDS})[\\s|｜、]*)+$`,
    ),
    inline: new RegExp(`[【[]\\s*(打印(本页|此页)?|关闭(窗口|本页)?|收藏(本页)?|加入收藏|我要纠错)\\s*[】\\]]`, "g"),
    examples: ["【打印本页】【关闭窗口】", "分享到：微信 微博 QQ空间", "打印 关闭", "上一篇：关于开展安全生产检查的通知", "微信 | 微博 | 复制链接", "返回顶部"],
  },
  {
    id: "index-table",
    label: "信息公开索引表",
    line: new RegExp(
      `^[[【]?\\s*(索引号|发文机关|发布机构|主题分类|体裁分类|组配分类|服务对象分类|发文字号|文号|有效性|成文日期|发文日期|主题词|公开方式|公开范围|公开时限|信息类别|所属机构|生效日期|废止日期|信息名称|名\\s*称)${LABEL_END}`,
    ),
    examples: [
      "[ 索引号 ]11500000MB0000000X/2024-00012 [ 发文字号 ] [ 发布机构 ]某县应急管理局 [ 主题分类 ]其他",
      "索引号：000014349/2025-00031 发文机关：平川市司法局 主题分类：司法",
      "发文机关：某某区人民政府办公室",
      "成文日期：2025-02-18 发布日期：2025-02-20",
    ],
  },
  {
    id: "header-date",
    label: "页头日期",
    line: /^(今天是\s*[:：]?\s*)?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期[一二三四五六日天]|周[一二三四五六日])(\s*(农历\S*|[晴阴雨多云小中大雪转~\d℃-]+))*$|^今天是\s*[:：]?\s*\d{4}/,
    inline: /今天是\s*[:：]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期[一二三四五六日天]|周[一二三四五六日])?\s*/g,
    examples: ["今天是:2019年10月31日 星期三", "2025年3月4日 星期二 农历二月初五", "今天是2024年12月2日 周一"],
  },
  {
    id: "watermark",
    label: "文档网站水印",
    inline: new RegExp(
      `(本文(档)?由\\s*\\S{1,20}?\\s*(上传|提供|整理|分享)+[，,。]?|` +
        `(文档)?(来源|下载|出自)(于|自)?\\s*[:：]?\\s*(${DOCUMENT_SITES}|${DOCUMENT_DOMAINS})|` +
        `更多(精品)?(文档|资料|范文)[^。]{0,16}?(请)?(访问|关注|下载)[^。]{0,30}?(${DOCUMENT_SITES}|${DOCUMENT_DOMAINS})|` +
        `word文档下载后可(自行)?(编辑|修改)|下载后可(自行)?(编辑|修改)|` +
        `(https?:\\/\\/)?(www\\.)?(${DOCUMENT_DOMAINS})(\\/\\S*)?|${DOCUMENT_SITES}|` +
        `第\\s*\\d+\\s*页\\s*[/／共]\\s*(共\\s*)?\\d+\\s*页)`,
      "gi",
    ),
    examples: [
      "全年共办理行政复议案件12件，原创力文档纠错率为零。",
      "本文档由某某文库用户上传提供，全县共开展普法活动326场。",
      "下载后可自行编辑",
      "第 3 页 / 共 9 页",
      "文档来源：max.book118.com 坚持依法决策。",
    ],
  },
  {
    id: "speech",
    label: "语音播报",
    line: /^(语音播报|进入播报模式|退出播报模式|播报|朗读|停止朗读|阅读模式|听全文|语音朗读)\s*$|^语音合成中/,
    examples: ["语音播报", "语音合成中，请耐心等待...", "退出播报模式"],
  },
  {
    id: "qr-code",
    label: "二维码提示",
    line: /扫一扫在手机|扫码使用手机|手机扫一扫|用手机扫描|扫描二维码|扫一扫分享|扫码阅读|手机阅读本页/,
    examples: ["扫一扫在手机打开当前页", "扫码使用手机浏览本页内容"],
  },
  {
    id: "footer",
    label: "网站页脚",
    line: /版权所有|ICP备|ICP证|公网安备|网站标识码|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|网站地图|^联系我们|建议使用.*(浏览器|分辨率)|^(政务新媒体|智能问答|网站纠错|政府网站找错)$/,
    examples: ["版权所有：某某市人民政府办公室", "网站标识码：0000000000 京ICP备00000000号", "政务新媒体"],
  },
];

/** A line that starts the page footer: everything short after the last paragraph is chrome. */
export const FOOTER_START = /扫一扫|扫码|返回顶部|打印本页|关闭窗口|版权所有|ICP备|主办单位|网站标识码|相关链接|分享到/;
