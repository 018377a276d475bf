import type { Metadata } from "next";
import { CollectionsView } from "@/components/collections/CollectionsView";
import { AppHeader } from "@/components/layout/AppHeader";
import { requireUserPage } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Collections" };
export const dynamic = "force-dynamic";

export default async function CollectionsPage() {
  const user = await requireUserPage("/collections");
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
        <h1 className="mb-6 text-2xl font-semibold tracking-tight">Collections</h1>
        <CollectionsView />
      </main>
    </>
  );
}
