import type { Db } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { limitKeys, POLICIES } from "@/lib/rate-limit/policies";
import { consume } from "@/lib/rate-limit/store";
import { resolveShare, type ShareTarget } from "./resolve";

/** Share pages must never be indexed, and their URL (the token) never leaves as a Referer. */
export const SHARE_HEADERS = { "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer" } as const;

/**
 * Every request through a share link: counted against the caller's address first (so guessing
 * tokens is bounded, and unknown tokens cost the same as known ones), then resolved.
 */
export async function openShare(db: Db, headers: Headers, token: string, now = new Date()): Promise<ShareTarget> {
  await consume(db, limitKeys.shareIp(clientIp(headers)), POLICIES.sharePerIp, now, "Too many requests for shared pages from this address. Try again in a few minutes.");
  return resolveShare(db, token, now);
}
