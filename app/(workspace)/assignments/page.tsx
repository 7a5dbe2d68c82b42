import type { Metadata } from "next";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listMyTasks } from "@/lib/workflow";

import { MyTasksView } from "./my-tasks-view";

export const metadata: Metadata = { title: "我的任务" };
export const dynamic = "force-dynamic";

export default async function MyTasksPage() {
  const user = await requireUser("report.read");
  const tasks = await listMyTasks({ db: await getDb(), user });
  return <MyTasksView tasks={tasks} />;
}
