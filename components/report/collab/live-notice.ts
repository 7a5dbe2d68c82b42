"use client";

import { useEffect, useState } from "react";

import { REPORT_STATUS_LABELS, type ReportStatus } from "@/lib/report-model/constants";
import { isEditableStatus } from "@/lib/report-model/workflow/status";

import type { LiveCollabSession, LiveEditState } from "./live-collab";

const DONE: Partial<Record<ReportStatus, string>> = { in_review: "已提交审核", reviewed: "已审核通过", signed: "已签发", published: "已公开" };

function lockedText(status: string): string {
  const done = DONE[status as ReportStatus] ?? `已转为“${REPORT_STATUS_LABELS[status as ReportStatus] ?? status}”`;
  return `报告${done}，不能编辑。`;
}

/**
 * What the official is told when the co-editing server holds or refuses this window's live changes; "" when there
 * is nothing to say (a plain lock is announced by the workspace's heartbeat).
 */
export function liveNoticeText(state: LiveEditState, previous: LiveEditState | null): string {
  const { status, hold, refusal } = state;
  if (refusal?.reason === "forbidden") return "您没有编辑这部分内容的权限，刚输入的内容未能保存，在线编辑已停止。请刷新页面。";
  if (hold) {
    return refusal ? `正在${hold}，您刚输入的内容暂未保存，已保留在本窗口并暂存在本机浏览器中；${hold}完成前编辑暂停。` : `正在${hold}，在线编辑暂停片刻。`;
  }
  if (status !== null && !isEditableStatus(status)) {
    return refusal ? `您刚输入的内容未能保存：${lockedText(status)}这些内容已暂存在本机浏览器中，退回修改后可恢复。` : "";
  }
  // Editable again. The same status as before the hold (or none heard yet): the step failed.
  const isSameStatus = previous !== null && (previous.status === null || previous.status === status);
  // Nothing typed here was refused: the short pause needs no word afterwards.
  if (previous?.hold && isSameStatus) return previous.refusal ? `${previous.hold}未完成，可以继续编辑；暂停时输入的内容已重新发送。` : "";
  if (previous?.refusal) return `报告已转为“${REPORT_STATUS_LABELS[status as ReportStatus] ?? status}”，可以继续编辑；此前未能保存的内容已重新发送。`;
  return "";
}

/** A hold shorter than this (most steps) is not announced unless a change typed here was refused in it. */
const HOLD_NOTICE_DELAY_MS = 600;

/** The notice for the session's live edit state, kept until the next change of it. */
export function useLiveNotice(session: LiveCollabSession | null): string {
  const [notice, setNotice] = useState("");
  useEffect(() => {
    if (!session) return;
    let previous: LiveEditState | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = session.onEditState((state) => {
      const text = liveNoticeText(state, previous);
      clearTimeout(timer);
      if (state.hold && !state.refusal) timer = setTimeout(() => setNotice(text), HOLD_NOTICE_DELAY_MS);
      else setNotice(text);
      previous = state;
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [session]);
  return notice;
}
