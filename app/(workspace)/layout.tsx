import Link from "next/link";
import { redirect } from "next/navigation";

import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { countUnreadNotifications } from "@/lib/notifications";
import { can, type Action } from "@/lib/permissions";
import { ROLE_LABELS } from "@/lib/report-model";
import { listMyTasks } from "@/lib/workflow";

import { SignOutButton } from "./sign-out-button";

export const dynamic = "force-dynamic";

/** Shown per role, mirroring the permission table. */
const WORKFLOW_LINKS: Array<{ href: string; label: string; action: Action }> = [
  { href: "/assignments", label: "我的任务", action: "report.read" },
  { href: "/supervision", label: "督导", action: "supervision.read" },
  { href: "/admin", label: "管理", action: "users.manage" },
  { href: "/audit", label: "审计", action: "audit.read" },
];

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const db = await getDb();
  const [tasks, unread] = await Promise.all([listMyTasks({ db, user }), countUnreadNotifications({ db, user })]);
  const counts: Record<string, number> = { "/assignments": tasks.total };
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex h-14 max-w-[1600px] items-center gap-6 px-4">
          <Link href="/reports" className="text-lg font-bold tracking-widest text-brand-700">
            年报
          </Link>
          <nav aria-label="主导航" className="flex gap-1 text-sm">
            <Link href="/reports" className="rounded-md px-3 py-1.5 hover:bg-gray-100">
              报告
            </Link>
            {WORKFLOW_LINKS.filter((link) => can(user.roles, link.action)).map((link) => (
              <Link key={link.href} href={link.href} className="rounded-md px-3 py-1.5 hover:bg-gray-100">
                {link.label}
                {counts[link.href] ? (
                  <span
                    className="ml-1 rounded-full bg-brand-600 px-1.5 text-xs text-white"
                    data-testid="task-count"
                    aria-label={`${counts[link.href]}项待处理`}
                  >
                    {counts[link.href]}
                  </span>
                ) : null}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-gray-700" data-testid="current-agency">
              {user.agencyName}
            </span>
            <span className="text-gray-500">
              {user.displayName}（{user.roles.map((role) => ROLE_LABELS[role]).join("、")}）
            </span>
            <Link
              href="/notifications"
              className="rounded-md px-2 py-1 hover:bg-gray-100"
              data-testid="notifications-link"
              aria-label={unread > 0 ? `通知（${unread}条未读）` : "通知"}
            >
              通知
              {unread > 0 ? <span className="ml-1 rounded-full bg-red-600 px-1.5 text-xs text-white">{unread}</span> : null}
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      {children}
    </div>
  );
}
