// Public API of @livepeer-analytics/cli: the commands as functions. Explicit named exports only.
export { main } from "./main.js";
export type { DeriveFileOptions } from "./commands/derive.js";
export { deriveFile, summaryLine, nodeSha256 } from "./commands/derive.js";
export type { SimulatedHour } from "./commands/simulate.js";
export { simulateHour, slaTable } from "./commands/simulate.js";
