// Abusive uploads, framed byte for byte (tests/integration/upload-abuse.test.ts, npm run bench:upload-abuse).
import net from "node:net";
import { gzipSync } from "node:zlib";

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Body bytes this client managed to send before the server answered or closed. */
  sent: number;
}

const BOUNDARY = "----amr-abuse-boundary";
export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** A multipart body with one `file` part, generated lazily from the file's chunks (never whole in memory). */
export async function* multipartFile(file: AsyncIterable<Buffer> | Iterable<Buffer>, fileName = "genome.fa"): AsyncGenerator<Buffer> {
  yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  for await (const chunk of file) yield chunk;
  yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
}

/** The byte length multipartFile adds around a file. */
export const MULTIPART_FRAMING = Buffer.byteLength(
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="genome.fa"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--${BOUNDARY}--\r\n`,
);

/** `bytes` of valid FASTA (a header, then 79-base lines), in 64 KiB chunks; Infinity never ends. */
export function* fastaBytes(bytes: number): Generator<Buffer> {
  const line = Buffer.from("ACGT".repeat(20).slice(0, 79) + "\n");
  const block = Buffer.concat([Buffer.from(">c1\n"), ...Array.from({ length: 820 }, () => line)]).subarray(0, 64 * 1024);
  const rest = Buffer.concat(Array.from({ length: 830 }, () => line)).subarray(0, 64 * 1024);
  let left = bytes;
  let first = true;
  while (left > 0) {
    const chunk = (first ? block : rest).subarray(0, Math.min(64 * 1024, left));
    first = false;
    left -= chunk.length;
    yield chunk;
  }
}

/** Resolves when the socket can take more, or the server has answered or hung up. */
function writable(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const e of ["drain", "close", "data"]) socket.off(e, done);
      resolve();
    };
    for (const e of ["drain", "close", "data"]) socket.on(e, done);
  });
}

/**
 * POSTs a body over a raw socket, so the framing is exactly what a client chose: a true
 * Content-Length, a false one, or chunked with none. Stops sending as soon as the server answers
 * or closes, and returns what it said.
 */
export function rawPost(
  url: string,
  opts: { headers: Record<string, string>; body: AsyncIterable<Buffer>; framing: "chunked" | { contentLength: number } },
): Promise<RawResponse> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const received: Buffer[] = [];
    let sent = 0;
    let answered = false;
    socket.on("data", (d) => {
      received.push(d);
      answered = true;
    });
    socket.on("error", () => undefined); // EPIPE/ECONNRESET once the server hangs up mid-body: expected
    socket.on("close", () => {
      const text = Buffer.concat(received).toString("utf8");
      const split = text.indexOf("\r\n\r\n");
      if (split < 0) return reject(new Error(`no HTTP response (sent ${sent} bytes)`));
      const [statusLine, ...lines] = text.slice(0, split).split("\r\n");
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: text.slice(split + 4), sent });
    });
    socket.on("connect", async () => {
      const framing = opts.framing === "chunked" ? { "transfer-encoding": "chunked" } : { "content-length": String(opts.framing.contentLength) };
      const head = Object.entries({ host: `${hostname}:${port}`, ...opts.headers, ...framing })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join("");
      socket.write(`POST ${pathname} HTTP/1.1\r\n${head}\r\n`);
      try {
        for await (const chunk of opts.body) {
          if (answered || socket.destroyed || socket.writableEnded) break;
          const framed = opts.framing === "chunked" ? [Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")] : [chunk];
          sent += chunk.length;
          if (!socket.write(Buffer.concat(framed))) await writable(socket);
        }
        if (!answered && !socket.destroyed && opts.framing === "chunked") socket.write("0\r\n\r\n");
        // Answered early: stop sending and say so (the server then closes the connection).
        if (answered && !socket.destroyed) socket.end();
      } catch {
        // the socket went away mid-write: the response (or its absence) is what counts
      }
    });
  });
}

/**
 * A gzip bomb: `members` gzip members of 1 MiB of FASTA lines each (Node's gunzip reads
 * multi-member files). Deflate tops out near 1000:1 (these lines reach ~290:1), so ~3.6 KB per
 * MiB inflated: 14 members are a ~50 KB file, 10 240 members inflate to 10 GiB from ~37 MB.
 */
export function* gzipBomb(members: number): Generator<Buffer> {
  const line = "ACGT".repeat(20).slice(0, 79) + "\n";
  const lines = line.repeat(13_273); // 1 MiB (+ a few bytes)
  const first = gzipSync(Buffer.from(">bomb\n" + lines), { level: 9 });
  const member = gzipSync(Buffer.from(lines), { level: 9 });
  yield first;
  for (let i = 1; i < members; i++) yield member;
}
