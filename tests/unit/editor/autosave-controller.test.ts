// @vitest-environment jsdom
import "fake-indexeddb/auto";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { Report } from "@/lib/report-model";
import {
  createAutosaveController,
  type AutosaveState,
  type SendSaveRequest,
} from "@/components/report/autosave/autosave-controller";
import { createIndexedDbDraftStore, shouldOfferRestore } from "@/components/report/autosave/local-draft-store";
import { classifySaveResponse, retryDelayMs } from "@/components/report/autosave/save-response";

import { buildReport } from "./fixtures";

const INITIAL = { revision: 3, updatedAt: "2026-01-20T02:00:00.000Z", updatedBy: "张敏" };

type Answer = { status: number; body: unknown } | "network-down";

function setup(answers: Answer[], options: { isComposing?: () => boolean; isOnline?: () => boolean } = {}) {
  let content: Report = buildReport();
  const sent: SendSaveRequest[] = [];
  const states: AutosaveState[] = [];
  const store = createIndexedDbDraftStore();
  const reportId = `r-${Math.random().toString(36).slice(2)}`;
  const controller = createAutosaveController({
    reportId,
    initial: INITIAL,
    getContent: () => content,
    isComposing: options.isComposing ?? (() => false),
    isOnline: options.isOnline ?? (() => true),
    store,
    onState: (state) => states.push(state),
    send: async (request) => {
      sent.push(structuredClone(request));
      const answer = answers.shift() ?? { status: 200, body: { ok: true, data: { ...INITIAL, revision: 99 } } };
      if (answer === "network-down") throw new TypeError("Failed to fetch");
      return answer;
    },
  });
  const edit = (title: string) => {
    content = { ...content, meta: { ...content.meta, title } };
    controller.markDirty();
  };
  return { controller, sent, states, store, reportId, edit, current: () => content };
}

const saved = (revision: number) => ({ status: 200, body: { ok: true, data: { revision, updatedAt: "2026-01-20T03:00:00.000Z", updatedBy: "李华" } } });

describe("autosave controller", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("saves once, 1.5 s after the last edit, with the known revision as base", async () => {
    const { controller, sent, edit } = setup([saved(4)]);
    edit("标题一");
    await vi.advanceTimersByTimeAsync(1000);
    edit("标题二");
    await vi.advanceTimersByTimeAsync(1400);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.baseRevision).toBe(3);
    expect(sent[0]!.content.meta.title).toBe("标题二");
    await vi.waitFor(() => expect(controller.getState().status).toBe("saved"));
    expect(controller.getState().base.revision).toBe(4);
    expect(controller.hasUnsavedChanges()).toBe(false);
  });

  it("does not save while an IME composition is open, then saves once it ends", async () => {
    let isComposing = true;
    const { sent, edit } = setup([saved(4)], { isComposing: () => isComposing });
    edit("关于2025年法治政府建设情况的报告");
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toHaveLength(0);
    isComposing = false;
    await vi.advanceTimersByTimeAsync(300);
    expect(sent).toHaveLength(1);
  });

  it("the next save carries the revision returned by the previous one", async () => {
    const { controller, sent, edit } = setup([saved(4), saved(5)]);
    edit("一");
    await controller.flush();
    edit("二");
    await controller.flush();
    expect(sent.map((request) => request.baseRevision)).toEqual([3, 4]);
    expect(controller.getState().base.revision).toBe(5);
  });

  it("on 409 opens the conflict with both versions and stops saving until resolved", async () => {
    const theirs = { ...buildReport(), meta: { ...buildReport().meta, title: "别人改过的标题" } };
    const conflict = {
      status: 409,
      body: { ok: false, code: "CONFLICT", message: "已被他人修改", current: { revision: 7, updatedAt: "2026-01-20T04:00:00.000Z", updatedBy: "王强", content: theirs } },
    };
    const { controller, sent, edit } = setup([conflict, saved(8)]);
    edit("我的标题");
    await controller.flush();
    const state = controller.getState();
    expect(state.status).toBe("conflict");
    expect(state.conflict?.mine.meta.title).toBe("我的标题");
    expect(state.conflict?.theirs.meta.title).toBe("别人改过的标题");
    expect(state.conflict?.theirsRevision).toMatchObject({ revision: 7, updatedBy: "王强" });

    edit("冲突期间继续输入");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(1);

    await controller.resolveConflict({ ...theirs, meta: { ...theirs.meta, copyTo: "县司法局" } });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.baseRevision).toBe(7);
    expect(controller.getState().status).toBe("saved");
  });

  it("taking all of theirs needs no save and clears the local copy", async () => {
    const theirs = buildReport();
    const conflict = { status: 409, body: { ok: false, code: "CONFLICT", message: "", current: { revision: 7, updatedAt: "2026-01-20T04:00:00.000Z", updatedBy: "王强", content: theirs } } };
    const { controller, sent, edit, store, reportId } = setup([conflict]);
    edit("我的标题");
    await controller.flush();
    expect(await store.load(reportId)).not.toBeNull();
    await controller.resolveConflict(structuredClone(theirs));
    expect(sent).toHaveLength(1);
    expect(controller.getState()).toMatchObject({ status: "saved", base: { revision: 7 } });
    expect(await store.load(reportId)).toBeNull();
  });

  it("offline: keeps the edits in IndexedDB, backs off, and resends when the connection returns", async () => {
    let isOnline = false;
    const { controller, sent, edit, store, reportId } = setup(["network-down", "network-down", saved(4)], { isOnline: () => isOnline });
    edit("断网时写的标题");
    await controller.flush();
    expect(controller.getState()).toMatchObject({ status: "offline", isStoredLocally: true });
    const draft = await store.load(reportId);
    expect(draft?.content.meta.title).toBe("断网时写的标题");
    expect(draft?.baseRevision).toBe(3);

    await vi.advanceTimersByTimeAsync(retryDelayMs(1));
    expect(sent).toHaveLength(2);
    await vi.waitFor(() => expect(controller.getState().status).toBe("offline"));

    isOnline = true;
    controller.notifyOnline();
    await vi.waitFor(() => expect(controller.getState().status).toBe("saved"));
    expect(sent).toHaveLength(3);
    expect(sent[2]!.content.meta.title).toBe("断网时写的标题");
    expect(await store.load(reportId)).toBeNull();
  });

  it("server errors retry with backoff and report 未保存，正在重试", async () => {
    const { controller, sent, edit } = setup([{ status: 503, body: null }, { status: 502, body: null }, saved(4)]);
    edit("标题");
    await controller.flush();
    expect(controller.getState().status).toBe("retrying");
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    expect(controller.getState().status).toBe("retrying");
    await vi.advanceTimersByTimeAsync(1999);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(controller.getState().status).toBe("saved"));
    expect(sent).toHaveLength(3);
  });

  it("a rejected save (422) waits for the next edit instead of retrying", async () => {
    const { controller, sent, edit } = setup([{ status: 422, body: { error: { code: "INVALID_INPUT", message: "正文格式不正确" } } }, saved(4)]);
    edit("标题");
    await controller.flush();
    expect(controller.getState()).toMatchObject({ status: "error", message: "保存失败：正文格式不正确" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
    edit("改过的标题");
    await vi.advanceTimersByTimeAsync(1500);
    await vi.waitFor(() => expect(controller.getState().status).toBe("saved"));
  });

  it("an edit made while a save is in flight is saved afterwards, on the new revision", async () => {
    const { controller, sent, edit } = setup([saved(4), saved(5)]);
    edit("第一版");
    const first = controller.flush();
    edit("第二版");
    await first;
    expect(controller.getState().status).toBe("dirty");
    await vi.advanceTimersByTimeAsync(1500);
    await vi.waitFor(() => expect(controller.getState().status).toBe("saved"));
    expect(sent.map((request) => [request.baseRevision, request.content.meta.title])).toEqual([
      [3, "第一版"],
      [4, "第二版"],
    ]);
  });
});

