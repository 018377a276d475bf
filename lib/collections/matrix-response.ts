import type { Db } from "@/lib/db";
import { attachmentHeader } from "@/lib/http/content-disposition";
import { clientHas } from "@/lib/http/etag";
import type { Storage } from "@/lib/storage";
import { matrixTable, toCsv, toTsv } from "./export-table";
import { collectionMatrix, matrixEtag } from "./matrix-service";
import type { MatrixFormat } from "./schemas";
import { matrixWorkbook } from "./workbook";

const TYPES: Record<Exclude<MatrixFormat, "json">, string> = {
  tsv: "text/tab-separated-values; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function fileStem(name: string): string {
  return name.replace(/[\\/\u0000-\u001f\u007f"]/g, "_").slice(0, 100) || "collection";
}

/**
 * The matrix as JSON (revalidated by ETag: an unchanged collection costs a 304, answered before
 * the matrix is built or read from the cache) or as a download. Shared by the owner's route and
 * the share-link route, for a collection the caller has already checked.
 */
export async function matrixResponse(
  req: Request,
  db: Db,
  storage: Storage,
  collection: { id: string; name: string },
  format: MatrixFormat,
): Promise<Response> {
  const version = await matrixEtag(db, collection.id);
  const etag = version.replace(/"$/, `-${format}"`);
  const common = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Cookie" };
  if (clientHas(req, etag)) return new Response(null, { status: 304, headers: common });
  const answer = await collectionMatrix(db, storage, collection.id, version);
  const name = collection.name;
  if (format === "json") return Response.json(answer.matrix, { headers: common });
  const body =
    format === "xlsx"
      ? new Uint8Array(await matrixWorkbook(name, answer.matrix))
      : format === "csv"
        ? toCsv(matrixTable(answer.matrix))
        : toTsv(matrixTable(answer.matrix));
  return new Response(body, {
    headers: {
      ...common,
      "Content-Type": TYPES[format],
      "Content-Disposition": attachmentHeader(`${fileStem(name)}.resistance.${format}`),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
