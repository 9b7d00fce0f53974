import { createHash, createHmac, type BinaryLike } from "node:crypto";

/** SHA-256 of an empty payload, hex: the `x-amz-content-sha256` of a request without a body. */
export const EMPTY_PAYLOAD_SHA256 =
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** Who signs and for which region and service (`s3` for S3). */
export interface SigV4Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  readonly service: string;
}

/** The parts of an HTTP request that AWS Signature Version 4 covers. */
export interface SigV4Request {
  readonly method: string;
  /** Full URL; its host, path and query are signed. */
  readonly url: URL;
  /** Extra headers to sign and send (e.g. `content-type`, `range`); names in any case. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the body ({@link EMPTY_PAYLOAD_SHA256} when there is none). */
  readonly payloadSha256: string;
}

/** Hex SHA-256 of `data`. */
export function sha256Hex(data: BinaryLike): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: BinaryLike, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

/** Percent-encodes everything but RFC 3986 unreserved characters (`A-Z a-z 0-9 - _ . ~`). */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** S3's canonical URI: each path segment decoded once and re-encoded per RFC 3986 (no normalising). */
function canonicalUri(url: URL): string {
  return url.pathname
    .split("/")
    .map((segment) => encodeRfc3986(decodeURIComponent(segment)))
    .join("/");
}

function canonicalQuery(url: URL): string {
  return [...url.searchParams]
    .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

/** `20130524T000000Z` */
function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function signingKey(credentials: SigV4Credentials, day: string): Buffer {
  const kDate = hmac(`AWS4${credentials.secretAccessKey}`, day);
  const kRegion = hmac(kDate, credentials.region);
  const kService = hmac(kRegion, credentials.service);
  return hmac(kService, "aws4_request");
}

/**
 * The headers that sign `request` with AWS Signature Version 4 (single-chunk payload) at `date`.
 *
 * Returns the request's own headers (lower-cased) plus `x-amz-date`, `x-amz-content-sha256` and
 * `authorization`. `host` is signed (from the URL) but not returned: `fetch` sets it itself.
 * Pure: the same request, credentials and date give the same headers.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
 * @example
 * const headers = signSigV4({ method: "GET", url, payloadSha256: EMPTY_PAYLOAD_SHA256 }, creds, new Date());
 * await fetch(url, { headers });
 */
export function signSigV4(
  request: SigV4Request,
  credentials: SigV4Credentials,
  date: Date,
): Record<string, string> {
  const stamp = amzDate(date);
  const day = stamp.slice(0, 8);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    headers[name.toLowerCase()] = value.trim().replace(/\s+/g, " ");
  }
  headers["x-amz-date"] = stamp;
  headers["x-amz-content-sha256"] = request.payloadSha256;
  const signed: Record<string, string> = { ...headers, host: request.url.host };
  const names = Object.keys(signed).sort();
  const signedHeaders = names.join(";");
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(request.url),
    canonicalQuery(request.url),
    names.map((n) => `${n}:${signed[n] ?? ""}\n`).join(""),
    signedHeaders,
    request.payloadSha256,
  ].join("\n");
  const scope = `${day}/${credentials.region}/${credentials.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", stamp, scope, sha256Hex(canonicalRequest)].join("\n");
  const signature = hmac(signingKey(credentials, day), stringToSign).toString("hex");
  headers["authorization"] =
    `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}
