import { freePorts } from "./free-ports.js";
import { launchService } from "./launch-service.js";
import { createBucket, listKeys, putObject, s3Fetch, type S3Endpoint } from "./s3-client.js";

/** The fixed credentials the test S3 server accepts (SigV2 or SigV4). */
export const S3_TEST_CREDENTIALS = {
  accessKeyId: "testkit",
  secretAccessKey: "testkit-secret",
  region: "us-east-1",
} as const;

/** Options for {@link startS3Server}. */
export interface S3ServerOptions {
  /** Port on 127.0.0.1; default a free port. */
  readonly port?: number;
  /**
   * Directory for config, `s3proxy.log` and `data/` (one subdirectory per bucket); kept on stop.
   * Default a fresh temp directory, removed on stop.
   */
  readonly dataDir?: string;
  /** How long startup (after the jar is fetched) may take; default 60 000 ms. */
  readonly startTimeoutMs?: number;
}

/** A running S3-compatible server (S3Proxy, filesystem backend) with helpers bound to it. */
export interface S3Server extends S3Endpoint {
  /** Creates a bucket. */
  createBucket(name: string): Promise<void>;
  /** Writes one object (single-part PUT). */
  putObject(bucket: string, key: string, body: string | Uint8Array): Promise<void>;
  /** Keys in `bucket` starting with `prefix` (default all), lexicographic. */
  listKeys(bucket: string, prefix?: string): Promise<string[]>;
  /** Stops the server and removes its temp directory. Idempotent. */
  stop(): Promise<void>;
}

async function serverAnswers(s3: S3Endpoint): Promise<boolean> {
  const response = await s3Fetch(s3, { method: "GET" }); // ListBuckets: proves auth works too
  await response.body?.cancel();
  return response.ok;
}

/**
 * Starts S3Proxy on loopback as a child process (`services/s3/s3.sh run`), fetching its jar with
 * Maven first if needed, and resolves once a signed ListBuckets succeeds.
 *
 * Path-style URLs (`<endpoint>/<bucket>/<key>`), any region, fixed credentials
 * ({@link S3_TEST_CREDENTIALS}) — suitable for ClickHouse's `s3()` table function and the AWS
 * SDKs (`forcePathStyle: true`). Startup takes 2–4 s on 2 cores once the jar (~55 MB) is cached.
 * @example
 * const s3 = await startS3Server();
 * await s3.createBucket("facts");
 * // SELECT * FROM s3('${s3.endpoint}/facts/x.parquet', '${s3.accessKeyId}', '${s3.secretAccessKey}')
 * await s3.stop();
 */
export async function startS3Server(options: S3ServerOptions = {}): Promise<S3Server> {
  const { address: s3, stop } = await launchService({
    script: "s3/s3.sh",
    name: "S3 server",
    logName: "s3proxy.log",
    dataDir: options.dataDir,
    tempPrefix: "lpa-s3-",
    startTimeoutMs: options.startTimeoutMs ?? 60_000,
    configure: async (dir) => {
      const port = options.port ?? (await freePorts(1))[0] ?? 0;
      const endpoint: S3Endpoint = { endpoint: `http://127.0.0.1:${port}`, ...S3_TEST_CREDENTIALS };
      return {
        args: ["--port", `${port}`, "--dir", dir],
        env: {
          S3_ACCESS_KEY_ID: endpoint.accessKeyId,
          S3_SECRET_ACCESS_KEY: endpoint.secretAccessKey,
        },
        probe: () => serverAnswers(endpoint),
        address: endpoint,
      };
    },
  });
  return {
    ...s3,
    createBucket: (name) => createBucket(s3, name),
    putObject: (bucket, key, body) => putObject(s3, bucket, key, body),
    listKeys: (bucket, prefix) => listKeys(s3, bucket, prefix),
    stop,
  };
}
