// Whether this checkout's CLI has `lpa serve` (packages/api), and which flags it takes, read
// from `lpa help` so the stack keeps working while the API is being built.
import { runLpa } from "./processes.js";

/** Flags of `lpa serve` the stack passes when present. */
export interface ServeSupport {
  readonly port: boolean;
  readonly host: boolean;
}

/** Parses `lpa help`: the `lpa serve …` usage line and its continuation, if any. */
export function parseServeUsage(help: string): ServeSupport | undefined {
  const lines = help.split("\n");
  const i = lines.findIndex((l) => /^\s*lpa serve\b/.test(l));
  if (i < 0) return undefined;
  let usage = lines[i] as string;
  for (const l of lines.slice(i + 1)) {
    if (/^\s*lpa \w/.test(l) || l.trim() === "") break;
    usage += ` ${l}`;
  }
  return { port: usage.includes("--port"), host: usage.includes("--host") };
}

/** `lpa help` → {@link parseServeUsage}. */
export async function serveSupport(): Promise<ServeSupport | undefined> {
  const { output } = await runLpa(["help"]);
  return parseServeUsage(output);
}
