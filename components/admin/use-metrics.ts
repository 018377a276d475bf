"use client";
import useSWR from "swr";
import { fetchJson } from "@/components/jobs/api";
import type { metricsSnapshot } from "@/lib/metrics/snapshot";

export type MetricsSnapshot = Awaited<ReturnType<typeof metricsSnapshot>>;

export function useMetrics() {
  return useSWR<MetricsSnapshot>("/api/admin/metrics", fetchJson, { refreshInterval: 10_000 });
}
