import { LRUCache } from "lru-cache";
import { readResultJson } from "@/lib/jobs/read-result";
import type { Storage } from "@/lib/storage";
import { summariseResult, type GenomeCalls } from "./matrix";

export interface FinishedMember {
  id: string;
  status: string;
  version: number;
  resultFilePath: string | null;
}

// A job's summary never changes for a given row version (archiving bumps it), so summaries are
// kept per job+version: adding one genome to a 1 000-genome collection reads one file, not 1 000.
const summaries = new LRUCache<string, GenomeCalls>({ max: 20_000 });
const READ_CONCURRENCY = 8;

/** Each finished member's summary, or null when its results cannot be read. */
export async function readMemberCalls(storage: Storage, members: readonly FinishedMember[]): Promise<Map<string, GenomeCalls | null>> {
  const out = new Map<string, GenomeCalls | null>();
  let next = 0;
  async function worker() {
    while (next < members.length) {
      const m = members[next++];
      const key = `${m.id}:${m.version}`;
      let calls = summaries.get(key) ?? null;
      if (!calls) {
        const result = await readResultJson(storage, m);
        calls = result && Array.isArray(result.phenotypes) && Array.isArray(result.genes) ? summariseResult(result) : null;
        if (calls) summaries.set(key, calls);
      }
      out.set(m.id, calls);
    }
  }
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, members.length) }, worker));
  return out;
}

/** Tests only: start from an empty summary cache. */
export function clearSummaryCache(): void {
  summaries.clear();
}
