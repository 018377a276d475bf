"use client";
import useSWR from "swr";
import { postJson, swrFetcher } from "@/components/api/client";

// The browser side of the collections API (GET/POST /api/collections, POST …/members).

export interface CollectionSummary {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  jobCount: number;
}

export interface MembersResult {
  added: number;
  removed: number;
  jobCount: number;
}

/** Most ids one members call may carry (the server refuses more). */
export const MAX_MEMBER_IDS = 500;

/** The user's collections, newest first; loaded once per page (only this user changes them). */
export function useCollections() {
  return useSWR<{ collections: CollectionSummary[] }>("/api/collections", swrFetcher, {
    revalidateOnFocus: false,
    shouldRetryOnError: false,
  });
}

export function createCollection(name: string): Promise<CollectionSummary> {
  return postJson<CollectionSummary>("/api/collections", { name: name.trim() });
}

export function changeMembers(collectionId: string, change: { add?: string[]; remove?: string[] }): Promise<MembersResult> {
  return postJson<MembersResult>(`/api/collections/${encodeURIComponent(collectionId)}/members`, change);
}
