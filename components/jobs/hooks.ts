"use client";
import useSWR from "swr";
import useSWRInfinite from "swr/infinite";
import { isTerminal } from "@/lib/jobs/status";
import { swrFetcher } from "@/components/api/client";
import type { AmrResult, JobDetail, JobPage, ModelInfo } from "./types";

const POLL_MS = 2000;

/** The user's jobs, page by page; polls only while a loaded job is unfinished. */
export function useJobs(status?: string) {
  const key = (index: number, previous: JobPage | null) => {
    if (previous && !previous.nextCursor) return null;
    const params = new URLSearchParams({ limit: "20" });
    if (status) params.set("status", status);
    if (index > 0 && previous?.nextCursor) params.set("cursor", previous.nextCursor);
    return `/api/jobs?${params}`;
  };
  return useSWRInfinite<JobPage>(key, swrFetcher, {
    refreshInterval: (pages) =>
      pages?.some((p) => p.items.some((j) => !isTerminal(j.status))) ? POLL_MS : 0,
    revalidateFirstPage: true,
  });
}

/** One job; stops polling once it reaches a terminal state. */
export function useJob(id: string) {
  return useSWR<JobDetail>(`/api/jobs/${id}`, swrFetcher, {
    refreshInterval: (job) => (job && isTerminal(job.status) ? 0 : POLL_MS),
  });
}

export function useModels() {
  return useSWR<{ models: ModelInfo[]; limits?: { maxUploadBytes: number } }>("/api/models", swrFetcher, { revalidateOnFocus: false });
}

/** A finished job's results; fetched once (results never change). */
export function useJobResult(id: string, ready: boolean) {
  return useSWR<AmrResult>(ready ? `/api/jobs/${id}/results?format=json` : null, swrFetcher, {
    revalidateOnFocus: false,
    revalidateIfStale: false,
  });
}
