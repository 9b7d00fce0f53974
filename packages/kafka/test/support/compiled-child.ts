import { fileURLToPath } from "node:url";
import { scriptCompiler } from "../../../cli/test/compiled-entries.js";

const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));

/**
 * Path of the compiled module of a script the Kafka tests spawn (compiled once per test
 * process from the sources; see `scriptCompiler`): the crash test starts 21 consumers.
 */
export const compiledChild = scriptCompiler("kafka", {
  "consumer-child": here("./consumer-child.ts"),
  "compare-child": here("./compare-child.ts"),
});
