import type { Db } from "@/lib/db";
export type RetentionStatus = "Completed" | "Error" | "Cancelled" | "Archived";

const select = {
  id: true,
  status: true,
  version: true,
  createdAt: true,
  completedAt: true,
  archivedAt: true,
  inputFilePath: true,
  resultFilePath: true,
} as const;

export interface CandidateRow {
  id: string;
  status: string;
  version: number;
  createdAt: Date;
  completedAt: Date | null;
  archivedAt: Date | null;
  inputFilePath: string | null;
  resultFilePath: string | null;
}

/**
 * Pages of rows in `status` old enough that retention could apply, oldest first, keyset-paged on
 * (date, id) so memory stays at one page however many rows match and rows changed by the previous
 * page never shift the next. The pure policy decides what each row is due for; this is only a
 * pre-filter. Rows missing the date (hand-edited) come in a last pass, for the policy to judge.
 */
export async function* candidatePages(db: Db, status: RetentionStatus, cutoff: Date, pageSize: number): AsyncGenerator<CandidateRow[]> {
  const field = status === "Archived" ? "archivedAt" : "completedAt";
  let after: { date: Date; id: string } | null = null;
  for (;;) {
    const page: CandidateRow[] = await db.amrJob.findMany({
      where: {
        status,
        [field]: { lte: cutoff },
        ...(after ? { OR: [{ [field]: { gt: after.date } }, { [field]: after.date, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ [field]: "asc" }, { id: "asc" }],
      take: pageSize,
      select,
    });
    if (page.length === 0) break;
    yield page;
    const last = page[page.length - 1];
    after = { date: last[field] as Date, id: last.id };
    if (page.length < pageSize) break;
  }
  let lastId: string | null = null;
  for (;;) {
    const page: CandidateRow[] = await db.amrJob.findMany({
      where: { status, [field]: null, ...(lastId ? { id: { gt: lastId } } : {}) },
      orderBy: { id: "asc" },
      take: pageSize,
      select,
    });
    if (page.length === 0) break;
    yield page;
    lastId = page[page.length - 1].id;
    if (page.length < pageSize) break;
  }
}
