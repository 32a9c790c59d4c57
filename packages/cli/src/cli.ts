import { main } from './main.js';

// The bundle's entry point: run, then set the exit code without cutting off buffered output.
process.exitCode = await main(process.argv.slice(2));
