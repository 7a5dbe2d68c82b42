import { describe, expect, it } from "vitest";

import type { LiveEditState } from "@/components/report/collab/live-collab";
import { liveNoticeText } from "@/components/report/collab/live-notice";
import { readLiveMessage, writeLiveMessage } from "@/lib/collab/yjs/live-messages";

const editing: LiveEditState = { status: "draft", hold: null, refusal: null };

describe("[COLLAB] what a window is told when live editing is held or refused", () => {
  it.each<[string, LiveEditState, LiveEditState | null, string]>([
    ["a step starts", { ...editing, hold: "提交审核" }, editing, "正在提交审核，在线编辑暂停片刻。"],
    [
      "a keystroke during the step",
      { ...editing, hold: "提交审核", refusal: { reason: "held", transition: "提交审核" } },
      { ...editing, hold: "提交审核" },
      "正在提交审核，您刚输入的内容暂未保存，已保留在本窗口并暂存在本机浏览器中；提交审核完成前编辑暂停。",
    ],
    ["the step succeeded, nothing refused (the heartbeat says it)", { status: "in_review", hold: null, refusal: null }, { ...editing, hold: "提交审核" }, ""],
    [
      "the step succeeded with a refused keystroke",
      { status: "in_review", hold: null, refusal: { reason: "held", transition: "提交审核" } },
      { ...editing, hold: "提交审核", refusal: { reason: "held", transition: "提交审核" } },
      "您刚输入的内容未能保存：报告已提交审核，不能编辑。这些内容已暂存在本机浏览器中，退回修改后可恢复。",
    ],
    [
      "the step failed with a refused keystroke",
      editing,
      { ...editing, hold: "签发", refusal: { reason: "held", transition: "签发" } },
      "签发未完成，可以继续编辑；暂停时输入的内容已重新发送。",
    ],
    ["the step failed, nothing refused here (nothing to say)", editing, { ...editing, hold: "审核" }, ""],
    [
      "a change reaches a signed report",
      { status: "signed", hold: null, refusal: { reason: "locked" } },
      editing,
      "您刚输入的内容未能保存：报告已签发，不能编辑。这些内容已暂存在本机浏览器中，退回修改后可恢复。",
    ],
    [
      "returned (退回) after a refusal",
      { status: "returned", hold: null, refusal: null },
      { status: "in_review", hold: "退回修改", refusal: { reason: "locked" } },
      "报告已转为“退回修改”，可以继续编辑；此前未能保存的内容已重新发送。",
    ],
    [
      "a step on a window that heard no status yet failed after a refusal",
      editing,
      { status: null, hold: "提交审核", refusal: { reason: "held", transition: "提交审核" } },
      "提交审核未完成，可以继续编辑；暂停时输入的内容已重新发送。",
    ],
    [
      "a change the user may not make",
      { ...editing, refusal: { reason: "forbidden" } },
      editing,
      "您没有编辑这部分内容的权限，刚输入的内容未能保存，在线编辑已停止。请刷新页面。",
    ],
  ])("%s", (_name, state, previous, text) => {
    expect(liveNoticeText(state, previous)).toBe(text);
  });

  it("reads back what the server writes and nothing else", () => {
    const refused = { type: "refused", reason: "held", status: "draft", transition: "提交审核" } as const;
    expect(readLiveMessage(writeLiveMessage(refused))).toEqual(refused);
    expect(readLiveMessage(writeLiveMessage({ type: "hold", transition: "签发" }))).toEqual({ type: "hold", transition: "签发" });
    expect(readLiveMessage(writeLiveMessage({ type: "status", status: "in_review" }))).toEqual({ type: "status", status: "in_review" });
    expect(readLiveMessage(JSON.stringify({ type: "refused", reason: "bored", status: "draft" }))).toBeNull();
    expect(readLiveMessage(JSON.stringify({ type: "confirmed", seq: 1, isHeld: true }))).toBeNull();
    expect(readLiveMessage("不是 JSON")).toBeNull();
  });
});
