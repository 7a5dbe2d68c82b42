"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import type { NotificationView } from "@/lib/notifications/list-notifications";

export interface NotificationsViewProps {
  notifications: NotificationView[];
  onMarkRead: (input: { ids?: string[] }) => Promise<ActionResult<{ count: number }>>;
}

/** The user's notifications, unread first in bold, each marked read when opened or all at once. */
export function NotificationsView({ notifications, onMarkRead }: NotificationsViewProps) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const unread = notifications.filter((notification) => !notification.isRead);
  const markRead = (ids?: string[]) =>
    startTransition(async () => {
      await onMarkRead({ ids });
      router.refresh();
    });
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <div className="mb-4 flex items-center gap-3">
        <h1 className="text-2xl font-semibold">通知</h1>
        <span className="text-sm text-gray-500" data-testid="unread-count">
          未读 {unread.length} 条
        </span>
        <Button className="ml-auto" disabled={unread.length === 0 || isPending} onClick={() => markRead()}>
          全部标为已读
        </Button>
      </div>
      {notifications.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white p-10 text-center text-gray-600">还没有通知。</p>
      ) : (
        <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white text-sm" data-testid="notifications">
          {notifications.map((notification) => (
            <li key={notification.id} className="flex items-start gap-3 px-4 py-3" data-read={notification.isRead ? "true" : "false"}>
              <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${notification.isRead ? "bg-transparent" : "bg-brand-600"}`} />
              <div className="min-w-0 flex-1">
                <p className={notification.isRead ? "text-gray-600" : "font-semibold text-gray-900"}>
                  {notification.isRead ? null : <span className="sr-only">未读：</span>}
                  {notification.message}
                </p>
                <p className="text-xs text-gray-500">{formatDateTime(notification.createdAt)}</p>
              </div>
              {notification.reportId ? (
                <Link
                  href={`/reports/${notification.reportId}/history`}
                  className="text-brand-700 hover:underline"
                  onClick={() => (notification.isRead ? undefined : markRead([notification.id]))}
                >
                  查看
                </Link>
              ) : null}
              {notification.isRead ? null : (
                <Button variant="secondary" disabled={isPending} onClick={() => markRead([notification.id])}>
                  标为已读
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
