import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Report } from "@/lib/report-model";
import { errorBodySchema } from "@/lib/errors";

import { SEED_PASSWORD } from "../fixtures/factories";

import { signInApi, type ApiSession } from "./helpers/api-session";
import { startReliabilityApp, type ReliabilityApp } from "./helpers/reliability-app";

function withBody(base: Report, body: unknown): unknown {
  const [first, ...rest] = base.sections;
  const [item, ...others] = first!.items;
  return { ...base, sections: [{ ...first!, items: [{ ...item!, body }, ...others] }, ...rest] };
}

function nestedLists(depth: number): unknown {
  let node: unknown = { type: "paragraph", content: [{ type: "text", text: "最深一层" }] };
  for (let level = 0; level < depth; level++) node = { type: "bulletList", content: [{ type: "listItem", content: [node] }] };
  return { type: "doc", content: [node] };
}

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

const REJECTED_BODIES: Array<{ name: string; body: unknown }> = [
  { name: "unknown node (iframe)", body: { type: "doc", content: [{ type: "iframe", attrs: { src: "javascript:alert(1)" } }] } },
  {
    name: "unknown node (heading, not in the body schema)",
    body: { type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "标题" }] }] },
  },
  {
    name: "unknown mark (link)",
    body: {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "链接", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }],
    },
  },
  { name: "unknown attribute (onclick) on a paragraph", body: { type: "doc", content: [{ ...paragraph("正文"), attrs: { onclick: "alert(1)" } }] } },
  { name: "unknown key on a node", body: { type: "doc", content: [{ ...paragraph("正文"), onclick: "alert(1)" }] } },
  { name: "text where a block belongs", body: { type: "doc", content: [{ type: "text", text: "裸文本" }] } },
  { name: "list item outside a list", body: { type: "doc", content: [{ type: "listItem", content: [paragraph("孤立列表项")] }] } },
  { name: "nesting 40 lists deep", body: nestedLists(40) },
  { name: "more than 5000 blocks", body: { type: "doc", content: Array.from({ length: 5001 }, () => paragraph("段")) } },
  { name: "attribute value over 200 characters", body: { type: "doc", content: [{ type: "table", attrs: { style: "x".repeat(500) }, content: [] }] } },
];

describe("[SCHEMA] the server refuses content outside the report schema and oversized bodies", () => {
  let subject: ReliabilityApp;
  let session: ApiSession;
  let path = "";

  beforeAll(async () => {
    subject = await startReliabilityApp({ kind: "pglite" });
    session = await signInApi(subject.app.baseUrl, subject.editors[0]!.user.username, SEED_PASSWORD);
    path = `/api/reports/${subject.editors[0]!.reportId}/content`;
  });
  afterAll(async () => {
    await subject?.dispose();
  });

  it.each(REJECTED_BODIES)("[SCHEMA]: 422 with a Chinese message for $name", async ({ body }) => {
    const response = await session.request(path, {
      method: "PUT",
      body: JSON.stringify({ baseRevision: 1, content: withBody(subject.editors[0]!.content, body) }),
    });
    expect(response.status).toBe(422);
    expect(errorBodySchema.parse(await response.json()).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("[SCHEMA]: a save with a valid table and lists is accepted (the rejections above are not blanket)", async () => {
    const body = {
      type: "doc",
      content: [
        paragraph("一是健全制度。"),
        { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [paragraph("第一项")] }] },
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [
                { type: "tableCell", content: [paragraph("指标")] },
                { type: "tableCell", content: [paragraph("35件")] },
              ],
            },
          ],
        },
      ],
    };
    const response = await session.request(path, {
      method: "PUT",
      body: JSON.stringify({ baseRevision: 1, content: withBody(subject.editors[0]!.content, body) }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
  });

  it("[SIZE]: bodies over the limit get 413 JSON before parsing (content, preview, pasted import)", async () => {
    const huge = JSON.stringify({
      baseRevision: 2,
      content: withBody(subject.editors[0]!.content, { type: "doc", content: [paragraph("长".repeat(2_000_000))] }),
    });
    for (const [method, target, body] of [
      ["PUT", path, huge],
      ["POST", `/api/reports/${subject.editors[0]!.reportId}/preview`, huge],
      ["POST", "/api/reports/import", JSON.stringify({ text: "文".repeat(30 * 1024 * 1024) })],
    ] as const) {
      const response = await session.request(target, { method, body });
      expect(response.status, target).toBe(413);
      expect(errorBodySchema.parse(await response.json()).message).toContain("上限");
    }
  });

  it("[SIZE]: malformed JSON gets 422 with a message, not a crash", async () => {
    const response = await session.request(path, { method: "PUT", body: '{"baseRevision": 2, "content": {"meta": ' });
    expect(response.status).toBe(422);
    expect(errorBodySchema.parse(await response.json()).message).toBe("提交的内容不是有效的 JSON");
    expect((await fetch(`${subject.app.baseUrl}/api/health`)).status).toBe(200);
  });
});
