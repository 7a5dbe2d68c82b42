import type { Metadata } from "next";

import { getAgencyProfile, listUsers } from "@/lib/admin";
import { getDb } from "@/lib/db";
import { listSubordinateAgencies } from "@/lib/supervision";

import { AgencyFrameForm } from "./agency-frame-form";
import { AgencyProfileForm } from "./agency-profile-form";
import { ChildAgencyForm } from "./child-agency-form";
import { CreateUserForm } from "./create-user-form";
import { UsersTable } from "./users-table";
import { requirePageUser } from "../require-page-user";

export const metadata: Metadata = { title: "管理" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const user = await requirePageUser("users.manage");
  const db = await getDb();
  const [users, profile, children] = await Promise.all([listUsers({ db, user }), getAgencyProfile({ db, user }), listSubordinateAgencies(db, user.agencyId)]);
  return (
    <main className="mx-auto max-w-5xl space-y-8 px-4 py-8">
      <h1 className="text-2xl font-semibold">管理</h1>
      <section aria-labelledby="users-title" className="space-y-3">
        <h2 id="users-title" className="text-lg font-semibold">
          用户和角色
        </h2>
        <UsersTable users={users.map((member) => ({ ...member, createdAt: member.createdAt.toISOString() }))} currentUserId={user.id} />
        <CreateUserForm />
      </section>
      <section aria-labelledby="agency-title" className="space-y-3">
        <h2 id="agency-title" className="text-lg font-semibold">
          机关信息
        </h2>
        <AgencyProfileForm profile={profile} />
      </section>
      <section aria-labelledby="frame-title" className="space-y-3">
        <h2 id="frame-title" className="text-lg font-semibold">
          公文版头与版记
        </h2>
        <AgencyFrameForm frame={profile.frame} />
      </section>
      <section aria-labelledby="children-title" className="space-y-3">
        <h2 id="children-title" className="text-lg font-semibold">
          下级机关
        </h2>
        {children.length > 0 ? (
          <ul className="list-inside list-disc text-sm" data-testid="child-agencies">
            {children.map((child) => (
              <li key={child.id} style={{ marginLeft: `${(child.depth - 1) * 1.25}rem` }}>
                {child.name}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-gray-500">还没有下级机关。督导机关（如依法治市办）可在此创建下级机关及其管理员。</p>
        )}
        <ChildAgencyForm />
      </section>
    </main>
  );
}
