import { Zip, ZipPassThrough } from "fflate";

export interface ZipEntry {
  /** Path inside the archive (UTF-8). */
  name: string;
  bytes: Uint8Array;
}

/**
 * A ZIP archive as a stream whose entries are produced only when the reader asks for more, so a
 * bulk export holds one file at a time however many reports there are. DOCX and PDF are already
 * compressed, so entries are stored, not deflated again.
 */
export function zipStream(entries: AsyncIterable<ZipEntry>, options: { mtime?: Date } = {}): ReadableStream<Uint8Array> {
  const iterator = entries[Symbol.asyncIterator]();
  let zip: Zip | undefined;
  let isDone = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        zip = new Zip((error, chunk, final) => {
          if (error) {
            controller.error(error);
            return;
          }
          if (chunk.length > 0) controller.enqueue(chunk);
          if (final) controller.close();
        });
      },
      async pull() {
        if (isDone) return;
        const next = await iterator.next();
        if (next.done) {
          isDone = true;
          zip!.end();
          return;
        }
        const file = new ZipPassThrough(next.value.name);
        file.mtime = options.mtime ?? new Date();
        zip!.add(file);
        file.push(next.value.bytes, true);
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/** A file name without characters Windows, macOS or ZIP tools refuse. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim() || "未命名";
}
