import { getEnv } from "@/lib/env";

/**
 * The client address for rate limits. `next start` puts the socket address in X-Forwarded-For
 * only when the request has none, so without a trusted proxy (TRUST_PROXY_HOPS=0) the value
 * can be forged: per-IP limits then only slow honest clients' mistakes, and the per-account
 * limit is what stops guessing. Behind N proxies that each append, the Nth entry from the
 * right is the one the first trusted proxy saw.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>, hops = getEnv().TRUST_PROXY_HOPS): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw ?? "";
  const list = value.split(",").map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) return "unknown";
  const index = Math.max(0, list.length - Math.max(1, hops));
  return list[index].slice(0, 64);
}
