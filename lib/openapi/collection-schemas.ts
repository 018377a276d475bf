// Zod schemas of what the collection and share routes answer, tied to their TypeScript types
// at compile time like response-schemas.ts.
import { z } from "zod";
import type { CollectionDto } from "@/lib/collections/dto";
import type { ShareLinkDto } from "@/lib/shares/dto";
import { jobDetailSchema } from "./response-schemas";

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Assert<T extends true> = T;

const isoDate = z.iso.datetime();

export const collectionSchema = z
  .object({ id: z.uuid(), name: z.string(), createdAt: isoDate, updatedAt: isoDate, jobCount: z.int() })
  .meta({ id: "Collection" });

export const membersResultSchema = z.object({ added: z.int(), removed: z.int(), jobCount: z.int() });

const member = z.object({ id: z.uuid(), name: z.string(), status: z.string(), progress: z.number() });
export const matrixSchema = z
  .object({
    counts: z.object({ total: z.int(), completed: z.int(), failed: z.int(), running: z.int(), cancelled: z.int() }),
    members: z.array(member),
    classes: z.array(z.string()),
    antibiotics: z.array(z.object({ name: z.string(), class: z.string(), resistant: z.int() })),
    genes: z.array(z.object({ name: z.string(), class: z.string(), present: z.int() })),
    rows: z.array(
      z.object({
        jobId: z.uuid(),
        name: z.string(),
        status: z.string(),
        resistant: z.record(z.string(), z.array(z.string())).meta({ description: "Antibiotic column index → the genes behind the resistance call; absent: not detected." }),
        identity: z.record(z.string(), z.number()).meta({ description: "Gene column index → best identity (%); absent: not found." }),
      }),
    ),
    unreadable: z.array(z.object({ jobId: z.uuid(), name: z.string() })),
    purged: z.array(z.object({ jobId: z.uuid(), name: z.string(), purgedAt: isoDate })),
  })
  .meta({ id: "CollectionMatrix" });

export const shareLinkSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["job", "collection"]),
    targetId: z.uuid(),
    targetName: z.string(),
    status: z.enum(["active", "expired", "revoked"]),
    showOwner: z.boolean(),
    createdAt: isoDate,
    expiresAt: isoDate.nullable(),
  })
  .meta({ id: "ShareLink" });

export const createdShareSchema = z.object({
  link: shareLinkSchema,
  token: z.string().meta({ description: "Shown once; only its SHA-256 is stored." }),
  path: z.string().meta({ description: "The share page: /s/{token}." }),
});

export const sharedViewSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("job"), owner: z.string().nullable(), expiresAt: isoDate.nullable(), job: jobDetailSchema }),
  z.object({ kind: z.literal("collection"), owner: z.string().nullable(), expiresAt: isoDate.nullable(), collection: z.object({ name: z.string(), jobCount: z.int() }) }),
]);

export type CollectionSchemasInSync = [Assert<Same<z.infer<typeof collectionSchema>, CollectionDto>>, Assert<Same<z.infer<typeof shareLinkSchema>, ShareLinkDto>>];
