import { MAX_MEMBER_IDS, type MembersResult } from "./collections-client";

/** Sends a long selection in calls of at most `size` ids, one after the other; sums the answers. */
export async function sendInChunks(ids: string[], send: (chunk: string[]) => Promise<MembersResult>, size = MAX_MEMBER_IDS): Promise<MembersResult> {
  const total: MembersResult = { added: 0, removed: 0, jobCount: 0 };
  for (let i = 0; i < ids.length; i += size) {
    const r = await send(ids.slice(i, i + size));
    total.added += r.added;
    total.removed += r.removed;
    total.jobCount = r.jobCount;
  }
  return total;
}

const jobs = (n: number) => `${n} ${n === 1 ? "job" : "jobs"}`;

/** The sentence shown after adding or removing: what changed, what was already so, the new size. */
export function membersMessage(action: "add" | "remove", requested: number, result: MembersResult, name: string): string {
  const changed = action === "add" ? result.added : result.removed;
  const unchanged = requested - changed;
  const head = action === "add" ? `Added ${jobs(changed)} to “${name}”` : `Removed ${jobs(changed)} from “${name}”`;
  const note = unchanged > 0 ? (action === "add" ? ` (${unchanged} already in it)` : ` (${unchanged} not in it)`) : "";
  return `${head}${note}; it now holds ${jobs(result.jobCount)}.`;
}
