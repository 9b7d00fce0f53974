import {
  createClickHouse,
  gpuMetrics,
  networkDemand,
  QueryParamsError,
  slaCompliance,
  type Keyset,
  type LpaClickHouse,
} from "@livepeer-analytics/clickhouse";
import { fixed, formatTable, type TextColumn } from "../io/format-table.js";
import { UsageError } from "../usage-error.js";
import { instantOption } from "./archive.js";
import {
  databaseOptionsFrom,
  DB_OPTION_SPECS,
  parseCommandArgs,
  positiveInteger,
} from "./command-args.js";

type Row = { readonly window_start: number };

const field = (r: Row, k: string): unknown => (r as unknown as Record<string, unknown>)[k];

interface QueryContract {
  /** Grain keys in API order (also the filter options, as `--<key>`). */
  readonly keys: readonly string[];
  /** Columns shown by `--format table` after the keys. */
  readonly metrics: readonly string[];
  run(
    db: LpaClickHouse,
    p: Record<string, unknown>,
  ): Promise<{ rows: Row[]; nextCursor: Keyset | null }>;
}

const GPU_KEYS = ["orchestrator_address", "pipeline", "model_id", "gpu_id", "region"];

/** The three serving contracts of serving.md §8.5–§8.7 by command name. */
const CONTRACTS: Record<string, QueryContract> = {
  "gpu-metrics": {
    keys: GPU_KEYS,
    metrics: [
      "status_samples",
      "avg_output_fps",
      "jitter_coeff_fps",
      "known_sessions",
      "failure_rate",
    ],
    run: (db, p) => gpuMetrics(db, p as Parameters<typeof gpuMetrics>[1]),
  },
  "network-demand": {
    keys: ["gateway", "region", "pipeline", "model_id"],
    metrics: [
      "total_sessions",
      "status_samples",
      "known_sessions",
      "unserved_sessions",
      "success_ratio",
      "fee_payment_wei",
    ],
    run: (db, p) => networkDemand(db, p as Parameters<typeof networkDemand>[1]),
  },
  "sla-compliance": {
    keys: GPU_KEYS,
    metrics: [
      "known_sessions",
      "unexcused_sessions",
      "swapped_sessions",
      "health_completeness_ratio",
      "sla_score",
    ],
    run: (db, p) => slaCompliance(db, p as Parameters<typeof slaCompliance>[1]),
  },
};

function cell(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : fixed(v, 4);
  if (typeof v === "string") return v;
  return v === null || v === undefined ? "-" : JSON.stringify(v);
}

function columns(c: QueryContract): TextColumn<Row>[] {
  return [
    {
      header: "window_start",
      cell: (r) => new Date(r.window_start).toISOString().replace(".000Z", "Z"),
    },
    ...c.keys.map((k) => ({
      header: k,
      cell: (r: Row) => (field(r, k) === "" ? '""' : cell(field(r, k))),
    })),
    ...c.metrics.map((m) => ({ header: m, cell: (r: Row) => cell(field(r, m)), right: true })),
  ];
}

/**
 * `lpa query gpu-metrics|network-demand|sla-compliance [--from T] [--to T] [--granularity G]
 * [--limit N] [--all] [--format table|json] [--<grain key> VALUE]… [--db PATH | --url URL]`:
 * prints the API rows (default window: the last 24 hours; `--all` follows the cursor).
 */
export async function queryCommand(args: readonly string[], now = Date.now()): Promise<number> {
  const [name, ...rest] = args;
  const contract = name === undefined ? undefined : CONTRACTS[name];
  if (contract === undefined)
    throw new UsageError(`query needs one of: ${Object.keys(CONTRACTS).join(", ")}`);
  const filterSpecs = Object.fromEntries(
    contract.keys.map((k) => [k.replace(/_/g, "-"), { type: "string" as const }]),
  );
  const { values, positionals } = parseCommandArgs(rest, {
    ...DB_OPTION_SPECS,
    ...filterSpecs,
    from: { type: "string" },
    to: { type: "string" },
    granularity: { type: "string" },
    limit: { type: "string" },
    all: { type: "boolean" },
    format: { type: "string" },
  });
  if (positionals.length > 0) throw new UsageError("query takes one contract name");
  const format = values["format"] ?? "table";
  if (format !== "table" && format !== "json")
    throw new UsageError("--format must be table or json");
  const end = values["to"] === undefined ? now : instantOption(values["to"], "to");
  const start =
    values["from"] === undefined ? end - 86_400_000 : instantOption(values["from"], "from");
  const filters = Object.fromEntries(
    contract.keys.flatMap((k) => {
      const v = values[k.replace(/_/g, "-")];
      return typeof v === "string" ? [[k, v]] : [];
    }),
  );
  const base = {
    start,
    end,
    filters,
    ...(typeof values["granularity"] === "string" ? { granularity: values["granularity"] } : {}),
    ...(positiveInteger(values, "limit") !== undefined
      ? { limit: positiveInteger(values, "limit") }
      : {}),
  };
  const db = await createClickHouse({ ...databaseOptionsFrom(values), readOnly: true });
  try {
    const rows: Row[] = [];
    let cursor: Keyset | null = null;
    do {
      const page = await contract.run(db, cursor === null ? base : { ...base, cursor });
      rows.push(...page.rows);
      cursor = page.nextCursor;
    } while (values["all"] === true && cursor !== null);
    if (format === "json") for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
    else process.stdout.write(`${formatTable(rows, columns(contract))}\n`);
    if (values["all"] !== true && cursor !== null)
      process.stderr.write("(more rows: raise --limit or pass --all)\n");
    return 0;
  } catch (e) {
    if (e instanceof QueryParamsError) throw new UsageError(e.message);
    throw e;
  } finally {
    await db.close();
  }
}
