// The batch's collection (--collection NAME): made (or reused) before the first upload, filled
// by the uploads themselves (collection_id), and its matrix downloaded at the end.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { ApiError, type ApiClient } from "./api-client";

interface Collection {
  id: string;
  name: string;
}

/** Creates the collection, or reuses the caller's collection of that name (a re-run of the batch). */
export async function ensureCollection(api: ApiClient, name: string): Promise<Collection> {
  try {
    return await api.json<Collection>("/api/collections", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name }) });
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 409)) throw err;
    const { collections } = await api.json<{ collections: Collection[] }>("/api/collections");
    const existing = collections.find((c) => c.name === name.trim());
    if (!existing) throw err;
    return existing;
  }
}

/** Writes the collection's genome × antibiotic matrix (TSV) and its workbook (XLSX) into `out`. */
export async function downloadMatrix(api: ApiClient, id: string, out: string): Promise<string[]> {
  const written: string[] = [];
  for (const format of ["tsv", "xlsx"] as const) {
    const res = await api.request(`/api/collections/${id}/matrix?format=${format}`);
    const file = path.join(out, `collection.${format}`);
    await writeFile(file, Buffer.from(await res.arrayBuffer()));
    written.push(file);
  }
  return written;
}
