import { createBatchDeriver } from "@livepeer-analytics/core";
import { simulateNetworkStream } from "@livepeer-analytics/testkit";
const lines: string[] = [];
for (const env of simulateNetworkStream({
  seed: 42,
  startMs: Date.UTC(2026, 1, 25, 20),
  durationMs: 6 * 3600000,
  sessions: 400,
  orchestrators: 24,
  gateways: 6,
}))
  lines.push(JSON.stringify(env));
const types = new Map<string, [number, number]>();
for (const l of lines) {
  const t = JSON.parse(l).type;
  const e = types.get(t) ?? [0, 0];
  e[0]++;
  e[1] += l.length;
  types.set(t, e);
}
console.log(lines.length, [...types]);
let t0 = performance.now();
const d = createBatchDeriver({ topic: "x", processingTimeMs: 0 });
let rows = 0;
const per = new Map<string, number>();
for (let i = 0; i < lines.length; i++) {
  const ty = JSON.parse(lines[i]!).type;
  const s = performance.now();
  rows += d.push(lines[i]!, i).length;
  per.set(ty, (per.get(ty) ?? 0) + performance.now() - s);
}
console.log(
  "push",
  performance.now() - t0,
  [...per].map(([k, v]) => k + "=" + v.toFixed(0)),
);
t0 = performance.now();
for (const _ of d.finish()) rows++;
console.log("finish", performance.now() - t0, rows);
