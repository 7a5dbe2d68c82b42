// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { LiveCollabSession, LiveEditState } from "@/components/report/collab/live-collab";
import { useLiveNotice } from "@/components/report/collab/live-notice";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The part of a live session the notice reads: its edit-state events, sent by the test. */
function fakeSession() {
  const listeners = new Set<(state: LiveEditState) => void>();
  const session = {
    onEditState: (listener: (state: LiveEditState) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as LiveCollabSession;
  return { session, emit: (state: LiveEditState) => act(() => listeners.forEach((listener) => listener(state))) };
}

function Notice({ session }: { session: LiveCollabSession }) {
  return <p data-testid="notice">{useLiveNotice(session)}</p>;
}

describe("[COLLAB] useLiveNotice: a short hold is not announced; a refusal is, at once", () => {
  let container: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    vi.useFakeTimers();
    container = document.createElement("div");
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    vi.useRealTimers();
  });
  const text = () => container.querySelector('[data-testid="notice"]')!.textContent;

  it("says nothing for a hold that ends quickly, and says it when the hold lasts", () => {
    const { session, emit } = fakeSession();
    act(() => root.render(<Notice session={session} />));
    emit({ status: "draft", hold: "提交审核", refusal: null });
    act(() => vi.advanceTimersByTime(300));
    expect(text()).toBe("");
    emit({ status: "in_review", hold: null, refusal: null });
    act(() => vi.advanceTimersByTime(1_000));
    expect(text()).toBe("");
    emit({ status: "in_review", hold: "退回修改", refusal: null });
    act(() => vi.advanceTimersByTime(1_000));
    expect(text()).toBe("正在退回修改，在线编辑暂停片刻。");
  });

  it("tells a refused keystroke at once, and what became of it", () => {
    const { session, emit } = fakeSession();
    act(() => root.render(<Notice session={session} />));
    emit({ status: "draft", hold: "提交审核", refusal: null });
    emit({ status: "draft", hold: "提交审核", refusal: { reason: "held", transition: "提交审核" } });
    expect(text()).toBe("正在提交审核，您刚输入的内容暂未保存，已保留在本窗口并暂存在本机浏览器中；提交审核完成前编辑暂停。");
    emit({ status: "draft", hold: null, refusal: null });
    expect(text()).toBe("提交审核未完成，可以继续编辑；暂停时输入的内容已重新发送。");
  });
});
