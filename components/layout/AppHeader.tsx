import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session-user";
import { SignOutButton } from "./SignOutButton";

/** The signed-in header: product, navigation, who is signed in. */
export function AppHeader({ user }: { user: SessionUser }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <div className="flex items-center gap-6">
          <Link href="/dashboard" className="text-base font-semibold tracking-tight text-teal-800">AMR Predictor</Link>
          <nav className="flex gap-1 text-sm" aria-label="Main">
            <Link href="/dashboard" className="rounded-md px-2.5 py-1.5 font-medium text-slate-700 hover:bg-slate-100">Dashboard</Link>
            <Link href="/collections" className="rounded-md px-2.5 py-1.5 font-medium text-slate-700 hover:bg-slate-100">Collections</Link>
            <Link href="/account" className="rounded-md px-2.5 py-1.5 font-medium text-slate-700 hover:bg-slate-100">Account</Link>
            {user.role === "admin" && (
              <Link href="/admin" className="rounded-md px-2.5 py-1.5 font-medium text-slate-700 hover:bg-slate-100">Admin</Link>
            )}
          </nav>
        </div>
        <div className="flex items-center gap-2 text-sm text-slate-600">
          <span className="hidden sm:inline" data-testid="signed-in-as">{user.username}</span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
