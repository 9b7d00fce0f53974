/**
 * Where an archive lives: a local directory (`file:///abs/dir` or `file://rel/dir`) or an
 * S3-compatible bucket prefix (`s3://bucket/prefix`, path-style against `endpoint`).
 */
export type ArchiveLocation =
  | { readonly kind: "file"; readonly dir: string }
  | {
      readonly kind: "s3";
      readonly bucket: string;
      readonly prefix: string;
      readonly endpoint: string;
      readonly accessKeyId: string;
      readonly secretAccessKey: string;
    };

/** S3 connection settings for `s3://` locations. */
export interface S3Credentials {
  /** e.g. `http://127.0.0.1:9000` (path-style requests). */
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** Characters allowed in archive paths: they are spliced into SQL string literals. */
const SAFE_PATH = /^[A-Za-z0-9_./=:@+-]*$/;

/** Raised for an unusable archive location. */
export class ArchiveLocationError extends Error {
  override readonly name = "ArchiveLocationError";
}

/** Parses `file://DIR` or `s3://bucket/prefix` (S3 needs `s3`). */
export function parseArchiveLocation(uri: string, s3?: S3Credentials): ArchiveLocation {
  if (uri.startsWith("file://")) {
    const dir = uri.slice("file://".length).replace(/\/+$/, "");
    return { kind: "file", dir: safe(dir === "" ? "." : dir) };
  }
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(uri);
  if (m !== null) {
    if (s3 === undefined)
      throw new ArchiveLocationError(
        "s3:// needs an endpoint and credentials (LPA_S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)",
      );
    return {
      kind: "s3",
      bucket: m[1] as string,
      prefix: safe((m[2] ?? "").replace(/\/+$/, "")),
      endpoint: safe(s3.endpoint.replace(/\/+$/, "")),
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    };
  }
  throw new ArchiveLocationError(
    `archive location must be file://DIR or s3://bucket/prefix: ${uri}`,
  );
}

function safe(path: string): string {
  if (!SAFE_PATH.test(path) || path.split("/").includes(".."))
    throw new ArchiveLocationError(`unsupported characters in archive path: ${path}`);
  return path;
}

/** A ClickHouse string literal (single quotes, backslash-escaped). */
export function sqlString(s: string): string {
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/**
 * The ClickHouse table function reading or writing `relPath` (relative to the location) as
 * Parquet: `file(…)` or `s3(…)`. Globs (`**`, `*`) are allowed in `relPath` for reading.
 */
export function parquetTableFunction(loc: ArchiveLocation, relPath: string): string {
  if (loc.kind === "file") return `file(${sqlString(`${loc.dir}/${relPath}`)}, 'Parquet')`;
  const key = loc.prefix === "" ? relPath : `${loc.prefix}/${relPath}`;
  return `s3(${sqlString(`${loc.endpoint}/${loc.bucket}/${key}`)}, ${sqlString(loc.accessKeyId)}, ${sqlString(loc.secretAccessKey)}, 'Parquet')`;
}
