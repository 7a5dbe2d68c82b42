// Stateless messages the co-editing server sends a window about its right to edit (client-safe: no server code).

/** Why a live change was not taken: a workflow step runs, the report left 草稿/退回, or the user may not edit there. */
export type LiveRefusalReason = "held" | "locked" | "forbidden";

export type LiveMessage =
  /** The report's status now; also ends a hold (editing resumes when the status is editable). */
  | { type: "status"; status: string }
  /** A workflow step started: live changes are refused until its status message. */
  | { type: "hold"; transition: string }
  /** This window's change was not taken (the connection stays open; it stays unconfirmed in the window). */
  | { type: "refused"; reason: LiveRefusalReason; status: string; transition?: string };

const REASONS: ReadonlySet<string> = new Set<LiveRefusalReason>(["held", "locked", "forbidden"]);

export function writeLiveMessage(message: LiveMessage): string {
  return JSON.stringify(message);
}

/** The message in a stateless payload, or null when the payload is not one of these. */
export function readLiveMessage(payload: string): LiveMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const message = value as Record<string, unknown>;
  if (message.type === "status" && typeof message.status === "string") return { type: "status", status: message.status };
  if (message.type === "hold" && typeof message.transition === "string") return { type: "hold", transition: message.transition };
  if (message.type === "refused" && typeof message.reason === "string" && REASONS.has(message.reason) && typeof message.status === "string") {
    const reason = message.reason as LiveRefusalReason;
    return typeof message.transition === "string"
      ? { type: "refused", reason, status: message.status, transition: message.transition }
      : { type: "refused", reason, status: message.status };
  }
  return null;
}
