import type { Metadata } from "next";
import { AppHeader } from "@/components/layout/AppHeader";
import { JobView } from "@/components/jobs/JobView";
import { requireUserPage } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Job" };
export const dynamic = "force-dynamic";

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUserPage(`/jobs/${id}`);
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <JobView id={id} />
      </main>
    </>
  );
}
