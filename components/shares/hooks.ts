"use client";
import useSWR from "swr";
import type { ShareLinkDto } from "@/lib/shares/dto";
import { swrFetcher } from "@/components/api/client";

export type ShareTargetRef = { jobId: string } | { collectionId: string };

/** The user's active share links; of one job or collection when `target` is given. */
export function useShareLinks(target?: ShareTargetRef) {
  const query = target ? "?" + new URLSearchParams(target as Record<string, string>).toString() : "";
  return useSWR<{ links: ShareLinkDto[] }>(`/api/share-links${query}`, swrFetcher);
}
