import type { Metadata } from "next";
import { AppHeader } from "@/components/layout/AppHeader";
import { DashboardView } from "@/components/jobs/DashboardView";
import { requireUserPage } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const user = await requireUserPage("/dashboard");
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <h1 className="mb-6 text-2xl font-semibold tracking-tight">Dashboard</h1>
        <DashboardView />
      </main>
    </>
  );
}
