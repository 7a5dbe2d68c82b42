/**
 * Five saved web pages around a published 法治政府建设年度报告, each in the style of a different kind of
 * government site. Written for Nianbao (fictional agencies, figures and wording): the shapes follow real
 * sites, the text copies none.
 */
export interface WebPageCase {
  name: string;
  fileName: string;
  text: string;
  title: string;
  agency: string;
  year: number;
  openingStart: string;
  /** [kind, items] per part. */
  kinds: Array<[string, number]>;
  signature: string;
  date: string;
  closing: string;
  /** Labels the import log must name among its removals. */
  removedLabels: string[];
}

/** A county portal saved as HTML: accessibility link glued to the title, breadcrumbs, font-size widget, index table, share bar. */
const countyPortal = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>青崖县人民政府</title></head><body>
<div class="top"><a href="/wza">无障碍</a>青崖县人民政府2024年法治政府建设年度报告</div>
<p>今天是:2025年3月4日 星期二</p>
<p>您当前的位置：首页>政务公开>法定主动公开内容>法治政府建设</p>
<table><tr><td>索引号：</td><td>000014349/2025-00031</td><td>发文机关：</td><td>青崖县人民政府</td></tr><tr><td>主题分类：</td><td>政府工作</td><td>成文日期：</td><td>2025-02-18</td></tr></table>
<h1>青崖县人民政府2024年法治政府建设年度报告</h1>
<p>发布时间：2025-02-20 09:30 来源：青崖县司法局 浏览量：2046</p>
<p>字号:[大][中][小]</p>
<p>2024年，青崖县人民政府坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面落实《法治政府建设实施纲要（2021－2025年）》，法治政府建设取得新进展。现将有关情况报告如下：</p>
<p>一、主要举措和成效</p>
<p>（一）深化“放管服”改革。全年取消和下放行政许可事项17项，政务服务事项网上可办率达到98.5%。</p>
<p>（二）严格规范公正文明执法。开展行政执法案卷评查2次，评查案卷326卷，整改问题41个。</p>
<p>二、党政主要负责人履行推进法治建设第一责任人职责情况</p>
<p>县长带头学法用法，全年主持召开县政府常务会议专题学法4次，研究部署法治政府建设重点任务。</p>
<p>三、存在的不足和原因</p>
<p>基层执法力量仍显薄弱，部分乡镇合法性审查能力不足。</p>
<p>四、2025年主要安排</p>
<p>（一）持续推进综合行政执法改革，健全乡镇执法协调机制。</p>
<p>（二）加强法治督察，压实各级法治建设责任。</p>
<p>特此报告。</p>
<p>青崖县人民政府</p>
<p>2025年2月18日</p>
<p>【打印本页】【关闭窗口】</p>
<p>分享到：微信 微博 QQ空间</p>
<p>扫一扫在手机打开当前页</p>
<p>版权所有：青崖县人民政府办公室 网站标识码：0000000000</p>
</body></html>`;

/** A department site copied as text: header date, 来源/时间/浏览量 line, voice widget, no signature or date at the end. */
const departmentText = [
  "今天是:2024年1月30日 星期二",
  "无障碍浏览 | 长者模式",
  "当前位置: 首页 > 信息公开 > 部门文件",
  "临川市交通运输局2023年度法治政府建设工作报告",
  "时间：2024-01-29 16:05:11 来源：临川市交通运输局 浏览次数：887",
  "语音播报",
  "【字体：大 中 小】",
  "",
  "2023年，市交通运输局在市委、市政府的坚强领导下，坚持依法行政，全面推进交通运输法治政府部门建设，现将主要情况报告如下：",
  "",
  "一、法治政府建设主要举措和成效",
  "（一）健全依法决策机制。全年提交合法性审查的重大行政决策事项9件，均在规定时限内完成审查。",
  "（二）加强组织领导，完善法治建设工作机制",
  "局党组把法治建设纳入年度重点工作，成立法治建设领导小组，定期研究法治建设工作。",
  "二、存在的问题",
  "执法人员法律素养参差不齐，执法规范化水平有待提高。",
  "三、下一步工作打算",
  "一是完善执法监督机制，推行执法全过程记录。",
  "二是开展执法人员轮训，全年培训不少于200人次。",
  "",
  "上一篇：关于公布2023年度交通运输行政执法统计数据的通知",
  "下一篇：临川市交通运输局2023年政府信息公开工作年度报告",
  "返回顶部",
].join("\n");

/** A township site: the page repeats the title, share and print links stand in the text, a 【打印】 button inside a line. */
const townshipText = [
  "石桥镇人民政府",
  "石桥镇人民政府2022年法治政府建设情况报告",
  "发布日期：2023-02-10　　信息来源：石桥镇党政办　　阅读次数：96",
  "分享到：",
  "微信 | 微博 | 复制链接",
  "",
  "石桥镇人民政府2022年法治政府建设情况报告",
  "",
  "区政府：",
  "2022年，石桥镇在区委、区政府的正确领导下，以提升基层依法治理能力为重点，扎实推进法治政府建设。现将有关情况报告如下：",
  "一、2022年法治政府建设工作情况",
  "（一）强化组织保障。镇党委书记、镇长履行推进法治建设第一责任人职责，将法治建设纳入镇党委会议议程。",
  "（二）推进基层依法治理。建成村（社区）法律服务工作室12个，实现村居法律顾问全覆盖。",
  "二、存在的问题",
  "镇村两级法治宣传形式单一，群众参与度不高。",
  "三、2023年工作计划",
  "（一）推动村规民约修订完善，年底前完成全部12个村的修订。",
  "特此报告。",
  "石桥镇人民政府",
  "2023年2月8日",
  "【打印】【关闭】",
  "手机扫一扫",
].join("\n");

/** A copy from a document-sharing site: watermarks inside sentences and page counters. */
const documentSiteText = [
  "原创力文档",
  "南湖区市场监督管理局2021年法治政府建设年度报告",
  "本文档由某某文库用户上传提供，2021年，区市场监管局以习近平法治思想为指导，围绕优化营商环境，推进市场监管领域法治建设。现将有关情况报告如下：",
  "一、主要举措和成效",
  "（一）推行包容审慎监管。对轻微违法行为依法不予处罚案件58件，原创力文档涉及市场主体58户。",
  "（二）规范行政执法行为。全年办理行政处罚案件412件，行政复议纠错0件。",
  "第 1 页 / 共 2 页",
  "二、存在的不足",
  "新业态监管手段相对滞后，网络交易监管力量不足。",
  "三、2022年工作安排",
  "（一）完善信用监管体系，推行企业信用风险分类管理。下载后可自行编辑",
  "南湖区市场监督管理局",
  "2022年1月25日",
  "第 2 页 / 共 2 页",
].join("\n");

/**
 * A city bureau page whose capture broke sentences across lines, with a repeated part numeral and
 * one-sentence items; 抄送 under the date.
 */
const capturedBureauText = [
  "您的位置：首页 › 政府信息公开 › 年度报告",
  "西津市生态环境局2024年法治政府建设年度报告",
  "作者：法规科 责任编辑：周某",
  "西环发〔2025〕6号",
  "市委全面依法治市委员会办公室：",
  "2024年，我局坚持以习近平生态文明思想和习近平法治思想为指",
  "导，深入推进生态环境领域依法行政，现将有关情况报告如下：",
  "一、主要举措和成效",
  "（一）严格生态环境执法。全年查处环境违法案件203件，罚没款",
  "1286万元，移送公安机关案件7件。",
  "（二）全年开展普法宣传活动46场，覆盖企业和群众1.2万人次。",
  "二、存在的不足",
  "执法装备和专业人员不足，非现场执法手段运用不够充分。",
  "二、下一步打算",
  "（一）推进非现场执法，年内建成执法监控平台。",
  "（二）加强执法人员培训，全年轮训执法人员不少于150人次。",
  "西津市生态环境局",
  "2025年1月20日",
  "抄送：省生态环境厅，市司法局。",
  "【打印此页】【关闭窗口】",
].join("\n");

export const WEB_PAGE_CASES: WebPageCase[] = [
  {
    name: "county portal (HTML)",
    fileName: "青崖县.html",
    text: countyPortal,
    title: "青崖县人民政府2024年法治政府建设年度报告",
    agency: "青崖县人民政府",
    year: 2024,
    openingStart: "2024年，青崖县人民政府坚持以习近平新时代",
    kinds: [
      ["measures", 2],
      ["leader_duty", 1],
      ["problems", 1],
      ["next_year", 2],
    ],
    signature: "青崖县人民政府",
    date: "2025-02-18",
    closing: "特此报告。",
    removedLabels: [
      "无障碍和适老化入口",
      "页头日期",
      "导航路径",
      "信息公开索引表",
      "发布信息（来源、时间、浏览量）",
      "字号切换",
      "分享、打印、关闭等链接",
      "二维码提示",
      "网站页脚",
    ],
  },
  {
    name: "department site (text)",
    fileName: "临川交通.txt",
    text: departmentText,
    title: "临川市交通运输局2023年度法治政府建设工作报告",
    agency: "临川市交通运输局",
    year: 2023,
    openingStart: "2023年，市交通运输局在市委、市政府的坚强领导下",
    kinds: [
      ["measures", 2],
      ["problems", 1],
      ["next_year", 2],
    ],
    signature: "",
    date: "",
    closing: "",
    removedLabels: ["页头日期", "无障碍和适老化入口", "导航路径", "发布信息（来源、时间、浏览量）", "语音播报", "字号切换", "分享、打印、关闭等链接"],
  },
  {
    name: "township site (text)",
    fileName: "石桥镇.txt",
    text: townshipText,
    title: "石桥镇人民政府2022年法治政府建设情况报告",
    agency: "石桥镇人民政府",
    year: 2022,
    openingStart: "2022年，石桥镇在区委、区政府的正确领导下",
    kinds: [
      ["measures", 2],
      ["problems", 1],
      ["next_year", 1],
    ],
    signature: "石桥镇人民政府",
    date: "2023-02-08",
    closing: "特此报告。",
    removedLabels: ["发布信息（来源、时间、浏览量）", "分享、打印、关闭等链接", "二维码提示"],
  },
  {
    name: "document-sharing site (text)",
    fileName: "南湖市监.txt",
    text: documentSiteText,
    title: "南湖区市场监督管理局2021年法治政府建设年度报告",
    agency: "南湖区市场监督管理局",
    year: 2021,
    openingStart: "2021年，区市场监管局以习近平法治思想为指导",
    kinds: [
      ["measures", 2],
      ["problems", 1],
      ["next_year", 1],
    ],
    signature: "南湖区市场监督管理局",
    date: "2022-01-25",
    closing: "",
    removedLabels: ["文档网站水印"],
  },
  {
    name: "city bureau with capture breaks (text)",
    fileName: "西津生态.txt",
    text: capturedBureauText,
    title: "西津市生态环境局2024年法治政府建设年度报告",
    agency: "西津市生态环境局",
    year: 2024,
    openingStart: "2024年，我局坚持以习近平生态文明思想和习近平法治思想为指导，深入推进",
    kinds: [
      ["measures", 2],
      ["problems", 1],
      ["next_year", 2],
    ],
    signature: "西津市生态环境局",
    date: "2025-01-20",
    closing: "",
    removedLabels: ["导航路径", "发布信息（来源、时间、浏览量）", "分享、打印、关闭等链接"],
  },
];

/** Page text that must appear nowhere in an imported report. */
export const CHROME_WORDS =
  /无障碍|长者模式|今天是|当前位置|您的位置|首页|索引号|发文机关|主题分类|发布时间|发布日期|来源[:：]|浏览|阅读次数|字号|字体|语音播报|打印|关闭|分享|微信|微博|扫一扫|版权所有|网站标识码|上一篇|下一篇|返回顶部|原创力文档|文库|下载后可|第 \d 页|作者：|责任编辑/;
