// Runs the CLI from its TypeScript sources (tests spawn it as a child process).
import { main } from "../src/main.js";

process.exitCode = await main(process.argv.slice(2));
