/** Words that show a 第一责任人 passage (leader's duty), in a heading or body. */
export const LEADER_DUTY_PATTERN = /第一责任人|党政主要负责人|主要负责人履行|一把手/;

/** Phrases by which the problems part states causes, not only shortcomings. */
export const CAUSE_PATTERN =
  /原因|根源|根子|究其|由于|归因|源于|在于|反映出|深层次|症结/;

/** Words by which a sentence shows evidence: a case, an example, a named document. */
export const EVIDENCE_WORDS = /案例|典型|例如|比如|如在|为例|获评|获得|表彰|命名/;

/** Units that make a number a reported figure. */
export const FIGURE_UNITS = "万元|亿元|元|人次|家次|件次|件|次|家|名|个|场|项|人|户|条|份|起|宗|批|台|部|所|篇|期|天|小时|%|％";

/**
 * The principal leader as the subject of their own duty: "局长认真履行推进法治建设第一责任人职责",
 * "主要负责同志带头学法述法". Generic mentions ("发挥党政主要负责人的作用", "成立由一把手任组长的领导小组") do not count.
 */
export const LEADER_OWN_DUTY =
  /(?:主要负责人|主要负责同志|主要领导|一把手|党组书记|党委书记|书记|县长|市长|区长|州长|旗长|局长|镇长|乡长|主任|厅长|院长)[^。；]{0,14}?(?:履行|落实|担负|扛起|肩负|压实)[^。；]{0,24}?第一责任人(?:职责|责任)|(?:主要负责人|主要负责同志|主要领导|一把手|党组书记|党委书记|县长|市长|区长|局长|镇长|乡长|主任|厅长)[^。；，]{0,8}?(?:带头|亲自|主持)[^。；]{0,6}?(?:学法|述法|出庭|部署|研究|召开|审定|听取|督办|协调|推动|抓)/g;
/** Words before the subject that make it an object: implementing the provision, not the leader acting. */
const NOT_SUBJECT_BEFORE = /(?:落实|贯彻|执行|学习|关于|根据|按照|督促|推动|发挥|强化|压实|实行|建立|形成|健全|完善|[镇村乡县市区]、?)$/;

/** Whether `text` reports the principal leader's own performance of the 第一责任人 duty. */
export function hasLeaderOwnDuty(text: string): boolean {
  const withoutTitles = text.replace(/《[^》]*》/g, "");
  for (const match of withoutTitles.matchAll(LEADER_OWN_DUTY)) {
    const before = withoutTitles.slice(Math.max(0, match.index - 4), match.index);
    // "主要领导亲自抓的工作机制" describes a mechanism, not the leader acting.
    const isAttributive = withoutTitles[match.index + match[0].length] === "的";
    if (!isAttributive && !NOT_SUBJECT_BEFORE.test(before.replace(/党政$/, ""))) return true;
  }
  return false;
}
