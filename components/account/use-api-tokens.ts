"use client";
import useSWR from "swr";
import type { ApiTokenDto } from "@/lib/api-tokens/dto";

async function fetchTokens(url: string): Promise<ApiTokenDto[]> {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(`Could not load your API tokens (${res.status}).`);
  return ((await res.json()) as { items: ApiTokenDto[] }).items;
}

/** The signed-in user's tokens; no polling (only this page changes them), revalidated on focus. */
export function useApiTokens() {
  return useSWR("/api/tokens", fetchTokens);
}

export async function revokeToken(id: string): Promise<string | null> {
  try {
    const res = await fetch(`/api/tokens/${id}`, { method: "DELETE" });
    return res.ok ? null : `Could not revoke the token (${res.status}).`;
  } catch {
    return "We could not reach the server. Try again.";
  }
}
