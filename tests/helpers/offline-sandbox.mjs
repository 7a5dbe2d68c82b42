// Runs inside a fresh network namespace (`unshare -n node offline-sandbox.mjs <config.json>`), where only
// loopback exists. Every IPv4/IPv6 address is routed to loopback, so a name lookup reaches the recorder on
// port 53 and a connection to port 80/443 (or to the proxy named in HTTP(S)_PROXY) reaches a recorder too.
// Nothing can leave the namespace. It then runs `npm start` (build + serve), requests pages and reports.
import { spawn, spawnSync } from "node:child_process";
import dgram from "node:dgram";
import { readFileSync, writeFileSync } from "node:fs";
import net from "node:net";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const attempts = [];

function run(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")}: ${result.stderr}`);
}

/** Reads the queried name out of a DNS request packet. */
function dnsQueryName(packet) {
  const labels = [];
  let offset = 12;
  while (offset < packet.length && packet[offset] !== 0) {
    const length = packet[offset];
    labels.push(packet.subarray(offset + 1, offset + 1 + length).toString("latin1"));
    offset += length + 1;
  }
  return labels.join(".");
}

function listenDns(type, address) {
  return new Promise((resolve) => {
    const socket = dgram.createSocket(type);
    socket.on("message", (packet, remote) => attempts.push({ kind: "dns", target: dnsQueryName(packet), from: remote.address }));
    socket.on("error", () => resolve(null));
    socket.bind(53, address, () => resolve(socket));
  });
}

function listenTcp(port, host, kind) {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => {
      socket.once("data", (chunk) => {
        // The first bytes name the target: an HTTP request line, a CONNECT line, or a TLS hello with the SNI.
        const printable = chunk
          .toString("latin1")
          .replace(/[^\x20-\x7e]+/g, " ")
          .slice(0, 200);
        attempts.push({ kind, target: printable.trim(), from: socket.remoteAddress });
        socket.destroy();
      });
      socket.setTimeout(2000, () => {
        attempts.push({ kind, target: "(connected, sent nothing)", from: socket.remoteAddress });
        socket.destroy();
      });
    });
    server.on("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

async function waitForHealth(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function main() {
  run("ip", ["link", "set", "lo", "up"]);
  run("ip", ["route", "add", "local", "0.0.0.0/0", "dev", "lo", "table", "local"]);
  run("ip", ["-6", "route", "add", "local", "::/0", "dev", "lo", "table", "local"]);
  const servers = [await listenTcp(80, "::", "http"), await listenTcp(443, "::", "https"), await listenTcp(config.proxyPort, "127.0.0.1", "proxy")];
  const sockets = [await listenDns("udp4", "0.0.0.0"), await listenDns("udp6", "::")];

  const proxy = `http://127.0.0.1:${config.proxyPort}`;
  const env = { ...process.env, ...config.env, HTTP_PROXY: proxy, HTTPS_PROXY: proxy, http_proxy: proxy, https_proxy: proxy };
  // The scripts must turn telemetry off themselves; a value inherited from the test runner would hide a gap.
  delete env.NEXT_TELEMETRY_DISABLED;
  for (const [name, value] of Object.entries(config.env)) if (value === null) delete env[name];
  let output = "";
  const child = spawn("npm", ["start"], { cwd: config.root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (chunk) => (output += chunk.toString()));
  child.stderr.on("data", (chunk) => (output += chunk.toString()));

  const baseUrl = `http://127.0.0.1:${config.port}`;
  const isHealthy = await waitForHealth(baseUrl, child, config.timeoutMs);
  const pages = {};
  if (isHealthy) {
    for (const page of config.pages) {
      const response = await fetch(`${baseUrl}${page}`, { redirect: "manual" });
      pages[page] = response.status;
      await response.arrayBuffer();
    }
    // Give anything scheduled after a request (telemetry flushes, update checks) time to try.
    await new Promise((resolve) => setTimeout(resolve, config.settleMs));
  }
  const exited = new Promise((resolve) => child.once("exit", resolve));
  if (child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
  for (const server of servers) server.close();
  for (const socket of sockets) socket?.close();
  writeFileSync(config.resultPath, JSON.stringify({ isHealthy, pages, attempts, output }, null, 2));
}

main().catch((error) => {
  writeFileSync(config.resultPath, JSON.stringify({ isHealthy: false, pages: {}, attempts, output: String(error?.stack ?? error) }));
  process.exitCode = 1;
});
