/** The five states of the progress board; Drizzle-free so client components can use them. */
export const BOARD_STATES = ["not_started", "drafting", "in_review", "signed", "published"] as const;
export type BoardState = (typeof BOARD_STATES)[number];

export const BOARD_STATE_LABELS: Record<BoardState, string> = {
  not_started: "未开始",
  drafting: "起草中",
  in_review: "待审核",
  signed: "已签发",
  published: "已公开",
};

const BY_STATUS: Record<string, BoardState> = {
  draft: "drafting",
  returned: "drafting",
  in_review: "in_review",
  reviewed: "in_review",
  signed: "signed",
  published: "published",
};

/** A report's workflow status as the board groups it; no report at all is 未开始. */
export function boardStateOf(status: string | null): BoardState {
  if (status === null) return "not_started";
  return BY_STATUS[status] ?? "drafting";
}

export function isBoardState(value: string): value is BoardState {
  return (BOARD_STATES as readonly string[]).includes(value);
}
