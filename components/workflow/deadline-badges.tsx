import { Badge, type BadgeTone } from "@/components/ui/badge";
import { describeDeadline, formatChineseDate, type DeadlineState, type DeadlineStatus } from "@/lib/report-model";

const TONES: Record<DeadlineState, BadgeTone> = { done: "success", late: "danger", due_soon: "warning", upcoming: "neutral" };

/**
 * 报送/公开 deadlines of a report: late in red, due within two weeks in amber. `isWrapping={false}` keeps
 * them on one line where the table gives them the room (the reports list).
 */
export function DeadlineBadges({ deadlines, isWrapping = true }: { deadlines: readonly DeadlineStatus[]; isWrapping?: boolean }) {
  return (
    <span className={`inline-flex gap-1 ${isWrapping ? "flex-wrap" : "flex-nowrap"}`} data-testid="deadline-badges">
      {deadlines.map((deadline) => (
        <Badge
          key={deadline.kind}
          tone={TONES[deadline.state]}
          title={`${deadline.label}截止日期：${formatChineseDate(deadline.dueDate)}`}
          data-state={deadline.state}
        >
          {describeDeadline(deadline)}
        </Badge>
      ))}
    </span>
  );
}
