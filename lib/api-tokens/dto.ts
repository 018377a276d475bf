import type { ApiToken } from "@/generated/prisma/client";

export type ApiTokenStatus = "active" | "expired" | "revoked";

/** What the browser sees of a token: never its hash, never the secret after creation. */
export interface ApiTokenDto {
  id: string;
  name: string;
  prefix: string;
  status: ApiTokenStatus;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export function tokenStatus(row: Pick<ApiToken, "revokedAt" | "expiresAt">, now: Date): ApiTokenStatus {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export function toApiTokenDto(row: ApiToken, now = new Date()): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    status: tokenStatus(row, now),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
