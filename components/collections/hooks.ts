"use client";
import useSWR from "swr";
import type { CollectionDto } from "@/lib/collections/dto";
import type { CollectionMatrix } from "@/lib/collections/matrix";
import { swrFetcher } from "@/components/api/client";

export type { CollectionDto, CollectionMatrix };

const POLL_MS = 2000;
const EMPTY_POLL_MS = 5000;

/**
 * The user's collections, newest first. `once`: loaded once per page and not retried, for the
 * pickers of the upload form and the selection bar (only this user changes them, and they call
 * mutate after a change); the collections page itself revalidates on focus.
 */
export function useCollections({ once = false }: { once?: boolean } = {}) {
  return useSWR<{ collections: CollectionDto[] }>("/api/collections", swrFetcher, once ? { revalidateOnFocus: false, shouldRetryOnError: false } : undefined);
}

export function useCollection(id: string) {
  return useSWR<CollectionDto>(`/api/collections/${id}`, swrFetcher);
}

/**
 * A collection's matrix (the owner's URL or a share link's); polls while a member is still
 * queued or running, so the heatmap fills in as jobs finish, and stops once all are done. An
 * empty collection is polled slowly (its first jobs may be on their way from an upload or a
 * script); a finished one is refreshed when the tab regains focus. Unchanged polls cost a 304.
 */
export function useMatrix(url: string) {
  return useSWR<CollectionMatrix>(url, swrFetcher, {
    refreshInterval: (m) => (!m || m.counts.running > 0 ? POLL_MS : m.counts.total === 0 ? EMPTY_POLL_MS : 0),
  });
}
