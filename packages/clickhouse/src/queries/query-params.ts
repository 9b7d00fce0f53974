import { MAX_TIMESTAMP_MS, normalizeAddress } from "@livepeer-analytics/core";
import { z } from "zod";

/** Longest accepted window, `end − start` (serving.md §8.1): 31 days in ms. */
export const MAX_WINDOW_MS = 31 * 86_400_000;

/** Page size when `limit` is absent (serving.md §8.1). */
export const DEFAULT_LIMIT = 50;

/** Largest accepted page size (serving.md §8.1). */
export const MAX_LIMIT = 1000;

/** A time bound: epoch ms (integer) or a `Date`, in [0, MAX_TIMESTAMP_MS]. */
export const EpochMsInputSchema = z
  .union([z.number(), z.date()])
  .transform((v) => (typeof v === "number" ? v : v.getTime()))
  .pipe(z.number().int("must be an integer epoch ms").min(0).max(MAX_TIMESTAMP_MS));

/** An exact-match filter value on a grain key; `""` matches the empty key. */
export const FilterValueSchema = z.string();

/** `orchestrator_address` filter: Java-trimmed and lowercased before matching (D4). */
export const AddressFilterSchema = z.string().transform(normalizeAddress);

/**
 * Filters of the two GPU-grain contracts (GPU metrics and SLA compliance, serving.md §8.5,
 * §8.7): exact match on (orchestrator_address, pipeline, model_id, gpu_id, region).
 */
export const GpuGrainFiltersSchema = z
  .strictObject({
    orchestrator_address: AddressFilterSchema.optional(),
    pipeline: FilterValueSchema.optional(),
    model_id: FilterValueSchema.optional(),
    gpu_id: FilterValueSchema.optional(),
    region: FilterValueSchema.optional(),
  })
  .default({});

/** A decoded keyset cursor `{ w, k }` (serving.md §8.3): rows after it form the next page. */
export const KeysetSchema = z
  .strictObject({
    w: z.number().int().min(0).max(MAX_TIMESTAMP_MS),
    k: z.array(z.string()).readonly(),
  })
  .readonly();

/**
 * The fields every serving query takes besides its granularity and filters: the window
 * `start`/`end` (rows with `start ≤ window_start < end`), `limit` (1..1000, default 50) and an
 * optional decoded `cursor`.
 */
export const windowShape = {
  start: EpochMsInputSchema,
  end: EpochMsInputSchema,
  limit: z.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  cursor: KeysetSchema.optional(),
};

interface WindowFields {
  readonly start: number;
  readonly end: number;
  readonly cursor?: { readonly k: readonly string[] } | undefined;
}

/**
 * Cross-field checks (serving.md §8.1): `start < end`, `end − start ≤ 31 days`, and a cursor key
 * tuple with one value per grain key.
 */
export function checkWindow(keyCount: number) {
  return (p: WindowFields, ctx: z.RefinementCtx): void => {
    if (p.start >= p.end)
      ctx.addIssue({ code: "custom", path: ["start"], message: "start must be before end" });
    else if (p.end - p.start > MAX_WINDOW_MS)
      ctx.addIssue({ code: "custom", path: ["end"], message: "window longer than 31 days" });
    if (p.cursor !== undefined && p.cursor.k.length !== keyCount)
      ctx.addIssue({
        code: "custom",
        path: ["cursor", "k"],
        message: `cursor must hold ${keyCount} keys`,
      });
  };
}

/** One rejected parameter: its name (dotted path) and why. */
export interface InvalidParam {
  readonly name: string;
  readonly reason: string;
}

/**
 * Invalid query parameters (a caller error: retrying cannot help). `invalidParams` lists each
 * problem, ready for an RFC 7807 `invalid_params` array (serving.md §8.4).
 */
export class QueryParamsError extends Error {
  override readonly name = "QueryParamsError";
  readonly retryable = false;
  constructor(readonly invalidParams: readonly InvalidParam[]) {
    super(
      `invalid query parameters: ${invalidParams.map((p) => `${p.name}: ${p.reason}`).join("; ")}`,
    );
  }
}

/** One zod issue as invalid parameters: an unknown key names that key. */
function invalidParamsOf(issue: z.core.$ZodIssue): InvalidParam[] {
  const at = issue.path.map(String);
  if (issue.code === "unrecognized_keys")
    return issue.keys.map((k) => ({ name: [...at, k].join("."), reason: "unknown parameter" }));
  return [{ name: at.join(".") || "(params)", reason: issue.message }];
}

/** Parses `input` with `schema`, throwing {@link QueryParamsError} on failure. */
export function parseParams<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new QueryParamsError(r.error.issues.flatMap(invalidParamsOf));
}
