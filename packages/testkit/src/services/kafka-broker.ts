import { Kafka, logLevel } from "kafkajs";
import { freePorts } from "./free-ports.js";
import { launchService } from "./launch-service.js";

/** Options for {@link startKafkaBroker}. */
export interface KafkaBrokerOptions {
  /** Broker (PLAINTEXT) port on 127.0.0.1; default a free port. The controller takes another. */
  readonly port?: number;
  /**
   * Directory for config, data and `kafka.log`; kept on stop. Default a fresh temp directory,
   * removed on stop.
   */
  readonly dataDir?: string;
  /** How long startup (after the jars are fetched) may take; default 90 000 ms. */
  readonly startTimeoutMs?: number;
}

/** A running single-node Kafka broker. */
export interface KafkaBroker {
  /** Bootstrap addresses for clients, e.g. `["127.0.0.1:40123"]`. */
  readonly brokers: string[];
  /** Stops the broker (SIGTERM, then SIGKILL) and removes its temp directory. Idempotent. */
  stop(): Promise<void>;
}

/**
 * True when the broker serves metadata and has a loaded group coordinator. Describing a group
 * makes the broker create `__consumer_offsets`; waiting for it here spares every test's first
 * consumer a round of "coordinator is loading" retries.
 */
async function brokerAnswers(brokers: string[]): Promise<boolean> {
  const admin = new Kafka({
    clientId: "testkit-readiness",
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    await admin.describeGroups(["testkit-readiness"]);
    return true;
  } finally {
    await admin.disconnect();
  }
}

async function choosePorts(port: number | undefined): Promise<[number, number]> {
  const [a = 0, b = 0] = await freePorts(2);
  return port === undefined ? [a, b] : [port, a === port ? b : a];
}

/**
 * Starts a single-node KRaft Kafka broker on loopback as a child process
 * (`services/kafka/kafka.sh run`), fetching its jars with Maven first if needed.
 *
 * Resolves once a kafkajs admin client can list topics and describe a group. Topics are
 * auto-created with one partition; internal topics have one partition and replica; consumer
 * groups rebalance without delay. The first call on a fresh machine downloads ~45 MB of jars
 * (about 30 s, allow minutes); later starts take about 8 s on 2 idle cores, up to ~13 s on a
 * busy machine.
 * @example
 * const kafka = await startKafkaBroker();
 * const client = new Kafka({ brokers: kafka.brokers });
 * // …
 * await kafka.stop();
 */
export async function startKafkaBroker(options: KafkaBrokerOptions = {}): Promise<KafkaBroker> {
  const { address, stop } = await launchService({
    script: "kafka/kafka.sh",
    name: "Kafka broker",
    logName: "kafka.log",
    dataDir: options.dataDir,
    tempPrefix: "lpa-kafka-",
    startTimeoutMs: options.startTimeoutMs ?? 90_000,
    configure: async (dir) => {
      const [port, controllerPort] = await choosePorts(options.port);
      const brokers = [`127.0.0.1:${port}`];
      return {
        args: ["--port", `${port}`, "--controller-port", `${controllerPort}`, "--dir", dir],
        probe: () => brokerAnswers(brokers),
        address: brokers,
      };
    },
  });
  return { brokers: address, stop };
}