describe("classifySaveResponse", () => {
  it.each([
    [200, { ok: true, data: { revision: 2, updatedAt: "x", updatedBy: "y" } }, "saved"],
    [409, { ok: false, code: "CONFLICT", message: "", current: { revision: 2, updatedAt: "x", updatedBy: "y", content: {} } }, "conflict"],
    [409, { error: { code: "INVALID_STATE", message: "报告已提交审核，不能修改" } }, "rejected"],
    [401, { error: { code: "UNAUTHENTICATED", message: "请先登录" } }, "rejected"],
    [422, { ok: false, code: "INVALID_INPUT", message: "输入有误" }, "rejected"],
    [500, null, "retry"],
    [503, "<html>", "retry"],
    [429, null, "retry"],
  ] as const)("HTTP %i is %#", (status, body, kind) => {
    expect(classifySaveResponse(status, body).kind).toBe(kind);
  });

  it("backoff doubles up to 15 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });
});

describe("shouldOfferRestore", () => {
  const server = { revision: 5, updatedAt: "2026-01-20T03:00:00.000Z", content: buildReport() };
  const changed = { ...buildReport(), meta: { ...buildReport().meta, copyTo: "县委办" } };
  it.each<[string, Parameters<typeof shouldOfferRestore>[0], boolean]>([
    ["no draft", null, false],
    ["same content as the server", { content: buildReport(), baseRevision: 5, savedAt: Date.parse("2026-01-20T05:00:00Z") }, false],
    ["newer edits on the current revision", { content: changed, baseRevision: 5, savedAt: Date.parse("2026-01-20T02:00:00Z") }, true],
    ["edits written after the server's last save", { content: changed, baseRevision: 4, savedAt: Date.parse("2026-01-20T04:00:00Z") }, true],
    ["old edits superseded by a later save", { content: changed, baseRevision: 4, savedAt: Date.parse("2026-01-20T01:00:00Z") }, false],
  ])("%s", (_name, draft, expected) => {
    expect(shouldOfferRestore(draft, server)).toBe(expected);
  });
});
