"use client";
import Link from "next/link";
import { ShareButton } from "@/components/shares/ShareButton";
import { useCollection } from "./hooks";
import { MatrixViews } from "./MatrixViews";

/** /collections/:id for its owner: the cohort views, with links to each job and sharing. */
export function CollectionView({ id }: { id: string }) {
  const { data, error } = useCollection(id);
  if (error) {
    return (
      <div role="alert" className="rounded-xl border border-rose-200 bg-rose-50 p-6 text-rose-900">
        <p className="font-medium">{error.status === 404 ? "This collection does not exist or is not yours." : `Could not load the collection: ${error.message}`}</p>
        <Link href="/collections" className="mt-2 inline-block text-sm underline">All collections</Link>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <Link href="/collections" className="text-sm text-teal-800 hover:underline">← All collections</Link>
          <h1 className="mt-1 truncate text-2xl font-semibold tracking-tight" data-testid="collection-name">{data?.name ?? "…"}</h1>
        </div>
        <ShareButton target={{ collectionId: id }} />
      </header>
      <MatrixViews source={{ url: `/api/collections/${id}/matrix`, jobHref: (jobId) => `/jobs/${jobId}` }} />
    </div>
  );
}
