"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { AGENCY_LEVEL_LABELS, AGENCY_LEVELS, type AgencyLevel } from "@/lib/report-model";

import { createChildAgencyAction } from "./actions";
import { firstError, FormStatus } from "./form-status";

const EMPTY = { agencyName: "", agencyLevel: "department" as AgencyLevel, username: "", displayName: "", password: "" };

export function ChildAgencyForm() {
  const router = useRouter();
  const [values, setValues] = useState(EMPTY);
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  const set = (key: keyof typeof EMPTY) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues({ ...values, [key]: event.target.value });
  return (
    <form
      aria-label="创建下级机关"
      className="grid gap-3 rounded border border-gray-200 bg-white p-3 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await createChildAgencyAction(values);
          setStatus(result.ok ? { success: `已创建下级机关“${values.agencyName}”及其管理员 ${values.username}` } : { error: firstError(result) });
          if (result.ok) {
            setValues(EMPTY);
            router.refresh();
          }
        });
      }}
    >
      <Field id="child-name" label="下级机关名称">
        <Input id="child-name" value={values.agencyName} onChange={set("agencyName")} />
      </Field>
      <Field id="child-level" label="下级机关层级">
        <select
          id="child-level"
          className="h-9 w-full rounded border border-stone-300 bg-white px-2 text-sm"
          value={values.agencyLevel}
          onChange={set("agencyLevel")}
        >
          {AGENCY_LEVELS.map((level) => (
            <option key={level} value={level}>
              {AGENCY_LEVEL_LABELS[level]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="child-admin" label="其管理员用户名">
        <Input id="child-admin" value={values.username} onChange={set("username")} autoComplete="off" />
      </Field>
      <Field id="child-admin-name" label="其管理员姓名">
        <Input id="child-admin-name" value={values.displayName} onChange={set("displayName")} />
      </Field>
      <Field id="child-password" label="其管理员初始密码（至少10个字符）">
        <Input id="child-password" type="password" autoComplete="new-password" value={values.password} onChange={set("password")} />
      </Field>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" variant="primary" disabled={isPending}>
          创建下级机关
        </Button>
        <FormStatus {...status} />
      </div>
    </form>
  );
}
