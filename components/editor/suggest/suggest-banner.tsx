/** Tells a reviewer or approver that their changes are suggestions. */
export function SuggestModeBanner() {
  return (
    <div role="status" data-testid="suggest-mode-banner" className="border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-950">
      <strong>修订模式</strong>：您在正文中的插入和删除会标出修订人和时间，<ins className="suggestion">插入显示为蓝色</ins>、
      <del className="suggestion">删除显示为红色</del>
      ，由起草人接受或拒绝。标题、导语、结束语、基本信息（含成文日期，年度和“向社会公开”除外）以及版头与版记中的发文机关标志、签发人、印发机关和印发日期的修改同样作为修订（附件和加盖印章不能修订，请用意见提出）；正文中在段末按回车新建段落，在段中按回车拆分段落（显示为蓝色
      ↵），不能改变格式。
    </div>
  );
}
