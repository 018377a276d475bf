"use client";
import useSWR from "swr";
import { apiFetch, messageOf, postJson } from "@/components/api/client";
import type { ApiTokenDto } from "@/lib/api-tokens/dto";

// The server's own message reaches the page (a 429 or a 503 says what to do), not a bare status.
async function fetchTokens(url: string): Promise<ApiTokenDto[]> {
  return (await apiFetch<{ items: ApiTokenDto[] }>(url, { cache: "no-store" })).items;
}

/** The signed-in user's tokens; no polling (only this page changes them), revalidated on focus. */
export function useApiTokens() {
  return useSWR("/api/tokens", fetchTokens);
}

/** Revokes a token; null when done, the message to show otherwise. */
export async function revokeToken(id: string): Promise<string | null> {
  return postJson<void>(`/api/tokens/${id}`, undefined, "DELETE").then(
    () => null,
    (err: unknown) => messageOf(err, "Could not revoke the token. Try again."),
  );
}
