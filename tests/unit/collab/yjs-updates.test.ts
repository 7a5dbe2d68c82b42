import { describe, expect, it } from "vitest";
import * as Y from "yjs";

import { bodyFieldName, keepBaseBodies, reportBodies, withBodies } from "@/lib/collab/yjs/fields";
import { readSyncPayload, writeUpdateMessage } from "@/lib/collab/yjs/message";
import { checkUpdate, RefusedUpdateError } from "@/lib/collab/yjs/validate-update";
import { readFragmentBody, writeFragmentBody } from "@/lib/collab/yjs/yjs-bodies";
import { createReportFromTemplate, docToText, textToDoc } from "@/lib/report-model";
import { getTemplate } from "@/templates";

const FIELD = bodyFieldName("item-a");

/** The update a client sends after typing `text` into a body its document shares with `server`. */
function typedUpdate(server: Y.Doc, field: string, text: string): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  const body = readFragmentBody(client.getXmlFragment(field));
  writeFragmentBody(client, field, { ...body, content: [...(body.content ?? []), ...textToDoc(text).content!] });
  return Y.encodeStateAsUpdate(client, before);
}

function refusal(run: () => unknown): RefusedUpdateError {
  try {
    run();
  } catch (error) {
    if (error instanceof RefusedUpdateError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("[COLLAB] Yjs updates are checked before they touch the live document", () => {
  it("accepts typing in a body the user may edit and names the fragment it touches", () => {
    const server = new Y.Doc();
    writeFragmentBody(server, FIELD, textToDoc("原有正文。"));
    const update = typedUpdate(server, FIELD, "新增一句。");
    expect([...checkUpdate({ doc: server, update, canEditField: () => true })]).toEqual([FIELD]);
    Y.applyUpdate(server, update);
    expect(docToText(readFragmentBody(server.getXmlFragment(FIELD)))).toBe("原有正文。\n新增一句。");
    // Backspace inside a paragraph deletes from the text nested in it: same fragment.
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(client);
    ((client.getXmlFragment(FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 2);
    const backspace = Y.encodeStateAsUpdate(client, before);
    expect([...checkUpdate({ doc: server, update: backspace, canEditField: (field) => field === FIELD })]).toEqual([FIELD]);
  });

  it("refuses typing in a body the user may not edit (forbidden), deletions included", () => {
    const server = new Y.Doc();
    writeFragmentBody(server, FIELD, textToDoc("别人的条目。"));
    expect(refusal(() => checkUpdate({ doc: server, update: typedUpdate(server, FIELD, "越权"), canEditField: () => false })).reason).toBe("forbidden");
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(client);
    client.getXmlFragment(FIELD).delete(0, 1);
    const deletion = Y.encodeStateAsUpdate(client, before);
    expect(refusal(() => checkUpdate({ doc: server, update: deletion, canEditField: (field) => field !== FIELD })).reason).toBe("forbidden");
  });

  it("refuses bytes that are no update, a root that is no body, an element outside the schema and binary content", () => {
    const server = new Y.Doc();
    writeFragmentBody(server, FIELD, textToDoc("正文。"));
    const allow = () => true;
    expect(refusal(() => checkUpdate({ doc: server, update: Uint8Array.from([0xff, 0xff, 0xff, 0x7f, 1, 2, 3]), canEditField: allow })).reason).toBe(
      "malformed",
    );

    const withMap = new Y.Doc();
    withMap.getMap("settings").set("x", 1);
    expect(refusal(() => checkUpdate({ doc: server, update: Y.encodeStateAsUpdate(withMap), canEditField: allow })).reason).toBe("malformed");

    const withScript = new Y.Doc();
    withScript.getXmlFragment(FIELD).insert(0, [new Y.XmlElement("script")]);
    expect(refusal(() => checkUpdate({ doc: server, update: Y.encodeStateAsUpdate(withScript), canEditField: allow })).reason).toBe("malformed");

    const withBinary = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    withBinary.getXmlFragment(FIELD).insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText("文")]);
    const array = new Y.Doc();
    array.getArray(FIELD).insert(0, [new Uint8Array([1, 2, 3])]);
    expect(refusal(() => checkUpdate({ doc: new Y.Doc(), update: Y.encodeStateAsUpdate(array), canEditField: allow })).reason).toBe("malformed");
    expect([...checkUpdate({ doc: new Y.Doc(), update: Y.encodeStateAsUpdate(withBinary), canEditField: allow })]).toEqual([FIELD]);
  });

  it("refuses an update that refers to an item the document never had, as out of order (a change that has not arrived)", () => {
    const elsewhere = new Y.Doc();
    writeFragmentBody(elsewhere, FIELD, textToDoc("别处的文档。"));
    const before = Y.encodeStateVector(elsewhere);
    const body = readFragmentBody(elsewhere.getXmlFragment(FIELD));
    writeFragmentBody(elsewhere, FIELD, { ...body, content: [...body.content!, ...textToDoc("续写").content!] });
    const continuation = Y.encodeStateAsUpdate(elsewhere, before);
    expect(refusal(() => checkUpdate({ doc: new Y.Doc(), update: continuation, canEditField: () => true })).reason).toBe("out-of-order");
  });
});

describe("[COLLAB] Hocuspocus messages", () => {
  const encode = (name: string, bytes: number[]) => Uint8Array.from([name.length, ...new TextEncoder().encode(name), ...bytes]);

  it("reads the update of a Sync message and ignores SyncStep1, awareness and auth", () => {
    expect(readSyncPayload(encode("report:x", [0, 2, 3, 9, 8, 7]))).toEqual({ syncType: 2, update: Uint8Array.from([9, 8, 7]) });
    expect(readSyncPayload(encode("report:x", [0, 1, 2, 0, 0]))?.syncType).toBe(1);
    expect(readSyncPayload(encode("report:x", [0, 0, 1, 0]))).toBeNull();
    expect(readSyncPayload(encode("report:x", [1, 5, 1, 2, 3, 4, 5]))).toBeNull();
  });

  it("writes an Update message the server reads back byte for byte (a long name and update, multi-byte lengths)", () => {
    const update = Uint8Array.from({ length: 300 }, (_, index) => index % 251);
    const name = `report:${"报".repeat(50)}`;
    const message = writeUpdateMessage(name, update);
    expect(readSyncPayload(message)).toEqual({ syncType: 2, update });
    const nameBytes = new TextEncoder().encode(name);
    // 157 bytes of name: a two-byte length (0x9d 0x01), then Sync (0) and Update (2), then 300 as 0xac 0x02.
    expect([...message.subarray(0, 2)]).toEqual([0x9d, 0x01]);
    expect([...message.subarray(2 + nameBytes.length, 2 + nameBytes.length + 4)]).toEqual([0, 2, 0xac, 0x02]);
  });

  it("throws on a truncated message and an unknown sync type", () => {
    expect(() => readSyncPayload(encode("report:x", [0, 2, 10, 1]))).toThrow(RangeError);
    expect(() => readSyncPayload(encode("report:x", [0, 7, 0]))).toThrow(RangeError);
  });
});

describe("[COLLAB] live bodies in ordinary saves", () => {
  it("an ordinary save sends live bodies as in its base, and every other change as typed", () => {
    const base = createReportFromTemplate(getTemplate("department"), { agency: "测试局", year: 2025 });
    const itemId = base.sections[0]!.items[0]!.id;
    const field = bodyFieldName(itemId);
    const mine = withBodies({ ...base, meta: { ...base.meta, title: "改过的标题" } }, new Map([[field, textToDoc("实时正文")]]));
    const sent = keepBaseBodies(mine, base, new Set([field]));
    expect(reportBodies(sent).get(field)).toEqual(reportBodies(base).get(field));
    expect(sent.meta.title).toBe("改过的标题");
    expect(keepBaseBodies(mine, base, new Set())).toBe(mine);
  });
});
