import http from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface RouteServer {
  url: string;
  /** Body bytes the handler pulled from the socket, per request, in arrival order (taken when it answered). */
  bodyBytesRead: number[];
  /** Resolves once every request received so far has been fully handled (its handler returned). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real HTTP server around one route handler, as `next start` runs it: the request body is a
 * stream the handler pulls from, one socket read at a time (chunked and Content-Length framing
 * are Node's own), so what the handler reads is counted exactly. After answering, the rest of
 * the body is drained and the connection closed.
 */
export async function serveRoute(handler: Handler): Promise<RouteServer> {
  const bodyBytesRead: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    const done = handle(req, res);
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let read = 0;
    // Pull-based: nothing is read from the socket until the handler asks for it.
    const chunks = req.iterator({ destroyOnReturn: false });
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const next = await chunks.next().catch(() => ({ done: true as const, value: undefined }));
          if (next.done) return controller.close();
          read += (next.value as Buffer).length;
          controller.enqueue(new Uint8Array(next.value as Buffer));
        },
        async cancel() {
          await chunks.return?.();
        },
      },
      { highWaterMark: 0 },
    );
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      ...(hasBody ? { body, duplex: "half" } : {}),
    } as RequestInit);
    let response: Response;
    try {
      response = await handler(request, { params: Promise.resolve({}) });
    } catch {
      response = new Response("handler threw", { status: 500 });
    }
    bodyBytesRead.push(read);
    const payload = Buffer.from(await response.arrayBuffer());
    if (res.destroyed) return; // Node's parser already answered (e.g. garbage after a false Content-Length)
    req.resume();
    res.writeHead(response.status, { ...Object.fromEntries(response.headers), connection: "close", "content-length": String(payload.length) });
    res.end(payload, () => req.socket.destroySoon());
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodyBytesRead,
    settled: async () => {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
