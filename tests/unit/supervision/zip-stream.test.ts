import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { safeFileName, zipStream, type ZipEntry } from "@/lib/supervision/zip-stream";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

describe("[SUPERVISION] streamed ZIP", () => {
  it("keeps Chinese names and the exact bytes of each entry", async () => {
    async function* entries(): AsyncGenerator<ZipEntry> {
      yield { name: "示例县水务局_2025年度法治政府建设年度报告.docx", bytes: new Uint8Array([1, 2, 3]) };
      yield { name: "清单.csv", bytes: new TextEncoder().encode("机关,状态\r\n") };
    }
    const files = unzipSync(await readAll(zipStream(entries())));
    expect(Object.keys(files)).toEqual(["示例县水务局_2025年度法治政府建设年度报告.docx", "清单.csv"]);
    expect([...files["示例县水务局_2025年度法治政府建设年度报告.docx"]!]).toEqual([1, 2, 3]);
    expect(new TextDecoder().decode(files["清单.csv"])).toBe("机关,状态\r\n");
  });

  it("produces 200 reports' files one at a time, as the reader pulls, never all at once", async () => {
    const SIZE = 256 * 1024;
    let produced = 0;
    let live = 0;
    let maxLive = 0;
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (let index = 0; index < 200; index += 1) {
        produced += 1;
        live += 1;
        maxLive = Math.max(maxLive, live);
        yield { name: `机关${index}.pdf`, bytes: new Uint8Array(SIZE).fill(index % 251) };
        live -= 1;
      }
    }
    const reader = zipStream(entries()).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(produced).toBeLessThanOrEqual(1);
    let total = first.value!.length;
    let producedWhenHalfRead = -1;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (producedWhenHalfRead < 0 && total > 100 * SIZE) producedWhenHalfRead = produced;
    }
    expect(produced).toBe(200);
    expect(maxLive).toBe(1);
    // Halfway through the bytes, the generator has not run ahead to the end.
    expect(producedWhenHalfRead).toBeGreaterThan(90);
    expect(producedWhenHalfRead).toBeLessThan(110);
    expect(total).toBeGreaterThan(200 * SIZE);
  });

  it("replaces characters a file system refuses", () => {
    expect(safeFileName('某局/科室:"甲"')).toBe("某局_科室__甲_");
    expect(safeFileName("  ")).toBe("未命名");
  });
});
