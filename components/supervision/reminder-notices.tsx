import { formatDate } from "@/lib/format";
import type { ReminderNotice } from "@/lib/supervision/list-reminders";

/** 督导提醒: what the supervising agency asked of this agency, newest first, on the report list. */
export function ReminderNotices({ reminders }: { reminders: readonly ReminderNotice[] }) {
  if (reminders.length === 0) return null;
  return (
    <section aria-labelledby="reminders-heading" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="reminders">
      <h2 id="reminders-heading" className="mb-2 text-sm font-semibold text-amber-900">
        上级督导提醒
      </h2>
      <ul className="space-y-1 text-sm text-amber-950">
        {reminders.map((reminder) => (
          <li key={reminder.id} data-testid="reminder">
            <span className="font-medium">{reminder.fromAgencyName}</span>（{formatDate(reminder.createdAt)}，{reminder.year}年度报告）：{reminder.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
