import { attachmentHeader } from "@/lib/http/content-disposition";
import { clientHas } from "@/lib/http/etag";
import { matrixTable, toCsv, toTsv } from "./export-table";
import type { MatrixAnswer } from "./matrix-service";
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
 * The matrix as JSON (revalidated by ETag: an unchanged collection costs a 304) or as a download.
 * Shared by the owner's route and the share-link route; `headers` adds theirs (e.g. noindex).
 */
export async function matrixResponse(
  req: Request,
  name: string,
  answer: MatrixAnswer,
  format: MatrixFormat,
  headers: Record<string, string> = {},
): Promise<Response> {
  const etag = answer.etag.replace(/"$/, `-${format}"`);
  const common = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Cookie", ...headers };
  if (clientHas(req, etag)) return new Response(null, { status: 304, headers: common });
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
