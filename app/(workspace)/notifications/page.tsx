import type { Metadata } from "next";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listNotifications } from "@/lib/notifications";

import { markNotificationsReadAction } from "./actions";
import { NotificationsView } from "./notifications-view";

export const metadata: Metadata = { title: "通知" };
export const dynamic = "force-dynamic";

export default async function NotificationsPage() {
  const user = await requireUser("report.read");
  const notifications = await listNotifications({ db: await getDb(), user });
  return <NotificationsView notifications={notifications} onMarkRead={markNotificationsReadAction} />;
}
