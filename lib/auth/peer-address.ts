import http from "node:http";

import { PEER_HEADER } from "./client-address";

let isInstalled = false;

/**
 * Next.js gives route handlers no socket, and fills X-Forwarded-For from it only when the client sent
 * none. This stamps every incoming request with its real TCP peer (replacing any client-sent value)
 * before Next sees it, so `clientAddress` can tell a trusted proxy from anyone else.
 */
export function installPeerAddressHeader(): void {
  if (isInstalled) return;
  isInstalled = true;
  const emit: (this: http.Server, event: string, ...args: unknown[]) => boolean = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]): boolean {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  };
}
