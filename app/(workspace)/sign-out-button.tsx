"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className="rounded-md px-3 py-1.5 text-sm text-gray-600 hover:bg-gray-100">
      退出登录
    </button>
  );
}
