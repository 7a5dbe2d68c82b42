import "server-only";

import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

import { getDb } from "@/lib/db";

import { createCollabServer } from "./collab-server";
import { installLiveReportHooks } from "./flush-live-report";

const COLLAB_UPGRADE = Symbol.for("nianbao.collab-upgrade");
const COLLAB_CLOSE = Symbol.for("nianbao.collab-close");

type Holder = {
  [COLLAB_UPGRADE]?: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  [COLLAB_CLOSE]?: () => Promise<void>;
};

/** Hands the co-editing WebSocket to the app's server (lib/server/server.mjs), which calls it for upgrades of COLLAB_PATH. */
export function registerCollabServer(): void {
  const holder = globalThis as Holder;
  if (holder[COLLAB_UPGRADE]) return;
  const server = createCollabServer({ getDb });
  holder[COLLAB_UPGRADE] = (request, socket, head) => server.handleUpgrade(request, socket, head);
  holder[COLLAB_CLOSE] = () => server.close();
  installLiveReportHooks(server);
}
