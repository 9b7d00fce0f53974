import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { metricsText, type PipelineMetrics } from "./pipeline-metrics.js";

/** A running health endpoint. */
export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves `GET /healthz` (200 `ok` while `healthy()` is true, else 503) and `GET /metrics`
 * (Prometheus text) on `port` (0 = any free port) of `host` (default 127.0.0.1).
 */
export async function startHealthServer(
  metrics: PipelineMetrics,
  healthy: () => boolean,
  port: number,
  host = "127.0.0.1",
): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz") {
      const ok = healthy();
      res
        .writeHead(ok ? 200 : 503, { "content-type": "text/plain" })
        .end(ok ? "ok\n" : "starting\n");
    } else if (path === "/metrics") {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(metricsText(metrics));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
