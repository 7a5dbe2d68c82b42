import { describe, expect, it } from "vitest";

import { clientAddress, parseTrustedProxies, PEER_HEADER } from "@/lib/auth/client-address";

function headers(values: Record<string, string>): (name: string) => string | undefined {
  return (name) => values[name];
}

describe("clientAddress", () => {
  const trusted = parseTrustedProxies("10.0.0.2, 10.0.0.3");

  it.each([
    ["an untrusted peer's X-Forwarded-For is ignored", { [PEER_HEADER]: "192.0.2.7", "x-forwarded-for": "203.0.113.9" }, "192.0.2.7"],
    ["a trusted proxy's X-Forwarded-For gives the client", { [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "198.51.100.4" }, "198.51.100.4"],
    ["a client cannot prepend a forged hop before the proxy", { [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.9, 198.51.100.4" }, "198.51.100.4"],
    ["chained trusted proxies are skipped from the right", { [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "198.51.100.4, 10.0.0.3" }, "198.51.100.4"],
    ["an IPv4-mapped IPv6 peer is the IPv4 address", { [PEER_HEADER]: "::ffff:10.0.0.2", "x-forwarded-for": "198.51.100.4" }, "198.51.100.4"],
    ["garbage in the chain falls back to the proxy", { [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "not-an-address" }, "10.0.0.2"],
  ])("%s", (_name, values, expected) => {
    expect(clientAddress(headers(values), trusted)).toBe(expected);
  });

  it("is undefined without a known peer, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.9" }), trusted)).toBeUndefined();
  });
});
