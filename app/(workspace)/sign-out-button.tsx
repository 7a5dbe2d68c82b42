"use client";

/** Signs out through NextAuth's client, loaded on the click (it stays out of every page's first load). */
async function signOut(): Promise<void> {
  const { signOut: nextAuthSignOut } = await import("next-auth/react");
  await nextAuthSignOut({ callbackUrl: "/login" });
}

export function SignOutButton() {
  return (
    <button type="button" onClick={() => void signOut()} className="rounded-md px-3 py-1.5 text-sm text-gray-600 hover:bg-gray-100">
      退出登录
    </button>
  );
}
