// @vitest-environment jsdom
import "fake-indexeddb/auto";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { Report } from "@/lib/report-model";
import { createAutosaveController, type AutosaveState, type SendSaveRequest } from "@/components/report/autosave/autosave-controller";
import { createIndexedDbDraftStore, shouldOfferRestore } from "@/components/report/autosave/local-draft-store";
import { classifySaveResponse, retryDelayMs } from "@/components/report/autosave/save-response";

import { buildReport } from "./fixtures";

const INITIAL = { revision: 3, updatedAt: "2026-01-20T02:00:00.000Z", updatedBy: "张敏" };

type Answer = { status: number; body: unknown } | "network-down";

function setup(answers: Answer[], options: { isComposing?: () => boolean; isOnline?: () => boolean; prepareMerge?: () => Promise<void> } = {}) {
  const initialContent = buildReport();
  let content: Report = initialContent;
  const sent: SendSaveRequest[] = [];
  const states: AutosaveState[] = [];
  const store = createIndexedDbDraftStore();
  const reportId = `r-${Math.random().toString(36).slice(2)}`;
  const controller = createAutosaveController({
    reportId,
    initial: INITIAL,
    initialContent,
    prepareMerge: options.prepareMerge,
    applyMerged: (merged) => {
      content = merged;
    },
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

  const conflictWith = (theirs: Report, revision = 7) => ({
    status: 409,
    body: {
      ok: false,
      code: "CONFLICT",
      message: "已被他人修改",
      current: { revision, updatedAt: "2026-01-20T04:00:00.000Z", updatedBy: "王强", content: theirs },
    },
  });

  it("on 409 merges a change to another field without asking and saves it on the server's revision", async () => {
    const theirs = { ...buildReport(), meta: { ...buildReport().meta, copyTo: "县司法局" } };
    const { controller, sent, edit, current } = setup([conflictWith(theirs), saved(8)]);
    edit("我的标题");
    await controller.flush();
    await vi.advanceTimersByTimeAsync(10);
    expect(controller.getState().conflict).toBeNull();
    expect(current().meta).toMatchObject({ title: "我的标题", copyTo: "县司法局" });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.baseRevision).toBe(7);
    expect(sent[1]!.content.meta).toMatchObject({ title: "我的标题", copyTo: "县司法局" });
    await vi.waitFor(() => expect(controller.getState().status).toBe("saved"));
    expect(controller.getState().lastMerge).toMatchObject({ updatedBy: "王强" });
  });

  it("merges against what this window last saved, so its own earlier save is not taken for theirs", async () => {
    const theirs = { ...buildReport(), meta: { ...buildReport().meta, title: "第一次保存的标题", copyTo: "市司法局" } };
    const { controller, sent, edit } = setup([saved(4), conflictWith(theirs, 5), saved(6)]);
    edit("第一次保存的标题");
    await controller.flush();
    edit("第二次修改的标题");
    await controller.flush();
    await vi.advanceTimersByTimeAsync(10);
    expect(controller.getState().conflict).toBeNull();
    expect(sent.map((request) => request.baseRevision)).toEqual([3, 4, 5]);
    expect(sent[2]!.content.meta).toMatchObject({ title: "第二次修改的标题", copyTo: "市司法局" });
  });

  it("on 409 with the same field changed, shows only that unit and saves nothing until it is settled", async () => {
    const theirs = { ...buildReport(), meta: { ...buildReport().meta, title: "别人改过的标题", copyTo: "县司法局" } };
    const { controller, sent, edit, current } = setup([conflictWith(theirs), saved(8)]);
    edit("我的标题");
    await controller.flush();
    const state = controller.getState();
    expect(state.status).toBe("conflict");
    expect(state.conflict?.conflicts.map((conflict) => conflict.key)).toEqual(["meta:title"]);
    expect(state.conflict?.theirsRevision).toMatchObject({ revision: 7, updatedBy: "王强" });

    edit("冲突期间继续输入");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(1);

    await controller.resolveConflict({ "meta:title": "mine" });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.baseRevision).toBe(7);
    expect(sent[1]!.content.meta).toMatchObject({ title: "冲突期间继续输入", copyTo: "县司法局" });
    expect(current().meta.copyTo).toBe("县司法局");
    expect(controller.getState().status).toBe("saved");
  });

  it("taking theirs where both changed needs no save and clears the local copy", async () => {
    const theirs = { ...buildReport(), meta: { ...buildReport().meta, title: "别人改过的标题" } };
    const { controller, sent, edit, store, reportId, current } = setup([conflictWith(theirs)]);
    edit("我的标题");
    await controller.flush();
    expect(await store.load(reportId)).toMatchObject({ baseRevision: 3, baseContent: { meta: { title: buildReport().meta.title } } });
    await controller.resolveConflict({ "meta:title": "theirs" });
    expect(sent).toHaveLength(1);
    expect(current().meta.title).toBe("别人改过的标题");
    expect(controller.getState()).toMatchObject({ status: "saved", base: { revision: 7 } });
    await vi.waitFor(async () => expect(await store.load(reportId)).toBeNull());
  });

  it("waits for the editors before merging, and includes what was typed meanwhile", async () => {
    const theirs = { ...buildReport(), meta: { ...buildReport().meta, copyTo: "县司法局" } };
    let release: () => void = () => undefined;
    const prepareMerge = () => new Promise<void>((resolve) => (release = resolve));
    const { controller, sent, edit } = setup([conflictWith(theirs), saved(8)], { prepareMerge });
    edit("我的标题");
    const flushing = controller.flush();
    await vi.advanceTimersByTimeAsync(10);
    expect(controller.getState().status).toBe("merging");
    edit("我的标题（输入法结束后）");
    release();
    await flushing;
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.content.meta).toMatchObject({ title: "我的标题（输入法结束后）", copyTo: "县司法局" });
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
    const { controller, sent, edit } = setup([{ status: 422, body: { ok: false, code: "INVALID_INPUT", message: "正文格式不正确" } }, saved(4)]);
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
    [409, { ok: false, code: "CONFLICT", message: "", current: { revision: 2, updatedAt: "x", updatedBy: "y", content: buildReport() } }, "conflict"],
    // A conflict whose stored version is not a report cannot be merged: refused, never merged with garbage.
    [409, { ok: false, code: "CONFLICT", message: "已被修改", current: { revision: 2, updatedAt: "x", updatedBy: "y", content: {} } }, "rejected"],
    [409, { ok: false, code: "INVALID_STATE", message: "报告已提交审核，不能修改" }, "rejected"],
    [401, { ok: false, code: "UNAUTHENTICATED", message: "请先登录" }, "rejected"],
    [422, { ok: false, code: "INVALID_INPUT", message: "输入有误" }, "rejected"],
    [200, { ok: true, data: { revision: "2" } }, "retry"],
    [500, null, "retry"],
    [503, "<html>", "retry"],
    [429, null, "retry"],
  ] as const)("HTTP %i is %#", (status, body, kind) => {
    expect(classifySaveResponse(status, body).kind).toBe(kind);
  });

  it("a 409 INVALID_STATE answer locks the editor and shows the server's message", () => {
    expect(classifySaveResponse(409, { ok: false, code: "INVALID_STATE", message: "报告已提交审核，不能修改" })).toEqual({
      kind: "rejected",
      message: "报告已提交审核，不能修改",
      isLocked: true,
    });
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
