import {
  EMPTY_PAYLOAD_SHA256,
  encodeRfc3986,
  sha256Hex,
  signSigV4,
  type SigV4Credentials,
} from "./sigv4.js";

/** Where an S3-compatible server is and how to sign for it (path-style addressing). */
export interface S3Endpoint {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:9000`. */
  readonly endpoint: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** One signed S3 request: path segments are encoded here, query values are plain text. */
export interface S3RequestInit {
  readonly method: "GET" | "PUT" | "HEAD" | "DELETE" | "POST";
  /** Bucket, then the object key (may contain `/`); omit both for the service root. */
  readonly bucket?: string;
  readonly key?: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

function requestUrl(endpoint: string, init: S3RequestInit): URL {
  const segments = [init.bucket, ...(init.key === undefined ? [] : init.key.split("/"))];
  const path = segments
    .filter((s) => s !== undefined)
    .map(encodeRfc3986)
    .join("/");
  const query = Object.entries(init.query ?? {})
    .map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`)
    .join("&");
  return new URL(`${endpoint}/${path}${query === "" ? "" : `?${query}`}`);
}

/**
 * Sends one SigV4-signed request to a path-style S3 endpoint and returns the raw response.
 *
 * The query string is built with RFC 3986 encoding (not `URLSearchParams`' `+` for spaces) so
 * the server's canonical query matches the signed one.
 */
export async function s3Fetch(s3: S3Endpoint, init: S3RequestInit): Promise<Response> {
  const url = requestUrl(s3.endpoint, init);
  const body = typeof init.body === "string" ? new TextEncoder().encode(init.body) : init.body;
  const credentials: SigV4Credentials = { ...s3, service: "s3" };
  const headers = signSigV4(
    {
      method: init.method,
      url,
      payloadSha256: body === undefined ? EMPTY_PAYLOAD_SHA256 : sha256Hex(body),
      ...(init.headers === undefined ? {} : { headers: init.headers }),
    },
    credentials,
    new Date(),
  );
  return fetch(url, { method: init.method, headers, ...(body === undefined ? {} : { body }) });
}

async function expectOk(response: Response, what: string): Promise<string> {
  const text = await response.text();
  if (!response.ok) throw new Error(`S3 ${what} failed: HTTP ${response.status} ${text}`);
  return text;
}

/** Creates `bucket` (PUT Bucket). Rejects when the server refuses, e.g. the name is taken. */
export async function createBucket(s3: S3Endpoint, bucket: string): Promise<void> {
  await expectOk(await s3Fetch(s3, { method: "PUT", bucket }), `create bucket ${bucket}`);
}

/** Writes one object (PUT Object, single part). */
export async function putObject(
  s3: S3Endpoint,
  bucket: string,
  key: string,
  body: string | Uint8Array,
): Promise<void> {
  await expectOk(await s3Fetch(s3, { method: "PUT", bucket, key, body }), `put ${bucket}/${key}`);
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#x") || entity.startsWith("#X")) {
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    }
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return XML_ENTITIES[entity] ?? whole;
  });
}

/** Text of every `<tag>` element in `xml` (flat ListObjectsV2 XML needs no real parser). */
function elementTexts(xml: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}>([^<]*)</${tag}>`, "g");
  return [...xml.matchAll(pattern)].map((m) => decodeXmlText(m[1] ?? ""));
}

/**
 * Every object key in `bucket` that starts with `prefix`, in the server's (lexicographic) order.
 * Follows ListObjectsV2 continuation tokens until the listing is complete.
 */
export async function listKeys(s3: S3Endpoint, bucket: string, prefix = ""): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const query: Record<string, string> = { "list-type": "2", prefix };
    if (token !== undefined) query["continuation-token"] = token;
    const xml = await expectOk(
      await s3Fetch(s3, { method: "GET", bucket, query }),
      `list ${bucket}`,
    );
    keys.push(...elementTexts(xml, "Key"));
    token =
      elementTexts(xml, "IsTruncated")[0] === "true"
        ? elementTexts(xml, "NextContinuationToken")[0]
        : undefined;
  } while (token !== undefined);
  return keys;
}
