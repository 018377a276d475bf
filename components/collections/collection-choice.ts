import { ApiError } from "@/components/api/client";
import { createCollection } from "./collections-client";

/** What the upload form's "Add to collection" holds. */
export type CollectionChoice = { mode: "none" } | { mode: "existing"; id: string } | { mode: "new"; name: string };

export const NAME_MAX = 100;

/** The problem with a new collection's name, as the server would say it; null when fine. */
export function collectionNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return "Name the new collection.";
  if (trimmed.length > NAME_MAX) return `At most ${NAME_MAX} characters.`;
  return null;
}

/**
 * The collection id a batch's uploads carry: a new collection is created here, once, before any
 * file is sent (so a refused name costs no upload). Throws ApiError (409 → fields.name).
 */
export async function resolveCollection(choice: CollectionChoice, create = createCollection): Promise<string | null> {
  if (choice.mode === "none") return null;
  if (choice.mode === "existing") return choice.id;
  const problem = collectionNameProblem(choice.name);
  if (problem) throw new ApiError(400, problem, { code: "validation_failed", fields: { name: problem } });
  return (await create(choice.name)).id;
}
