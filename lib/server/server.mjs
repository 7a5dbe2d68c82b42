// The app's own HTTP server (replaces `next start`): Next.js for every request, plus the WebSocket of live
// co-editing (Yjs over Hocuspocus) on COLLAB_PATH. The collaboration server itself lives inside the Next.js
// server bundle (registered by instrumentation.ts), so it shares the app's database, session and permissions.
// Usage: node lib/server/server.mjs [-p PORT] [-H HOST]
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const COLLAB_PATH = "/api/collab";
const COLLAB_UPGRADE = Symbol.for("nianbao.collab-upgrade");
const COLLAB_CLOSE = Symbol.for("nianbao.collab-close");

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  strict: true,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;

const { default: next } = await import("next");
const startedAt = Date.now();
const app = next({ dev: false, dir: ROOT, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();
const upgradeNext = app.getUpgradeHandler();

const server = createServer((request, response) => void handle(request, response));
server.on("upgrade", (request, socket, head) => {
  const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
  const collab = globalThis[COLLAB_UPGRADE];
  if (pathname === COLLAB_PATH) {
    if (typeof collab === "function") return collab(request, socket, head);
    socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    return;
  }
  return upgradeNext(request, socket, head);
});

server.listen(port, hostname, () => {
  console.log(`▲ Next.js（年报自有服务器，含协同编辑）\n- Local: http://${hostname ?? "localhost"}:${port}\n✓ Ready in ${Date.now() - startedAt}ms`);
});

let isClosing = false;
async function shutdown(signal) {
  if (isClosing) return;
  isClosing = true;
  // Live documents are written back to the report before the process ends (acknowledged updates are durable anyway).
  const close = globalThis[COLLAB_CLOSE];
  if (typeof close === "function") await Promise.race([close(), new Promise((resolve) => setTimeout(resolve, 5000))]).catch(() => undefined);
  server.close();
  await app.close?.().catch?.(() => undefined);
  process.exit(signal === "SIGINT" ? 130 : 0);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void shutdown(signal));
