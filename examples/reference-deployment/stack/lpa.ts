// `lpa` from the TypeScript sources (no build needed): node --import tsx
// --conditions=@livepeer-analytics/source stack/lpa.ts <command> …
import { main } from "@livepeer-analytics/cli";

process.exitCode = await main(process.argv.slice(2));
