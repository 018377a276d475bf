import type { EngineProgress } from "@/lib/amr/types";
import type { Db } from "@/lib/db";
import { failPoint } from "@/lib/failpoints";
import { updateJobProgress } from "../job-repository";
import type { JobProgressInfo } from "../types";
import type { Clock } from "./clock";

/** Share of the bar each phase owns: reading and indexing are quick, the search is the bulk. */
const SEARCH_START = 3;
const SEARCH_END = 97;

export function progressPercent(p: EngineProgress): number {
  if (p.basesTotal <= 0 || p.phase === "reading" || p.phase === "loading") return p.phase === "reading" ? 1 : 2;
  const fraction = Math.min(1, p.basesDone / p.basesTotal);
  return Math.round((SEARCH_START + (SEARCH_END - SEARCH_START) * fraction) * 10) / 10;
}

/**
 * The original DatabaseProgressTracker: writes at most once per `minIntervalMs`, never moves
 * backwards, and is fenced by the lease token. A refused write means the lease was lost.
 */
export class DatabaseProgressTracker {
  private lastWriteAt = -Infinity;
  private lastPercent = 0;
  private searchStartedAt: number | null = null;
  private pending: Promise<void> = Promise.resolve();
  leaseLost = false;

  constructor(
    private readonly db: Db,
    private readonly jobId: string,
    private readonly leaseToken: string,
    private readonly clock: Clock,
    private readonly onLeaseLost: () => void,
    private readonly minIntervalMs = 1000,
  ) {}

  /** Called from the engine's progress callback; never blocks the engine. */
  report(p: EngineProgress): void {
    const now = this.clock.now().getTime();
    const percent = progressPercent(p);
    if (p.basesDone > 0 && this.searchStartedAt === null) this.searchStartedAt = now;
    if (percent <= this.lastPercent || now - this.lastWriteAt < this.minIntervalMs) return;
    this.lastWriteAt = now;
    this.lastPercent = percent;
    const info: JobProgressInfo = {
      phase: p.phase,
      segmentsDone: p.segmentsDone,
      segmentsTotal: p.segmentsTotal,
      basesDone: p.basesDone,
      basesTotal: p.basesTotal,
      etaSeconds: this.eta(p, now),
    };
    this.pending = this.pending.then(async () => {
      if (this.leaseLost) return;
      const ok = await updateJobProgress(this.db, this.jobId, {
        leaseToken: this.leaseToken,
        progress: percent,
        additionalInfo: info,
        now: new Date(now),
      });
      if (!ok) {
        this.leaseLost = true;
        this.onLeaseLost();
      } else failPoint("job:progress", percent);
    });
  }

  /** Waits for the last queued write, so a completion is never overtaken by a late progress write. */
  flush(): Promise<void> {
    return this.pending.catch(() => undefined);
  }

  private eta(p: EngineProgress, now: number): number | null {
    if (this.searchStartedAt === null || p.basesDone <= 0 || p.basesTotal <= 0) return null;
    const elapsed = (now - this.searchStartedAt) / 1000;
    const fraction = p.basesDone / p.basesTotal;
    if (elapsed <= 0 || fraction <= 0) return null;
    return Math.max(0, Math.round((elapsed / fraction) * (1 - fraction)));
  }
}
