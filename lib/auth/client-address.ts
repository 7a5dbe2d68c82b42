import { isIP } from "node:net";

/**
 * Header that carries the TCP peer of the request, set by `installPeerAddressHeader` (instrumentation.ts)
 * and overwritten on every request, so a client cannot supply it.
 */
export const PEER_HEADER = "x-nianbao-peer";

function normalize(address: string | null | undefined): string | undefined {
  const trimmed = address?.trim().replace(/^\[|\]$/g, "");
  if (!trimmed) return undefined;
  const unmapped = trimmed.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  return isIP(unmapped) ? unmapped.toLowerCase() : undefined;
}

/** The proxies named in TRUSTED_PROXIES (comma- or space-separated addresses). */
export function parseTrustedProxies(value: string): Set<string> {
  return new Set(
    value
      .split(/[\s,]+/)
      .map(normalize)
      .filter((address): address is string => !!address),
  );
}

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy, in which case the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy. Undefined when the peer is unknown.
 */
export function clientAddress(getHeader: (name: string) => string | null | undefined, trusted: Set<string>): string | undefined {
  const peer = normalize(getHeader(PEER_HEADER));
  if (!peer || !trusted.has(peer)) return peer;
  const chain = (getHeader("x-forwarded-for") ?? "").split(",").map(normalize);
  for (let index = chain.length - 1; index >= 0; index -= 1) {
    const hop = chain[index];
    if (!hop) return peer;
    if (!trusted.has(hop)) return hop;
  }
  return peer;
}
