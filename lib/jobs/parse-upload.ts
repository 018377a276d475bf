import { createHash } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/units";
import { toDisplayName } from "./display-name";
import type { UploadTemp } from "./upload-temp";
import { KNOWN_FIELDS, normaliseFieldName } from "./upload-fields";

export interface ParsedUpload {
  temp: UploadTemp;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  fields: Record<string, string>;
}

export interface UploadLimits {
  maxBytes: number;
}

const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Streams a multipart upload into a temp file (never the whole body in memory), hashing as it
 * goes. Stops reading as soon as the file passes the limit. The caller owns `temp` afterwards.
 */
export async function parseUpload(req: Request, createTemp: () => Promise<UploadTemp>, limits: UploadLimits): Promise<ParsedUpload> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the genome as multipart/form-data with a `file` field (or JSON {uploadId} as application/json).");
  }
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxBytes + MULTIPART_OVERHEAD) {
    throw uploadTooLarge(limits.maxBytes);
  }
  if (!req.body) throw new AppError("bad_request", "The request has no body.");

  const temp = await createTemp();
  const fields: Record<string, string> = {};
  let fileSeen = false;
  let fileName = "";
  let sizeBytes = 0;
  const hash = createHash("sha256");
  // The file's write pipeline and its file stream. On failure the stream is awaited until closed
  // before the temp file is removed: a stream still opening would re-create the file afterwards.
  let fileDone: Promise<void> = Promise.resolve();
  const out: { file: WriteStream | null } = { file: null };

  try {
    await new Promise<void>((resolve, reject) => {
      let bb: busboy.Busboy;
      try {
        bb = busboy({
          headers: { "content-type": type },
          // busboy reports "limit" on reaching fileSize, not on passing it: one more byte, so a
          // file of exactly the limit is accepted (as the direct-upload path accepts it).
          limits: { files: 1, fileSize: limits.maxBytes + 1, fields: 20, fieldSize: 4096, parts: 24, headerPairs: 50 },
        });
      } catch {
        reject(new AppError("bad_request", "Malformed multipart request."));
        return;
      }
      const body = Readable.fromWeb(req.body as unknown as NodeWebStream<Uint8Array>);
      let fileStream: Readable | null = null;
      const fail = (err: unknown) => {
        body.unpipe(bb);
        body.destroy();
        // Ends the write pipeline too (it rejects), so the caller can wait for it, then clean up.
        // The temp file is destroyed as well, not left to the pipeline: when the whole body had
        // already arrived, destroying the source alone left the pipeline pending for ever (a 413
        // never sent; tests/integration/upload-abuse.test.ts over real HTTP).
        fileStream?.destroy();
        out.file?.destroy();
        reject(err);
      };

      bb.on("field", (name, value, info) => {
        const key = normaliseFieldName(name);
        if (!KNOWN_FIELDS.has(name)) return; // unknown fields (e.g. userId, status) are ignored
        if (info.valueTruncated) return fail(new AppError("bad_request", `Field ${name} is too long.`));
        fields[key] = value;
      });
      bb.on("file", (name, stream, info) => {
        if (name !== "file" || fileSeen) {
          stream.resume();
          return;
        }
        fileSeen = true;
        fileStream = stream;
        fileName = toDisplayName(info.filename);
        const counter = new Transform({
          transform(chunk: Buffer, _enc, cb) {
            sizeBytes += chunk.length;
            hash.update(chunk);
            cb(null, chunk);
          },
        });
        stream.on("limit", () => fail(uploadTooLarge(limits.maxBytes)));
        out.file = createWriteStream(temp.path, { mode: 0o640 });
        fileDone = pipeline(stream, counter, out.file);
        fileDone.catch(fail);
      });
      bb.on("filesLimit", () => undefined);
      bb.on("partsLimit", () => fail(new AppError("bad_request", "Too many form parts.")));
      bb.on("error", () => fail(new AppError("bad_request", "Malformed multipart request.")));
      bb.on("close", () => {
        fileDone.then(() => resolve(), reject);
      });
      body.on("error", () => fail(new AppError("bad_request", "The upload was interrupted.")));
      body.pipe(bb);
    });
    if (!fileSeen) throw new AppError("bad_request", "No file: send the genome in a field named `file`.");
    if (sizeBytes === 0) throw new AppError("invalid_genome", "The file is empty.");
    return { temp, fileName, sizeBytes, sha256: hash.digest("hex"), fields };
  } catch (err) {
    await fileDone.catch(() => undefined);
    const file = out.file;
    // Only "close" (events.once would also settle on the "error" that precedes it).
    if (file && !file.closed) await new Promise<void>((resolve) => file.once("close", () => resolve()));
    await temp.discard();
    throw err;
  }
}

/** The one 413 for a genome over the upload limit, whichever way it came (multipart or direct). */
export function uploadTooLarge(max: number): AppError {
  return new AppError("payload_too_large", `The file is larger than the ${formatBytes(max)} upload limit.`, {
    details: { maxBytes: max },
  });
}
