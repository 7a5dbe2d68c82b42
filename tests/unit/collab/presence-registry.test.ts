// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { createPresenceRegistry } from "@/lib/collab/presence-registry";
import { locate } from "@/components/report/collab/use-presence";

const entry = (userId: string, clientId: string, agencyId = "agency-a", itemId: string | null = null) => ({
  userId,
  clientId,
  agencyId,
  displayName: `用户${userId}`,
  itemId,
  sectionId: null,
});

describe("presence registry", () => {
  it("lists windows seen within the time-to-live and forgets the rest", () => {
    let now = 1_000;
    const registry = createPresenceRegistry({ ttlMs: 15_000, now: () => now });
    registry.touch("r1", entry("u1", "c1", "agency-a", "item-1"));
    now += 10_000;
    registry.touch("r1", entry("u2", "c2"));
    expect(registry.list("r1", "agency-a").map((person) => [person.userId, person.itemId])).toEqual([
      ["u1", "item-1"],
      ["u2", null],
    ]);
    now += 6_000;
    expect(registry.list("r1", "agency-a").map((person) => person.userId)).toEqual(["u2"]);
    now += 20_000;
    expect(registry.list("r1", "agency-a")).toEqual([]);
  });

  it("never lists another agency's windows, even on the same report id", () => {
    const registry = createPresenceRegistry();
    registry.touch("r1", entry("u1", "c1", "agency-a"));
    registry.touch("r1", entry("u9", "c9", "agency-b"));
    expect(registry.list("r1", "agency-a").map((person) => person.userId)).toEqual(["u1"]);
    expect(registry.list("r1", "agency-b").map((person) => person.userId)).toEqual(["u9"]);
  });

  it("a window can only remove its own entry (the key includes the session's user)", () => {
    const registry = createPresenceRegistry();
    registry.touch("r1", entry("u1", "c1"));
    registry.leave("r1", "u2", "c1");
    expect(registry.list("r1", "agency-a")).toHaveLength(1);
    registry.leave("r1", "u1", "c1");
    expect(registry.list("r1", "agency-a")).toEqual([]);
  });

  it("moving to another item replaces the window's location", () => {
    const registry = createPresenceRegistry();
    registry.touch("r1", entry("u1", "c1", "agency-a", "i1"));
    registry.touch("r1", entry("u1", "c1", "agency-a", "i2"));
    expect(registry.list("r1", "agency-a").map((person) => person.itemId)).toEqual(["i2"]);
  });
});

describe("locate", () => {
  it("finds the item and part around the focused element", () => {
    document.body.innerHTML = `
      <section id="section-s1" data-testid="section-s1">
        <input id="section-heading-s1" data-testid="section-heading-s1" />
        <article id="item-i0" data-testid="item-i0"><input id="item-heading-i0" data-testid="item-heading-i0" /></article>
        <article id="item-i1" data-testid="item-i1"><div><p id="deep">正文</p></div></article>
      </section>`;
    expect(locate(document.getElementById("deep"))).toEqual({ itemId: "i1", sectionId: "s1" });
    expect(locate(document.getElementById("section-heading-s1"))).toEqual({ itemId: null, sectionId: "s1" });
    expect(locate(document.getElementById("item-heading-i0"))).toEqual({ itemId: "i0", sectionId: "s1" });
    expect(locate(document.body)).toEqual({ itemId: null, sectionId: null });
  });
});
