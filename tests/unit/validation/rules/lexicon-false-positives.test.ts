import { describe, expect, it } from "vitest";

import { CONFUSION_LEXICON } from "@/lib/validation/data/confusion-lexicon";
import { confusionWordsRule, findConfusions } from "@/lib/validation/rules/confusion-words";

import { BENCH_REPORTS } from "../../../bench/accuracy-reports";
import { HELD_OUT_REPORTS } from "../../../bench/accuracy-reports-heldout";
import { reportWithBody, runRule } from "../helpers";

// Correct sentences in the shape of real 法治政府建设年度报告, written for this test, each near a lexicon entry:
// the bodies and names that kept their names, the fixed names that keep 法制, words that contain a wrong form's
// characters across a word boundary, and 的 where it is right.
const CORRECT = [
  "县农业农村局联合农业部门开展农资打假专项行动，环境保护部门、国土资源部门同步跟进。",
  "原县环保局、原国土资源局的行政处罚职责已划入综合行政执法队伍。",
  "严格落实重大执法决定法制审核制度，局法制机构全年审核45件，全国人大常委会法制工作委员会的答复意见已转发学习。",
  "自2014年以来，我县法治化营商环境持续改善，信访工作法治化水平不断提升。",
  "对照《中华人民共和国监察法》，县纪委监委依法开展监察工作，原县监察局的档案已移交。",
  "2021年，县扶贫办更名为县乡村振兴局，脱贫攻坚成果持续巩固。",
  "坚持严格规范公正文明执法，推进科学立法、严格执法、公正司法、全民守法。",
  "认真履行推进法治建设第一责任人职责，学习《党政主要负责人履行推进法治建设第一责任人职责规定》。",
  "严格执行《重大行政决策程序暂行条例》，重大行政决策全部经过合法性审查和集体讨论决定。",
  "坚持和发展新时代“枫桥经验”，深化诉源治理，健全府院联动机制，推进行刑衔接。",
  "培育“法律明白人”260名，推行“首违不罚”清单，落实“谁执法谁普法”普法责任制。",
  "普法活动开展得有声有色，群众参与的热情很高；这是一项有声有色的工作。",
  "各项工作取得了明显成效，群众获得感不断增强，法治宣传取得的成效得到上级肯定。",
  "全年受理行政复议申请36件，审结34件，其中维持21件、撤销5件、确认违法2件、责令履行1件。",
  "行政机关负责人出庭应诉率达到100%，行政诉讼案件败诉率同比下降2.3个百分点。",
  "对案件办理情况进行回访，认真听取当事人意见，依法保障当事人陈述、申辩的权利。",
  "举办领导干部法治专题讲座4期，组织旁听庭审活动2次，参加人员覆盖全部科室负责人。",
  "截至2024年12月底，累计清理规范性文件86件，其中废止12件、修改9件、宣布失效3件。",
  "统筹推进法治政府建设与经济社会发展，把法治建设成效纳入高质量发展绩效考核。",
  "组织开展安全生产大检查，排查整改隐患317处，依法关闭不具备安全生产条件的企业2家。",
  "县市场监管局联合公安、卫生健康等部门开展食品安全专项整治，立案查处违法案件42件。",
  "政务服务中心推行“一窗受理、集成服务”，政务服务事项全部纳入“一网通办”平台办理。",
  "建立健全行政裁量权基准制度，细化量化行政处罚裁量基准，防止执法随意性。",
  "深入开展“八五”普法中期评估，组织全县国家工作人员参加学法用法考试，参考率100%。",
  "全面推行证明事项告知承诺制，涉企经营许可事项实现“证照分离”改革全覆盖。",
  "各乡镇（街道）落实民主法治示范村（社区）创建标准，新增省级民主法治示范村3个。",
  "认真办理人大代表建议和政协委员提案，办复率100%，代表委员满意率98.6%。",
  "加强行政复议规范化建设，落实行政复议决定书网上公开制度，公开决定书27份。",
  "提请县政府常务会议审议规范性文件前，均由司法局出具合法性审核意见书。",
  "本学期，期中调研显示学生法治知识知晓率达到96%，期中考试增设法治常识题。",
  "县人大常委会依法监督检察院工作，支持检察机关开展行政执法检察监督和食品安全检察公益诉讼。",
  "民警察看现场后立即立案侦查，侦查终结后依法移送审查起诉。",
  "既使群众得到实惠，又使企业减轻负担，关心部属工作和生活。",
  "执法人员严格落实持证上岗和资格管理制度，全年新申领执法证件63个，注销11个。",
];

describe("the grown lexicon on correct real-shaped text", () => {
  it("holds thousands of entries, each with a reason, a source and a correction different from the wrong form", () => {
    expect(CONFUSION_LEXICON.length).toBeGreaterThanOrEqual(3000);
    for (const entry of CONFUSION_LEXICON) {
      expect(entry.reason.length, entry.wrong).toBeGreaterThan(3);
      expect(entry.source.length, entry.wrong).toBeGreaterThan(3);
      expect(entry.correct, entry.wrong).not.toBe(entry.wrong);
      expect(entry.wrong.length, entry.wrong).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(CORRECT)("finds nothing in: %s", (sentence) => {
    expect(findConfusions(sentence, 2024).map(({ entry }) => entry.wrong)).toEqual([]);
  });

  it.each([...BENCH_REPORTS, ...HELD_OUT_REPORTS].map((report) => [report.name, report] as const))(
    "finds nothing in the bench report %s as written",
    (_name, report) => {
      const body = report.lines.slice(3).join("\n");
      expect(runRule(confusionWordsRule, reportWithBody(body, { meta: { year: report.year } })).map((finding) => finding.message)).toEqual([]);
    },
  );

  it.each([
    ["全县42所中小学全部制定学校章程，工作开展的有声有色。", "的有声有色", "得有声有色"],
    ["深入推进信访工作法制化，落实信访工作责任制。", "法制化", "法治化"],
    ["审结76件，期中调解和解结案22件。", "期中", "其中"],
    ["严格落实重大执法决定法治审核制度。", "法治审核", "法制审核"],
    ["深入推进规范严格公正文明执法。", "规范严格公正文明执法", "严格规范公正文明执法"],
    ["认真贯撤落实县委决策部署。", "贯撤落实", "贯彻落实"],
    ["全面推进行政执法标淮化建设。", "标淮化", "标准化"],
    ["建立健全监督机制，强化权力运行制约和鉴督。", "鉴督", "监督"],
    ["进一步完善主要举错。", "主要举错", "主要举措"],
  ])("flags the slip in: %s", (sentence, wrong, correct) => {
    const found = findConfusions(sentence, 2024).map(({ entry }) => [entry.wrong, entry.correct]);
    expect(found).toContainEqual([wrong, correct]);
  });

  it("renamed bodies are wrong only from the year after the reform, and the former body may be named", () => {
    expect(findConfusions("县监察局开展专项检查。", 2017).map(({ entry }) => entry.wrong)).toEqual([]);
    expect(findConfusions("县监察局开展专项检查。", 2020).map(({ entry }) => entry.correct)).toEqual(["监察委员会"]);
    expect(findConfusions("原县监察局的职责已整合。", 2020)).toEqual([]);
    expect(findConfusions("县扶贫办牵头开展帮扶。", 2021)).toEqual([]);
    expect(findConfusions("县扶贫办牵头开展帮扶。", 2022).map(({ entry }) => entry.correct)).toEqual(["乡村振兴局"]);
  });
});
