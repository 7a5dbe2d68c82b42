/** Words that show a 第一责任人 passage (leader's duty), in a heading or body. */
export const LEADER_DUTY_PATTERN = /第一责任人|党政主要负责人|主要负责人履行|一把手/;

/** Phrases by which the problems part states causes, not only shortcomings. */
export const CAUSE_PATTERN =
  /原因|根源|根子|究其|由于|归因|源于|在于|反映出|深层次|症结/;

/** Words by which a sentence shows evidence: a case, an example, a named document. */
export const EVIDENCE_WORDS = /案例|典型|例如|比如|如在|为例|获评|获得|表彰|命名/;

/** Units that make a number a reported figure. */
export const FIGURE_UNITS = "万元|亿元|元|人次|家次|件次|件|次|家|名|个|场|项|人|户|条|份|起|宗|批|台|部|所|篇|期|天|小时|%|％";
