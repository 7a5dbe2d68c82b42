"use client";

import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { useAction } from "@/components/workflow/use-action";
import { formatChineseDate, formatDate } from "@/lib/report-model";

import { sendReminderAction } from "./actions";

interface ReminderFormProps {
  agencyId: string;
  agencyName: string;
  year: number;
  dueDate: string;
  deadlineLabel: string;
  lastReminderAt: string | null;
}

/** 催办: a short message that appears on the agency's report list. */
export function ReminderForm({ agencyId, agencyName, year, dueDate, deadlineLabel, lastReminderAt }: ReminderFormProps) {
  const id = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [message, setMessage] = useState(`请于${formatChineseDate(dueDate)}前完成${year}年度法治政府建设年度报告的${deadlineLabel}。`);
  const [sentAt, setSentAt] = useState<string | null>(null);
  const { run, error, isPending } = useAction();
  const onSend = () =>
    run(
      () => sendReminderAction({ agencyId, year, message }),
      () => (setSentAt(new Date().toISOString()), setIsOpen(false)),
    );
  const last = sentAt ?? lastReminderAt;
  return (
    <div className="min-w-40">
      {isOpen ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-message`} className="block text-xs text-gray-600">
            给{agencyName}的提醒
          </label>
          <textarea
            id={`${id}-message`}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            rows={3}
            maxLength={500}
            className="w-56 rounded border border-gray-300 p-1 text-xs"
          />
          <div className="flex gap-1">
            <Button size="sm" variant="primary" onClick={onSend} disabled={isPending || !message.trim()}>
              发送提醒
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setIsOpen(false)}>
              取消
            </Button>
          </div>
          {error ? (
            <p role="alert" className="text-xs text-red-700">
              {error}
            </p>
          ) : null}
        </div>
      ) : (
        <Button size="sm" onClick={() => setIsOpen(true)} aria-label={`催办${agencyName}`}>
          催办
        </Button>
      )}
      {last ? (
        <p className="mt-1 text-xs text-gray-500" data-testid="last-reminder">
          {sentAt ? "提醒已发送" : `上次催办 ${formatDate(new Date(last))}`}
        </p>
      ) : null}
    </div>
  );
}
