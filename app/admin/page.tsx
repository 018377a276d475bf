import type { Metadata } from "next";
import { AdminDashboard } from "@/components/admin/AdminDashboard";
import { UsersAdmin } from "@/components/admin/UsersAdmin";
import { AppHeader } from "@/components/layout/AppHeader";
import { requireUserPage } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const user = await requireUserPage("/admin");
  if (user.role !== "admin") {
    return (
      <>
        <AppHeader user={user} />
        <main className="mx-auto max-w-3xl px-4 py-16 text-center sm:px-6">
          <h1 className="text-2xl font-semibold">Admins only</h1>
          <p className="mt-2 text-slate-600">This page shows server metrics to administrators.</p>
        </main>
      </>
    );
  }
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <h1 className="mb-6 text-2xl font-semibold tracking-tight">Performance</h1>
        <AdminDashboard />
        <div className="mt-6">
          <UsersAdmin currentUserId={user.id} />
        </div>
      </main>
    </>
  );
}
