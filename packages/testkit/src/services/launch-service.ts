import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  FETCH_TIMEOUT_MS,
  runScript,
  serviceScript,
  spawnService,
  stopper,
  waitUntilReady,
} from "./service-process.js";

/** How to run one configured service: what {@link LaunchSpec.configure} returns. */
export interface ServiceConfig<Address> {
  /** Arguments of `<script> run` (ports, directory). */
  readonly args: readonly string[];
  /** Added to the child's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Resolves true once the service answers a real client request (a throw = not yet). */
  readonly probe: () => Promise<boolean>;
  /** What clients need to reach the service (bootstrap list, endpoint), returned as is. */
  readonly address: Address;
}

/** One service for {@link launchService}. */
export interface LaunchSpec<Address> {
  /** Launcher script under the repo's `services/`, e.g. `kafka/kafka.sh`. */
  readonly script: string;
  /** Service name for error messages. */
  readonly name: string;
  /** Log file name inside the service directory, e.g. `kafka.log`. */
  readonly logName: string;
  /** Directory to use and keep; default a fresh temp directory (`tempPrefix…`) removed on stop. */
  readonly dataDir: string | undefined;
  /** Prefix of the temp directory's name. */
  readonly tempPrefix: string;
  /** How long startup may take once the jars are fetched. */
  readonly startTimeoutMs: number;
  /**
   * Called after the fetch with the service directory: chooses ports and says how to run and
   * probe the service (ports are picked as late as possible, so they are still free at bind).
   */
  readonly configure: (dir: string) => Promise<ServiceConfig<Address>>;
}

/** A started service: its address and its idempotent stop. */
export interface LaunchedService<Address> {
  readonly address: Address;
  /** Stops the process (SIGTERM, then SIGKILL), then removes its temp directory. Idempotent. */
  readonly stop: () => Promise<void>;
}

/**
 * The start sequence every test service shares: `<script> fetch` (jars into the cache), a
 * directory, `<script> run <args>` as a child process, then {@link waitUntilReady} on the probe;
 * a start that fails stops the child and removes the temp directory before rejecting.
 * @example
 * const { address, stop } = await launchService({ script: "s3/s3.sh", name: "S3 server", … });
 */
export async function launchService<Address>(
  spec: LaunchSpec<Address>,
): Promise<LaunchedService<Address>> {
  const script = serviceScript(spec.script);
  await runScript(script, ["fetch"], FETCH_TIMEOUT_MS);
  const dir = spec.dataDir ?? (await mkdtemp(join(tmpdir(), spec.tempPrefix)));
  const config = await spec.configure(dir);
  const child = spawnService(script, config.args, join(dir, spec.logName), config.env);
  const stop = stopper(child, spec.dataDir === undefined ? dir : undefined);
  try {
    await waitUntilReady(child, config.probe, {
      name: spec.name,
      timeoutMs: spec.startTimeoutMs,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { address: config.address, stop };
}
