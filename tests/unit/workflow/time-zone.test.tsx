import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";

import type { AutosaveState } from "@/components/report/autosave/autosave-controller";
import { formatDateTime } from "@/components/report/format-date-time";
import { SaveState } from "@/components/report/save-state";

// Issue #19, rough edge 10: the server and a browser in another time zone must render the same text, or React
// reports hydration error #418. Node re-reads TZ when it changes, so one process can play both sides.
const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = ORIGINAL_TZ;
});

function savedAt(updatedAt: string): AutosaveState {
  return {
    status: "saved",
    base: { revision: 3, updatedAt, updatedBy: "张三" },
    conflict: null,
    message: "",
    isStoredLocally: false,
    lastMerge: null,
  } as AutosaveState;
}

function renderIn(timeZone: string): { saveState: string; dateTime: string } {
  process.env.TZ = timeZone;
  return {
    saveState: renderToStaticMarkup(<SaveState state={savedAt("2026-11-29T18:05:00Z")} isReadOnly={false} onRetry={() => undefined} />),
    dateTime: formatDateTime("2026-11-29T18:05:00Z"),
  };
}

describe("[TIME ZONE] times render in Beijing time on every machine", () => {
  it("the save state and conflict times read the same on a UTC server and in a New York browser", () => {
    const server = renderIn("UTC");
    const browser = renderIn("America/New_York");
    expect(browser).toEqual(server);
    expect(server.saveState).toContain("02:05");
    expect(server.dateTime).toBe("2026年11月30日 02:05");
  });
});
