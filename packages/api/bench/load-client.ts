// The load generator of api.bench.ts, run as a second process: CONNECTIONS concurrent clients
// (keep-alive) send TOTAL GETs, cycling through URLS, and print each answer's latency as JSON.
import { Agent, request } from "node:http";

interface Sample {
  readonly url: string;
  readonly ms: number;
  readonly status: number;
}

const [base, connectionsText, totalText, urlsJson] = process.argv.slice(2);
const connections = Number(connectionsText);
const total = Number(totalText);
const urls = JSON.parse(urlsJson ?? "[]") as string[];
const agent = new Agent({ keepAlive: true, maxSockets: connections });

function get(url: string): Promise<Sample> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${base}${url}`, { agent }, (res) => {
      res.resume();
      res.on("end", () =>
        resolve({ url, ms: performance.now() - t0, status: res.statusCode ?? 0 }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

const samples: Sample[] = [];
let next = 0;
async function client(): Promise<void> {
  while (next < total) {
    const url = urls[next++ % urls.length] as string;
    samples.push(await get(url));
  }
}

const t0 = performance.now();
await Promise.all(Array.from({ length: connections }, client));
const wallMs = performance.now() - t0;
agent.destroy();
process.stdout.write(JSON.stringify({ wallMs, samples }));
