// `cxe diff` of two versions of the large synthetic model against one `cxe validate` of it, and the
// packed CLI: tarball size and install time into an empty folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** The model with `count` elements changed: the descriptions of the first `count` actors. */
export function changeElements(text, count) {
    let changed = 0;
    const result = text.replace(/description "The (\w+) (\w+), as seen by the benchmark\."/g, (whole, kind, name) =>
        changed++ < count ? `description "The ${kind} ${name}, as changed by the benchmark."` : whole);
    if (changed < count) {
        throw new Error(`only ${changed} elements to change`);
    }
    return result;
}

/**
 * Times whole processes with the caller's `timeProcesses` (interleaved rounds, medians): `cxe diff
 * old new` against `cxe validate new`. Returns both medians and their ratio.
 */
export async function benchDiff(model, cliEntry, work, timeProcesses) {
    const oldDir = mkdtempSync(join(work, 'old-'));
    const newDir = mkdtempSync(join(work, 'new-'));
    writeFileSync(join(oldDir, 'model.cxe'), model.text);
    writeFileSync(join(newDir, 'model.cxe'), changeElements(model.text, 50));
    const [diff, validate] = await timeProcesses([
        [cliEntry, ['diff', oldDir, newDir, '--format', 'json']],
        [cliEntry, ['validate', join(newDir, 'model.cxe'), '--format', 'json']],
    ]);
    return { n: model.n, changed: 50, diff, validate, ratio: diff.ms / validate.ms };
}

/** `npm pack` of packages/cli, then `npm install` of the tarball into an empty folder, `runs` times. */
export function benchPackage(root, runs = 3) {
    const out = mkdtempSync(join(tmpdir(), 'cxe-pack-'));
    try {
        execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: join(root, 'packages/cli'), stdio: 'pipe' });
        const tarball = join(out, readdirSync(out).find(name => name.endsWith('.tgz')));
        const installMs = [];
        for (let i = 0; i < runs; i++) {
            const dir = mkdtempSync(join(out, 'install-'));
            writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
            const start = performance.now();
            execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: dir, stdio: 'pipe' });
            installMs.push(performance.now() - start);
        }
        const sorted = [...installMs].sort((a, b) => a - b);
        return { tarballKiB: statSync(tarball).size / 1024, installMs: sorted[Math.floor(runs / 2)], installRunsMs: installMs.map(Math.round) };
    } finally {
        rmSync(out, { recursive: true, force: true });
    }
}
