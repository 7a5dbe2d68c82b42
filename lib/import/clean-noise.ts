import { readPageMeta, type PageMeta } from "./page-meta";
import { sampleOf, type ImportContext, type SourceBlock } from "./types";

/** Lines that are page chrome wherever they stand (matched on the whole trimmed line). */
const NOISE_LINES: RegExp[] = [
  /^(您当前的位置|当前位置|您的位置|您现在的位置|所在位置)[:：]?/,
  /^首页\s*[>›»＞/\\]/,
  /^\[?\s*索引号/,
  /^(发布机构|发文机关|主题分类|体裁分类|发文字号|文号|有效性|成文日期|发布日期|发文日期|主题词|公开方式|公开范围|信息来源|来源|作者|浏览次数|访问次数|点击数|阅读数|编辑|责任编辑)\s*[\]】:：]/,
  /^\[?\s*(发布时间|时间|日期)\s*[\]】:：]\s*\d{4}/,
  /^字号\s*[:：]?\s*([大中小]\s*)*$/,
  /^【?\s*字体\s*[:：]?\s*([大中小]\s*)*】?$/,
  /^(语音播报|进入播报模式|退出播报模式|播报|朗读|停止朗读|阅读模式|打开无障碍|无障碍浏览|适老模式)\s*$/,
  /^语音合成中/,
  /扫一扫在手机|扫码使用手机|手机扫一扫|用手机扫描|扫描二维码|扫一扫分享/,
  /^(返回顶部|回到顶部|返回主站|返回首页|收起|展开|打印本页|关闭窗口|打印|关闭|收藏|【打印】|【关闭】|上一篇|下一篇|相关链接|相关文章|相关稿件)\s*[:：]?\s*$/,
  /^分享到\s*[:：]?/,
  /^(上一篇|下一篇)\s*[:：]/,
  /^((微信|微博|QQ空间|QQ好友|新浪微博|腾讯微博|人人网|豆瓣|复制链接|分享)[\s|｜、]*)+$/,
  /版权所有|ICP备|ICP证|公网安备|网站标识码|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|网站地图|^联系我们|建议使用.*(浏览器|分辨率)/,
  /^(\s*[【\[](打印|关闭|关闭窗口|打印本页|收藏|大|中|小|字体.*?)[】\]]\s*)+$/,
];
/** Lines that start the page footer: everything after them that is not a paragraph is chrome too. */
const FOOTER_START = /扫一扫|扫码|返回顶部|打印本页|关闭窗口|版权所有|ICP备|主办单位|网站标识码|相关链接|分享到/;
const INLINE_CHROME = /[【\[]\s*(打印|关闭|关闭窗口|打印本页|收藏|字体[:：]?\s*[大中小\s]*|[大中小])\s*[】\]]/g;
const PARAGRAPH_LENGTH = 40;

export interface CleanResult {
  blocks: SourceBlock[];
  page: PageMeta;
}

/** Removes the chrome of a saved web page around a published report, keeping the page's dates. */
export function cleanNoise(blocks: SourceBlock[], context: ImportContext, normalize: (text: string) => string): CleanResult {
  const page: PageMeta = {};
  const removed: string[] = [];
  const kept: SourceBlock[] = [];
  const lastParagraph = findLastIndex(blocks, (block) => !!block.table || block.text.length >= PARAGRAPH_LENGTH);
  let isInFooter = false;
  blocks.forEach((block, index) => {
    if (block.table) return void kept.push(block);
    const line = normalize(block.text).trim();
    if (!line) return void kept.push(block);
    const isNoise = line.length < 200 && NOISE_LINES.some((pattern) => pattern.test(line));
    if (index > lastParagraph && FOOTER_START.test(line)) isInFooter = true;
    if (isNoise || (isInFooter && line.length < PARAGRAPH_LENGTH && !/^\d{4}年/.test(line))) {
      readPageMeta(line, page);
      removed.push(block.text);
      return;
    }
    const stripped = block.text.replace(INLINE_CHROME, "").trim();
    if (stripped !== block.text) removed.push(block.text.replace(stripped, "").trim() || block.text);
    kept.push(stripped === block.text ? block : { ...block, text: stripped });
  });
  if (removed.length > 0) {
    context.log.push({
      kind: "removed",
      message: `已删除网页附带的 ${removed.length} 行无关内容（导航、字号、语音播报、分享、页脚等）。`,
      sample: removed.slice(0, 4).map((line) => sampleOf(line, 20)).join(" ｜ "),
    });
  }
  return { blocks: kept, page };
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) if (predicate(items[index]!)) return index;
  return -1;
}
