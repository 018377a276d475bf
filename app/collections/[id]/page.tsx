import type { Metadata } from "next";
import { CollectionView } from "@/components/collections/CollectionView";
import { AppHeader } from "@/components/layout/AppHeader";
import { requireUserPage } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Collection" };
export const dynamic = "force-dynamic";

export default async function CollectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUserPage(`/collections/${id}`);
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <CollectionView id={id} />
      </main>
    </>
  );
}
