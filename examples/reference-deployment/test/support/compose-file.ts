// Reading compose.yaml the way Docker Compose does: YAML with merge keys, `${VAR}` interpolated
// from the env file, `$$` for a literal `$`. Pure functions plus one loader.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** The example's directory (compose.yaml, .env.example, README.md …). */
export const EXAMPLE_DIR = fileURLToPath(new URL("../../", import.meta.url));

/** Reads a file of the example as text. */
export const exampleText = (path: string): string => readFileSync(`${EXAMPLE_DIR}${path}`, "utf8");

/** `KEY=value` lines of an env file (comments and blank lines skipped). */
export function parseEnvFile(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) env.set(m[1] as string, m[2] as string);
  }
  return env;
}

/** Names in `${NAME}` / `$NAME` references of a compose file (not `$$`-escaped ones). */
export function referencedVariables(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text
    .replace(/\$\$/g, "")
    .matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/g))
    names.add((m[1] ?? m[2]) as string);
  return names;
}

/** Compose interpolation: `${NAME}` from `env` (every name must be defined), `$$` → `$`. */
export function interpolate(text: string, env: ReadonlyMap<string, string>): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string | undefined) => {
    if (name === undefined) return "$";
    const value = env.get(name);
    if (value === undefined) throw new Error(`compose.yaml uses \${${name}}, not in .env.example`);
    return value;
  });
}

/** compose.yaml parsed (YAML merge keys on, as Compose reads it), before interpolation. */
export function parseCompose(text: string): Record<string, unknown> {
  return parse(text, { merge: true }) as Record<string, unknown>;
}
