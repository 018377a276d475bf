import { postJson } from "@/components/api/client";
import type { CollectionDto } from "@/lib/collections/dto";

// The browser's changes through the collections API (POST /api/collections, POST …/members);
// reads are the hooks in hooks.ts.

export interface MembersResult {
  added: number;
  removed: number;
  jobCount: number;
}

/** Most ids one members call may carry (the server refuses more). */
export const MAX_MEMBER_IDS = 500;

export function createCollection(name: string): Promise<CollectionDto> {
  return postJson<CollectionDto>("/api/collections", { name: name.trim() });
}

export function changeMembers(collectionId: string, change: { add?: string[]; remove?: string[] }): Promise<MembersResult> {
  return postJson<MembersResult>(`/api/collections/${encodeURIComponent(collectionId)}/members`, change);
}
