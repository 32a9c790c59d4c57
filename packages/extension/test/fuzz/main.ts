// `npm run fuzz -- [--seed N] [--count N] [--cli N] [--out DIR]`: fuzzes the bundled language server
// and the CLI, prints figures per request type, saves each failing input shrunk, and exits 1 on any failure.
// `npm run fuzz -- --replay DIR...` runs saved failing inputs again and prints what they still show.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fuzzCli } from './cli-cases';
import { repoRoot } from './corpus';
import { type DistinctFailure, FINDING_KINDS, type FuzzStats, fuzz, isFailure, replay } from './fuzz';

async function main(): Promise<number> {
    const { values, positionals } = parseArgs({
        allowPositionals: true,
        options: {
            replay: { type: 'boolean', default: false },
            seed: { type: 'string', default: '1' },
            count: { type: 'string', default: '1000' },
            cli: { type: 'string', default: '500' },
            out: { type: 'string', default: path.join(repoRoot, 'fuzz-failures') },
        },
    });
    const [seed, count, cli] = [Number(values.seed), Number(values.count), Number(values.cli)];
    if (![seed, count, cli].every(Number.isInteger)) {
        console.error('fuzz: --seed, --count and --cli take whole numbers');
        return 2;
    }
    if (values.replay) {
        let failing = 0;
        for (const folder of positionals) {
            const findings = await replay(folder);
            failing += findings.length > 0 ? 1 : 0;
            console.log(`${folder}: ${findings.length === 0 ? 'fixed' : findings.map(finding => `${finding.kind} ${finding.request} ${finding.detail}`).join('; ')}`);
        }
        return failing > 0 ? 1 : 0;
    }
    const out = path.resolve(values.out);
    console.log(`fuzz: seed ${seed}, ${count} documents through the bundled language server, ${cli} CLI cases; failing inputs go to ${out}`);
    const started = Date.now();
    // Ctrl-C (or a TERM signal) ends the run after the current case, with the figures so far.
    const stop = new AbortController();
    process.once('SIGINT', () => stop.abort());
    process.once('SIGTERM', () => stop.abort());
    const stats = await fuzz({
        seed, count, out, savePerFailure: 1, signal: stop.signal,
        onProgress: (done, progress) => {
            if (done % 100 === 0 || done === count) {
                const failures = [...progress.failures.values()].reduce((sum, failure) => sum + failure.count, 0);
                console.log(`  ${done}/${count} documents, ${failures} findings, ${Math.round((Date.now() - started) / 1000)} s`);
            }
        },
    });
    printServerStats(stats);
    const cliStats = await fuzzCli({ seed, count: stop.signal.aborted ? 0 : cli, out });
    console.log(`\nCLI: ${cliStats.cases} cases; exit codes: ${Object.entries(cliStats.exits).map(([command, exits]) => `${command} ${JSON.stringify(exits)}`).join(', ')}`);
    cliStats.failures.forEach(failure => console.log(`  case ${failure.index}: cxe ${failure.command} exit ${failure.exit}${failure.saved ? ` → ${failure.saved}` : ''}\n    ${failure.stderr.split('\n').slice(0, 3).join('\n    ')}`));
    console.log(`\nfuzz: ${Math.round((Date.now() - started) / 1000)} s`);
    const failing = [...stats.failures.values()].some(failure => isFailure(failure.finding.kind));
    return failing || cliStats.failures.length > 0 ? 1 : 0;
}

function printServerStats(stats: FuzzStats): void {
    console.log(`\n${stats.documents} documents; per request type:`);
    const rows = [...stats.requests.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const header = ['request', 'sent', ...FINDING_KINDS];
    const table = [header, ...rows.map(([method, row]) => [method, String(row.sent), ...FINDING_KINDS.map(kind => String(row[kind]))])];
    const widths = header.map((_, column) => Math.max(...table.map(row => row[column].length)));
    table.forEach(row => console.log('  ' + row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')));
    const total = rows.reduce((sum, [, row]) => sum + row.sent, 0);
    console.log(`  ${total} requests in all`);
    printFailures('Distinct failures', [...stats.failures].filter(([, failure]) => isFailure(failure.finding.kind)));
    printFailures('Hangs that did not show again on reruns (not failures)', [...stats.failures].filter(([, failure]) => !isFailure(failure.finding.kind)));
}

function printFailures(title: string, failures: Array<[string, DistinctFailure]>): void {
    if (failures.length > 0) {
        console.log(`\n${title}:`);
        for (const [key, failure] of failures) {
            const more = failure.saved.length > 5 ? ` and ${failure.saved.length - 5} more` : '';
            console.log(`  ${failure.count} × ${key}${failure.saved.length > 0 ? `\n      saved: ${failure.saved.slice(0, 5).join(', ')}${more}` : ''}`);
        }
    }
}

main().then(code => (process.exitCode = code), error => {
    console.error(error);
    process.exitCode = 3;
});
