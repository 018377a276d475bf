import type { Metadata } from "next";
import { ApiTokens } from "@/components/account/ApiTokens";
import { ShareLinks } from "@/components/account/ShareLinks";
import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";
import { SignOutEverywhere } from "@/components/auth/SignOutEverywhere";
import { AppHeader } from "@/components/layout/AppHeader";
import { requireUserPage } from "@/lib/auth/current-user";
import { appDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireUserPage("/account");
  const details = await appDb().user.findUnique({ where: { id: user.id }, select: { email: true, createdAt: true, lastLogin: true } });
  const date = (d: Date | null | undefined) => (d ? d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : "—");
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-3xl space-y-8 px-4 py-8 sm:px-6">
        <h1 className="text-2xl font-semibold tracking-tight">Account</h1>

        <section aria-labelledby="profile" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="profile" className="font-semibold">Profile</h2>
          <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-500">Username</dt>
            <dd className="font-medium">{user.username}</dd>
            <dt className="text-slate-500">Email</dt>
            <dd>{details?.email ?? <span className="text-slate-500">None — add one to be able to reset your password</span>}</dd>
            <dt className="text-slate-500">Role</dt>
            <dd className="capitalize">{user.role}</dd>
            <dt className="text-slate-500">Member since</dt>
            <dd>{date(details?.createdAt)}</dd>
            <dt className="text-slate-500">Last sign-in</dt>
            <dd>{date(details?.lastLogin)}</dd>
          </dl>
        </section>

        <section aria-labelledby="password" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="password" className="font-semibold">Change password</h2>
          <p className="mt-1 text-sm text-slate-600">Changing it signs out every other device.</p>
          <div className="mt-5 max-w-md">
            <ChangePasswordForm />
          </div>
        </section>

        <section aria-labelledby="api-tokens" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="api-tokens" className="font-semibold">API tokens</h2>
          <p className="mb-5 mt-1 text-sm text-slate-600">
            For scripts: send <code className="font-mono text-xs">Authorization: Bearer &lt;token&gt;</code> to the job API
            (see the <a href="/docs/api" className="text-teal-700 underline">API reference</a>). A token acts as you, but cannot manage tokens.
          </p>
          <ApiTokens />
        </section>

        <section aria-labelledby="share-links" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="share-links" className="font-semibold">Share links</h2>
          <p className="mb-5 mt-1 text-sm text-slate-600">Read-only links to a job or a collection. Revoke one and it answers “not found” at once.</p>
          <ShareLinks />
        </section>

        <section aria-labelledby="sessions" className="rounded-xl border border-rose-100 bg-white p-6 shadow-sm">
          <h2 id="sessions" className="font-semibold">Sessions</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">
            Lost a device or signed in on a shared computer? End every session of your account, including this one.
            Sessions also end on their own {getEnv().SESSION_MAX_AGE_HOURS} hours after sign-in, or after {getEnv().SESSION_IDLE_MINUTES} minutes without activity.
          </p>
          <SignOutEverywhere />
        </section>
      </main>
    </>
  );
}
