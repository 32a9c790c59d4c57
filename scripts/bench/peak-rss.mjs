// Runs a Node entry script in this process and, on exit, writes the process's peak memory (max RSS,
// KiB) to file descriptor 3: node peak-rss.mjs <entry.js> [args...]
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
// The entry sees the command line it would see if run directly: node <entry> [args...].
process.argv = [process.argv[0], resolve(entry), ...args];
process.on('exit', () => writeSync(3, String(process.resourceUsage().maxRSS)));
await import(pathToFileURL(resolve(entry)).href);
