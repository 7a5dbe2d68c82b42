/**
 * Editor speed in Chromium on a 30,000-character report: keystroke-to-paint (median, p95) in our editor and,
 * as the baseline, in a bare Tiptap editor (StarterKit only) holding the same text on the same page load; the
 * figure is ours / bare. Also the gzip size of the JavaScript the editor route loads up to network idle (the first
 * screen), and, listed apart, what the first click into a body loads (the editing engine and live co-editing)
 * and what the first edit loads (the validation worker).
 * Targets (issue #15): p95 ≤ 1.2 × bare; ≤ 250 KB gzip.
 */
import path from "node:path";
import { gzipSync } from "node:zlib";

import { build } from "esbuild";
import type { Page } from "playwright-core";

import { buildAppSync, isBuildCurrent, ROOT } from "@/lib/cli/build-state";
import { createReportFromTemplate, textToDoc } from "@/lib/report-model";
import { insertReport } from "@/lib/reports/create-report";
import { getTemplate } from "@/templates";

import { SEED_PASSWORD, seedUser } from "../fixtures/factories";
import { disposeApp, startApp } from "../helpers/app-server";
import { launchBrowser, signIn } from "../helpers/browser";
import { chunkModules, sourceMapUrl } from "./editor-modules";

const TARGET_CHARACTERS = 30_000;
const KEYSTROKES = 80;

