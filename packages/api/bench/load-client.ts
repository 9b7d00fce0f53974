// The load generator of api.bench.ts, run as a second process: CONNECTIONS concurrent clients
// (keep-alive) first send WARMUP GETs (not measured: they open the connections and warm both
// processes up), then TOTAL GETs, cycling through URLS, and print each answer's latency as JSON.
// Every body is read in full and its length checked against Content-Length (status 0 when it
// differs); bodies are not parsed, so the client spends its CPU on HTTP alone. Also prints its own
// CPU time over the measured requests.
import { Agent, request } from "node:http";

interface Sample {
  readonly url: string;
  readonly ms: number;
  readonly status: number;
  readonly bytes: number;
}

const [base, connectionsText, totalText, urlsJson, warmupText] = process.argv.slice(2);
const connections = Number(connectionsText);
const total = Number(totalText);
const warmup = Number(warmupText ?? 0);
const urls = JSON.parse(urlsJson ?? "[]") as string[];
const { hostname, port } = new URL(base ?? "");
const agent = new Agent({ keepAlive: true, maxSockets: connections });

function get(url: string): Promise<Sample> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: url, agent }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => {
        const ms = performance.now() - t0;
        const ok = Number(res.headers["content-length"] ?? bytes) === bytes;
        resolve({ url, ms, status: ok ? (res.statusCode ?? 0) : 0, bytes });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Runs `count` GETs over `connections` concurrent clients; the samples in completion order. */
async function run(count: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  let next = 0;
  const client = async (): Promise<void> => {
    while (next < count) samples.push(await get(urls[next++ % urls.length] as string));
  };
  await Promise.all(Array.from({ length: connections }, client));
  return samples;
}

const warm = await run(warmup);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const samples = await run(total);
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
agent.destroy();
const warmupFailures = warm.filter((s) => s.status !== 200).length;
process.stdout.write(JSON.stringify({ wallMs, cpuMs, warmupFailures, samples }));
