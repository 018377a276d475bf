"use client";
import { useState } from "react";
import useSWR from "swr";
import { messageOf, postJson, swrFetcher } from "@/components/api/client";
import { formatRelative } from "@/components/jobs/format";
import type { AdminUserView } from "@/lib/auth/admin-users";

interface UserPage {
  items: AdminUserView[];
  nextCursor: string | null;
}

/** Accounts with their role and state; admins promote, demote, disable and re-enable here. */
export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const [q, setQ] = useState("");
  const { data, error, mutate } = useSWR<UserPage>(`/api/admin/users?limit=50${q ? `&q=${encodeURIComponent(q)}` : ""}`, swrFetcher);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function change(u: AdminUserView, body: { role?: "user" | "admin"; disabled?: boolean }, verb: string) {
    if (!window.confirm(`${verb} ${u.username}?`)) return;
    setBusy(u.id);
    setMessage(null);
    try {
      await postJson<unknown>(`/api/admin/users/${u.id}`, body, "PATCH");
      await mutate();
    } catch (err) {
      setMessage(messageOf(err, "The change failed. Try again."));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Accounts">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <h2 className="text-base font-semibold">Accounts</h2>
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Find by username or email…"
          aria-label="Find accounts"
          className="w-64 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
        />
      </div>
      {message && <p role="alert" className="mx-4 mt-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">{message}</p>}
      {error ? (
        <p role="alert" className="p-4 text-sm text-rose-800">Could not load accounts: {error.message}</p>
      ) : !data ? (
        <div className="m-4 h-24 animate-pulse rounded bg-slate-100" aria-busy="true" aria-label="Loading accounts" />
      ) : data.items.length === 0 ? (
        <p className="p-4 text-sm text-slate-500">No account matches.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="accounts-table">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                {["User", "Role", "State", "Jobs", "Last sign-in", ""].map((h) => (
                  <th key={h} className="px-4 py-2 text-left font-medium">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.items.map((u) => {
                const self = u.id === currentUserId;
                return (
                  <tr key={u.id} data-testid="account-row">
                    <td className="px-4 py-2">
                      <span className="font-medium">{u.username}</span>
                      {self && <span className="ml-2 text-xs text-slate-500">(you)</span>}
                      <span className="block text-xs text-slate-500">{u.email ?? "no email"}</span>
                    </td>
                    <td className="px-4 py-2 capitalize">{u.role}</td>
                    <td className={`px-4 py-2 ${u.disabled ? "font-medium text-rose-700" : "text-emerald-700"}`}>{u.disabled ? "Disabled" : "Active"}</td>
                    <td className="px-4 py-2 tabular-nums">{u.jobs}</td>
                    <td className="px-4 py-2 text-xs text-slate-500">{u.lastLogin ? formatRelative(u.lastLogin) : "never"}</td>
                    <td className="px-4 py-2 text-right">
                      {!self && (
                        <div className="flex justify-end gap-2">
                          <button
                            disabled={busy !== null}
                            onClick={() => void change(u, { role: u.role === "admin" ? "user" : "admin" }, u.role === "admin" ? "Make a regular user:" : "Make an admin:")}
                            className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-50"
                          >
                            {u.role === "admin" ? "Demote" : "Make admin"}
                          </button>
                          <button
                            disabled={busy !== null}
                            onClick={() => void change(u, { disabled: !u.disabled }, u.disabled ? "Re-enable" : "Disable (signs them out everywhere)")}
                            className={`rounded-md border px-2.5 py-1 text-xs font-medium disabled:opacity-50 ${u.disabled ? "border-emerald-300 text-emerald-800 hover:bg-emerald-50" : "border-rose-300 text-rose-700 hover:bg-rose-50"}`}
                          >
                            {u.disabled ? "Re-enable" : "Disable"}
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
