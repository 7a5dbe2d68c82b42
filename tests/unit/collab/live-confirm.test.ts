import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";

import { createIndexedDbUnconfirmedStore, createUnconfirmedUpdates, unconfirmedKey } from "@/components/report/collab/unconfirmed-updates";
import { base64ToBytes, bytesToBase64, documentHoldsUpdate, readConfirmAnswer, readConfirmRequest } from "@/lib/collab/yjs/confirm";
import { bodyFieldName } from "@/lib/collab/yjs/fields";
import { readFragmentBody, writeFragmentBody } from "@/lib/collab/yjs/yjs-bodies";
import { docToText, textToDoc } from "@/lib/report-model";

const FIELD = bodyFieldName("item-a");

/** A window's document on the server's state, and the updates it makes from here on. */
function windowOn(server: Y.Doc) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

function paragraphText(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment(FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

const textOf = (doc: Y.Doc) => docToText(readFragmentBody(doc.getXmlFragment(FIELD)));

describe("[COLLAB] the server confirms what it holds, not what it has acknowledged", () => {
  it("an insertion is held only once the server has it; so is a deletion, which moves no clock", () => {
    const server = new Y.Doc();
    writeFragmentBody(server, FIELD, textToDoc("停机之前的内容。"));
    const window = windowOn(server);
    paragraphText(window.doc).insert(8, "停机");
    const [typed] = window.updates;
    expect(documentHoldsUpdate(server, typed!)).toBe(false);
    Y.applyUpdate(server, typed!);
    expect(documentHoldsUpdate(server, typed!)).toBe(true);

    paragraphText(window.doc).delete(0, 2);
    const deletion = window.updates[1]!;
    // The server's state vector already covers every struct of the deletion: only the delete set tells.
    expect(Y.decodeUpdate(deletion).structs).toHaveLength(0);
    expect(documentHoldsUpdate(server, deletion)).toBe(false);
    Y.applyUpdate(server, deletion);
    expect(documentHoldsUpdate(server, deletion)).toBe(true);
    expect(textOf(server)).toBe("之前的内容。停机");
  });

  it("the first of many queued updates does not make the rest held (the outage after which 'saved' was shown too early)", () => {
    const server = new Y.Doc();
    writeFragmentBody(server, FIELD, textToDoc("正文。"));
    const window = windowOn(server);
    // An IME composition typed offline: pinyin grows, then the committed character replaces it.
    const text = paragraphText(window.doc);
    let at = 3;
    for (const character of "停机期间") {
      for (const pinyin of ["t", "ti", "tin", "ting"]) {
        text.delete(at, pinyin.length - 1);
        text.insert(at, pinyin);
      }
      text.delete(at, 4);
      text.insert(at, character);
      at += 1;
    }
    expect(textOf(window.doc)).toBe("正文。停机期间");
    const unconfirmed = createUnconfirmedUpdates("report-1", null);
    for (const update of window.updates) unconfirmed.add(update);
    const all = unconfirmed.merged()!;
    expect(all.seq).toBe(window.updates.length);

    // The server has applied the first six updates only: "正文。停机ti…" is there, the rest is still on its way.
    for (const update of window.updates.slice(0, 6)) Y.applyUpdate(server, update);
    expect(textOf(server)).not.toBe("正文。停机期间");
    expect(documentHoldsUpdate(server, all.update)).toBe(false);
    for (const update of window.updates.slice(6)) Y.applyUpdate(server, update);
    expect(documentHoldsUpdate(server, all.update)).toBe(true);
    unconfirmed.confirm(all.seq);
    expect(unconfirmed.hasAny()).toBe(false);
    expect(textOf(server)).toBe("正文。停机期间");
  });

  it("a merge of updates with a gap between them (Skip structs) is held when the server has both", () => {
    const server = new Y.Doc();
    writeFragmentBody(server, FIELD, textToDoc("甲"));
    const window = windowOn(server);
    paragraphText(window.doc).insert(1, "乙");
    paragraphText(window.doc).insert(2, "丙");
    paragraphText(window.doc).insert(3, "丁");
    const [first, second, third] = window.updates;
    const gapped = Y.mergeUpdates([first!, third!]);
    expect(Y.decodeUpdate(gapped).structs.some((struct) => struct instanceof Y.Skip)).toBe(true);
    Y.applyUpdate(server, first!);
    expect(documentHoldsUpdate(server, gapped)).toBe(false);
    Y.applyUpdate(server, second!);
    Y.applyUpdate(server, third!);
    expect(documentHoldsUpdate(server, gapped)).toBe(true);
    expect(documentHoldsUpdate(server, Uint8Array.from([0xff, 0xff, 0xff]))).toBe(false);
  });

  it("confirming up to a sequence number keeps what was typed after the question was asked", () => {
    const unconfirmed = createUnconfirmedUpdates("report-1", null);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    doc.getText("t").insert(0, "一");
    doc.getText("t").insert(1, "二");
    for (const update of updates) unconfirmed.add(update);
    const asked = unconfirmed.merged()!;
    doc.getText("t").insert(2, "三");
    unconfirmed.add(updates[2]!);
    unconfirmed.confirm(asked.seq);
    expect(unconfirmed.hasAny()).toBe(true);
    const rest = new Y.Doc();
    Y.applyUpdate(rest, Y.mergeUpdates(updates.slice(0, 2)));
    Y.applyUpdate(rest, unconfirmed.merged()!.update);
    expect(rest.getText("t").toString()).toBe("一二三");
  });

  it("keeps unconfirmed changes in IndexedDB for the next window and removes them once confirmed", async () => {
    const store = createIndexedDbUnconfirmedStore(new IDBFactory(), IDBKeyRange)!;
    const unconfirmed = createUnconfirmedUpdates(unconfirmedKey("report-1", 7), store);
    // Another tab on the same report keeps its own entry; a third report's entry is not read.
    const otherTab = createUnconfirmedUpdates(unconfirmedKey("report-1", 8), store);
    const otherReport = createUnconfirmedUpdates(unconfirmedKey("report-10", 7), store);
    const server = new Y.Doc();
    writeFragmentBody(server, FIELD, textToDoc("关闭前"));
    const window = windowOn(server);
    paragraphText(window.doc).insert(3, "离线输入");
    paragraphText(window.doc).insert(7, "的内容");
    for (const update of window.updates) unconfirmed.add(update);
    const elsewhere = windowOn(server);
    paragraphText(elsewhere.doc).insert(0, "另一标签页：");
    otherTab.add(elsewhere.updates[0]!);
    otherReport.add(elsewhere.updates[0]!);
    await Promise.all([unconfirmed.persisted(), otherTab.persisted(), otherReport.persisted()]);

    // A new window (the tab was closed) restores both tabs' changes on the server's state.
    const saved = await store.load("report-1");
    expect(saved.map((entry) => entry.key).sort()).toEqual(["report-1 7", "report-1 8"]);
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, Y.encodeStateAsUpdate(server));
    for (const entry of saved) Y.applyUpdate(reopened, entry.update);
    expect(textOf(reopened)).toBe("另一标签页：关闭前离线输入的内容");
    expect(await store.load("report-2")).toEqual([]);

    unconfirmed.confirm(unconfirmed.merged()!.seq);
    await unconfirmed.persisted();
    expect((await store.load("report-1")).map((entry) => entry.key)).toEqual(["report-1 8"]);
  });

  it("reads only well-formed confirmation messages and round-trips base64", () => {
    const bytes = Uint8Array.from({ length: 40_000 }, (_, index) => index % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(readConfirmRequest(JSON.stringify({ type: "confirm", seq: 3, update: "AAA=" }))).toEqual({ type: "confirm", seq: 3, update: "AAA=" });
    expect(readConfirmRequest(JSON.stringify({ type: "confirm", seq: "3", update: "AAA=" }))).toBeNull();
    expect(readConfirmRequest("{not json")).toBeNull();
    expect(readConfirmRequest(JSON.stringify({ type: "status", status: "draft" }))).toBeNull();
    expect(readConfirmAnswer(JSON.stringify({ type: "confirmed", seq: 3, isHeld: true }))).toEqual({ type: "confirmed", seq: 3, isHeld: true });
    expect(readConfirmAnswer(JSON.stringify({ type: "confirmed", seq: 3 }))).toBeNull();
  });
});
