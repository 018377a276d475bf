// A small client of the job API for scripts: Bearer token, JSON errors turned into messages,
// and 429/503 answered by waiting the server's Retry-After before trying again.

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ApiClient {
  request(path: string, init?: RequestInit): Promise<Response>;
  json<T>(path: string, init?: RequestInit): Promise<T>;
}

export function apiClient(baseUrl: string, token: string, opts: { maxRetries?: number } = {}): ApiClient {
  const base = baseUrl.replace(/\/+$/, "");
  const maxRetries = opts.maxRetries ?? 8;

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const headers = new Headers(init.headers);
      headers.set("authorization", `Bearer ${token}`);
      const res = await fetch(`${base}${path}`, { ...init, headers });
      // Busy (503) or over a limit (429, e.g. too many unfinished jobs): wait as told, then retry.
      if ((res.status === 429 || res.status === 503) && attempt < maxRetries) {
        const wait = Math.min(120, Number(res.headers.get("retry-after")) || 2 ** attempt);
        await res.body?.cancel();
        await sleep(wait * 1000);
        continue;
      }
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new ApiError(res.status, body?.error?.message ?? `HTTP ${res.status}`);
      }
      return res;
    }
  }

  return {
    request,
    json: async <T>(path: string, init?: RequestInit) => (await (await request(path, init)).json()) as T,
  };
}
