// Public API of @livepeer-analytics/cli: the commands as functions. Explicit named exports only.
export { main } from "./main.js";
export type { DeriveFileOptions } from "./commands/derive.js";
export { deriveFile } from "./commands/derive.js";
export {
  deriveRecords,
  nodeSha256,
  PROGRESS_THRESHOLD_BYTES,
  summaryLine,
  type DeriveRecordsOptions,
  type RowSink,
} from "./derive-records.js";
export { loadFile, type LoadFileOptions, type LoadResult } from "./commands/load.js";
export type { SimulatedHour } from "./commands/simulate.js";
export { simulateHour, slaTable } from "./commands/simulate.js";
