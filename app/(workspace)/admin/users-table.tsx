"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/report-model";

import { resetPasswordAction, setUserActiveAction, updateUserRolesAction } from "./actions";
import { firstError, FormStatus } from "./form-status";

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  isActive: boolean;
  roles: Role[];
}

export function UsersTable({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  return (
    <table className="w-full rounded border border-gray-200 bg-white text-sm" data-testid="users-table">
      <thead className="bg-gray-50 text-left text-gray-600">
        <tr>
          <th scope="col" className="px-3 py-2 font-medium">
            用户
          </th>
          <th scope="col" className="px-3 py-2 font-medium">
            角色
          </th>
          <th scope="col" className="px-3 py-2 font-medium">
            密码与状态
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <UserRowView key={user.id} user={user} isSelf={user.id === currentUserId} />
        ))}
      </tbody>
    </table>
  );
}

function UserRowView({ user, isSelf }: { user: UserRow; isSelf: boolean }) {
  const router = useRouter();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [password, setPassword] = useState("");
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  const submit = (action: () => Promise<{ ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> }>, success: string) =>
    startTransition(async () => {
      const result = await action();
      setStatus(result.ok ? { success } : { error: firstError(result) });
      if (result.ok) router.refresh();
    });
  const isChanged = roles.join() !== user.roles.join();
  return (
    <tr className="border-t border-gray-100 align-top" data-testid={`user-${user.username}`}>
      <td className="px-3 py-2">
        <div className="font-medium">{user.displayName}</div>
        <div className="text-xs text-gray-500">{user.username}</div>
        {user.isActive ? null : <Badge tone="danger">已停用</Badge>}
      </td>
      <td className="px-3 py-2">
        <fieldset>
          <legend className="sr-only">{user.displayName}的角色</legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1">
            {ROLES.map((role) => (
              <label key={role} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={roles.includes(role)}
                  onChange={(event) =>
                    setRoles(
                      event.target.checked
                        ? ROLES.filter((candidate) => candidate === role || roles.includes(candidate))
                        : roles.filter((candidate) => candidate !== role),
                    )
                  }
                />
                {ROLE_LABELS[role]}
              </label>
            ))}
          </div>
        </fieldset>
        {isChanged ? (
          <Button
            size="sm"
            variant="primary"
            className="mt-1"
            disabled={isPending}
            onClick={() => submit(() => updateUserRolesAction({ userId: user.id, roles }), "角色已更新")}
          >
            保存角色
          </Button>
        ) : null}
      </td>
      <td className="space-y-1 px-3 py-2">
        <form
          className="flex gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            submit(async () => {
              const result = await resetPasswordAction({ userId: user.id, password });
              if (result.ok) setPassword("");
              return result;
            }, "密码已重置");
          }}
        >
          <label htmlFor={`password-${user.id}`} className="sr-only">
            {user.displayName}的新密码
          </label>
          <Input
            id={`password-${user.id}`}
            type="password"
            autoComplete="new-password"
            placeholder="新密码（至少10个字符）"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <Button type="submit" size="md" disabled={isPending || !password}>
            重置密码
          </Button>
        </form>
        {isSelf ? null : (
          <Button
            size="sm"
            variant={user.isActive ? "danger" : "secondary"}
            disabled={isPending}
            onClick={() => submit(() => setUserActiveAction({ userId: user.id, isActive: !user.isActive }), user.isActive ? "已停用" : "已启用")}
          >
            {user.isActive ? "停用账号" : "启用账号"}
          </Button>
        )}
        <FormStatus {...status} />
      </td>
    </tr>
  );
}