function paragraph(index: number): string {
  return `第${index}段：本机关坚持依法行政，全年办理行政复议案件${index + 10}件，制定规范性文件${index % 7}件，组织领导干部学法${(index % 5) + 1}次，持续提升依法行政能力和水平。`;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

/** A bare Tiptap (StarterKit only) bundled for the page: `window.__bareTiptap(element, text)`. */
async function bareTiptapBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { Editor } from "@tiptap/core";
        import StarterKit from "@tiptap/starter-kit";
        window.__bareTiptap = (element, paragraphs) => new Editor({
          element,
          extensions: [StarterKit],
          content: { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) },
        });`,
      resolveDir: ROOT,
      loader: "js",
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    minify: true,
    logLevel: "error",
    nodePaths: [path.join(ROOT, "node_modules")],
  });
  return result.outputFiles[0]!.text;
}

/** Types KEYSTROKES characters at the end of `editor` and returns each one's beforeinput-to-paint time. */
async function measureTyping(page: Page, selector: string): Promise<number[]> {
  const editor = page.locator(selector).first();
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.evaluate(() => {
    const samples: number[] = [];
    const state = window as unknown as { __paint: number[]; __paintListener?: (event: Event) => void };
    if (state.__paintListener) document.removeEventListener("beforeinput", state.__paintListener, true);
    state.__paint = samples;
    // Committed characters (IME or typed) arrive as beforeinput; its timeStamp is when the input was produced.
    state.__paintListener = (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => samples.push(performance.now() - start), 0));
    };
    document.addEventListener("beforeinput", state.__paintListener, true);
  });
  for (let index = 0; index < KEYSTROKES; index += 1) {
    await page.keyboard.type(index % 2 === 0 ? "法" : "治", { delay: 0 });
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(500);
  return page.evaluate(() => (window as unknown as { __paint: number[] }).__paint);
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** With BENCH_EDITOR_PROFILE=1: types again under the CPU profiler and prints where the main thread's time went. */
async function profileTyping(page: Page, selector: string, label: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await measureTyping(page, selector);
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
  await cdp.detach();
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfTime = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = nodes.get(id)!;
    const file = frame.url ? new URL(frame.url).pathname.split("/").pop() : "";
    const key = frame.url ? `${frame.functionName || "(匿名)"} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : `${frame.functionName}`;
    selfTime.set(key, (selfTime.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const busy = [...selfTime].filter(([key]) => key !== "(idle)" && key !== "(program)");
  const total = busy.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`CPU 剖析（${label}，输入 ${KEYSTROKES} 个字符）：主线程 JavaScript 与渲染共 ${total.toFixed(0)} ms`);
  for (const [key, ms] of busy.sort((left, right) => right[1] - left[1]).slice(0, 12)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${key}`);
}

export async function benchEditor(): Promise<void> {
  if (!isBuildCurrent()) {
    console.log("构建应用…");
    if (!buildAppSync("ignore")) throw new Error("next build failed");
  }
  let reportId = "";
  const app = await startApp({
    seed: async (db) => {
      const user = await seedUser(db, { username: "bench", roles: ["drafter"] });
      const report = createReportFromTemplate(getTemplate("department"), { agency: user.agencyName, year: 2025 });
      let total = 0;
      let index = 0;
      const items = report.sections[0]!.items;
      while (total < TARGET_CHARACTERS) {
        const item = items[index % items.length]!;
        const text = paragraph(index);
        const existing = item.body.content.filter((node) => node.content?.length);
        item.body = textToDoc([...existing.map((node) => node.content![0]!.text ?? ""), text].join("\n"));
        total += text.length;
        index += 1;
      }
      reportId = (await insertReport({ db, user, content: report, source: "bench" })).reportId;
    },
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, app.baseUrl, "bench", SEED_PASSWORD);
    const scripts = new Map<string, number>();
    const codes = new Map<string, string>();
    page.on("response", async (response) => {
      const url = response.url();
      if (!url.includes("/_next/static/") || !url.endsWith(".js")) return;
      const body = await response.body().catch(() => undefined);
      if (!body) return;
      scripts.set(url, gzipSync(body).length);
      codes.set(url, body.toString("utf8"));
    });
    await page.goto(`${app.baseUrl}/reports/${reportId}`);
    // The first screen: every body drawn (static until it is used), the page hydrated, the network idle.
    await page.locator('[data-testid^="body-editor-"]').first().waitFor();
    await page.waitForLoadState("networkidle");
    const jsGzip = [...scripts.values()].reduce((sum, size) => sum + size, 0);
    const firstScreen = new Map(scripts);

    // The first click into a body loads the editing engine (Tiptap) and starts live co-editing (Yjs).
    await page.locator('[data-testid^="body-editor-"]').first().click();
    await page.locator(".ProseMirror").first().waitFor();
    // Typing is measured once every body has its editor (co-editing mounts them all) and the page is quiet again.
    await page.waitForFunction(() => document.querySelector("[data-static-body]") === null, undefined, { timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(1500);
    const onFirstClick = [...scripts].filter(([url]) => !firstScreen.has(url));
    const afterClick = new Map(scripts);

    const ours = await measureTyping(page, ".ProseMirror");
    // Typing pauses at the end: the live validation starts (its worker and rules load on this first edit).
    await page.waitForTimeout(1500);
    const onDemand = [...scripts].filter(([url]) => !afterClick.has(url));

    // The baseline: a bare Tiptap editor with the same paragraphs, mounted on the same page (DevTools
    // evaluation, so the page's Content-Security-Policy is not loosened for it).
    const paragraphs = await page.evaluate(() => Array.from(document.querySelectorAll(".ProseMirror p"), (node) => node.textContent ?? ""));
    await page.evaluate(await bareTiptapBundle());
    await page.evaluate((texts) => {
      const host = document.createElement("div");
      host.id = "bare-tiptap";
      host.style.cssText = "position:fixed;inset:0;z-index:99999;overflow:auto;background:#fff;padding:24px;font-size:16px";
      document.body.append(host);
      (window as unknown as { __bareTiptap: (element: Element, texts: string[]) => unknown }).__bareTiptap(host, texts);
    }, paragraphs);
    const bare = await measureTyping(page, "#bare-tiptap .ProseMirror");
    if (process.env.BENCH_EDITOR_PROFILE) {
      await profileTyping(page, "#bare-tiptap .ProseMirror", "裸 Tiptap");
      await page.evaluate(() => document.getElementById("bare-tiptap")?.remove());
      await profileTyping(page, ".ProseMirror", "年报编辑器");
    }

    const oursP95 = percentile(ours, 0.95);
    const bareP95 = percentile(bare, 0.95);
    console.log(`报告约 ${TARGET_CHARACTERS} 字（${paragraphs.length} 段），连续输入 ${ours.length} 个字符`);
    console.log(`按键到绘制（年报编辑器）：中位数 ${percentile(ours, 0.5).toFixed(1)} ms，p95 ${oursP95.toFixed(1)} ms`);
    console.log(`按键到绘制（同页裸 Tiptap，仅 StarterKit）：中位数 ${percentile(bare, 0.5).toFixed(1)} ms，p95 ${bareP95.toFixed(1)} ms`);
    console.log(`p95 之比（年报 / 裸 Tiptap）：${(oursP95 / bareP95).toFixed(2)}（目标 ≤ 1.2）`);
    // A build with browser source maps (NIANBAO_BROWSER_SOURCEMAPS=1) also says what each chunk is made of.
    const modulesOf = new Map<string, string>();
    for (const [url, code] of codes) {
      const mapUrl = sourceMapUrl(code, url);
      if (!mapUrl) continue;
      const answer = await page.request.get(mapUrl).catch(() => undefined);
      const modules = answer?.ok() ? chunkModules(code, await answer.json()) : null;
      if (modules)
        modulesOf.set(
          url,
          modules
            .slice(0, 6)
            .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)}`)
            .join("，"),
        );
    }
    const listScripts = (entries: Array<[string, number]>) => {
      for (const [url, size] of entries.sort((left, right) => right[1] - left[1])) {
        const modules = modulesOf.get(url);
        console.log(`  ${(size / 1024).toFixed(1).padStart(6)} KB  ${new URL(url).pathname}${modules ? `  （压缩前 KB：${modules}）` : ""}`);
      }
    };
    console.log(`编辑页加载的 JavaScript：${firstScreen.size} 个文件，gzip 后共 ${(jsGzip / 1024).toFixed(1)} KB（目标 ≤ 250 KB）`);
    listScripts([...firstScreen]);
    const onFirstClickGzip = onFirstClick.reduce((sum, [, size]) => sum + size, 0);
    console.log(`首次点击正文后加载（编辑引擎 Tiptap、实时协同 Yjs）：${onFirstClick.length} 个文件，gzip 后共 ${(onFirstClickGzip / 1024).toFixed(1)} KB`);
    listScripts(onFirstClick);
    const onDemandGzip = onDemand.reduce((sum, [, size]) => sum + size, 0);
    console.log(`首次编辑后按需加载（校验 Web Worker 等）：${onDemand.length} 个文件，gzip 后共 ${(onDemandGzip / 1024).toFixed(1)} KB`);
    listScripts(onDemand);
  } finally {
    await browser.close();
    await disposeApp(app);
  }
}

if (process.argv[1]?.endsWith("editor.ts")) void benchEditor();
