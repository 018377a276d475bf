"use client";
import useSWR from "swr";
import { swrFetcher } from "@/components/api/client";
import type { metricsSnapshot } from "@/lib/metrics/snapshot";

export type MetricsSnapshot = Awaited<ReturnType<typeof metricsSnapshot>>;

export function useMetrics() {
  return useSWR<MetricsSnapshot>("/api/admin/metrics", swrFetcher, { refreshInterval: 10_000 });
}
