// Same-origin API calls of the dashboard: every page of a window, following next_cursor.

/** One API row as JSON (window_start as RFC 3339 text). */
export type ApiRow = Readonly<Record<string, unknown>> & { readonly window_start: string };

interface Envelope {
  readonly data: ApiRow[];
  readonly pagination: { readonly next_cursor: string | null; readonly has_more: boolean };
}

interface Problem {
  readonly detail?: string;
  readonly invalid_params?: ReadonlyArray<{ name: string; reason: string }>;
}

/** An API answer other than 200, with the problem's detail. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** At most this many pages per endpoint and refresh (1000 rows each). */
export const MAX_PAGES = 100;

/** Every row of `path` for `params` (all pages, up to {@link MAX_PAGES}); `truncated` if more. */
export async function fetchAll(
  path: string,
  params: Readonly<Record<string, string>>,
  signal: AbortSignal,
): Promise<{ rows: ApiRow[]; truncated: boolean }> {
  const rows: ApiRow[] = [];
  let query = new URLSearchParams({ ...params, limit: "1000" });
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await fetch(`${path}?${query.toString()}`, {
      signal,
      headers: { accept: "application/json" },
    });
    if (!res.ok) {
      const p = (await res.json().catch(() => ({}))) as Problem;
      const why = p.invalid_params?.map((i) => `${i.name}: ${i.reason}`).join("; ") ?? p.detail;
      throw new ApiError(res.status, `${path}: ${res.status} ${why ?? res.statusText}`);
    }
    const body = (await res.json()) as Envelope;
    rows.push(...body.data);
    const next = body.pagination.next_cursor;
    if (next === null) return { rows, truncated: false };
    query = new URLSearchParams({ cursor: next, limit: "1000" });
  }
  return { rows, truncated: true };
}
