"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/report-model";

import { createUserAction } from "./actions";
import { firstError, FormStatus } from "./form-status";

export function CreateUserForm() {
  const router = useRouter();
  const [values, setValues] = useState({ username: "", displayName: "", password: "", email: "" });
  const [roles, setRoles] = useState<Role[]>(["drafter"]);
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  const set = (key: keyof typeof values) => (event: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [key]: event.target.value });
  return (
    <form
      aria-label="新建用户"
      className="grid gap-3 rounded border border-gray-200 bg-white p-3 sm:grid-cols-3"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await createUserAction({ ...values, roles });
          setStatus(result.ok ? { success: `已创建用户 ${values.username}` } : { error: firstError(result) });
          if (result.ok) {
            setValues({ username: "", displayName: "", password: "", email: "" });
            router.refresh();
          }
        });
      }}
    >
      <Field id="new-username" label="用户名">
        <Input id="new-username" value={values.username} onChange={set("username")} autoComplete="off" />
      </Field>
      <Field id="new-display-name" label="姓名">
        <Input id="new-display-name" value={values.displayName} onChange={set("displayName")} />
      </Field>
      <Field id="new-password" label="初始密码（至少10个字符）">
        <Input id="new-password" type="password" autoComplete="new-password" value={values.password} onChange={set("password")} />
      </Field>
      <Field id="new-email" label="邮箱（选填，用于接收通知邮件）">
        <Input id="new-email" type="email" value={values.email} onChange={set("email")} autoComplete="off" />
      </Field>
      <fieldset className="sm:col-span-3">
        <legend className="mb-1 text-xs font-medium text-stone-700">角色</legend>
        <div className="flex flex-wrap gap-3 text-sm">
          {ROLES.map((role) => (
            <label key={role} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(event) => setRoles(event.target.checked ? [...roles, role] : roles.filter((candidate) => candidate !== role))}
              />
              {ROLE_LABELS[role]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-3 sm:col-span-3">
        <Button type="submit" variant="primary" disabled={isPending}>
          新建用户
        </Button>
        <FormStatus {...status} />
      </div>
    </form>
  );
}
