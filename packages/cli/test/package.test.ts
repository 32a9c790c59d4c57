import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STACK_TRACE, repoRoot } from './run-cxe.js';

const model = 'ecosystem Shop\ncustomer Buyer { seeks Goods }\norganization Maker { seeks Cash }\n'
    + 'value Goods product\nvalue Cash money\nexchange Maker -> Buyer : Goods\nexchange Buyer -> Maker : Cash, Tip\n';

function run(command: string, args: readonly string[], cwd: string) {
    const result = spawnSync(command, [...args], { cwd, encoding: 'utf8', timeout: 300_000 });
    return { status: result.status, out: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

/** `npm pack` of packages/cli, installed into an empty folder the way a team installs it (from the npm cache when it can). */
function install(tarball: string, extra: readonly string[] = []): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cxe-install-'));
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "a-model-repository", "private": true }\n');
    const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...extra, tarball], dir);
    assert.equal(installed.status, 0, installed.out);
    writeFileSync(path.join(dir, 'shop.cxe'), model);
    return dir;
}

/** The installed CLI, run by Node 22 (this process's Node) from the model repository. */
function cxeIn(dir: string, args: readonly string[]) {
    return run(process.execPath, [path.join(dir, 'node_modules/@cxe/cli/bin/cxe.js'), ...args], dir);
}

describe('the packed CLI', function () {
    this.timeout(600_000);
    let tarball = '';

    before(() => {
        const out = mkdtempSync(path.join(os.tmpdir(), 'cxe-pack-'));
        const packed = run('npm', ['pack', '--pack-destination', out], path.join(repoRoot, 'packages/cli'));
        assert.equal(packed.status, 0, packed.out);
        tarball = path.join(out, readdirSync(out).find(name => name.endsWith('.tgz'))!);
    });

    it('installs into an empty folder as a real copy, nothing linked to this repository, and validates a model there', () => {
        const dir = install(tarball);
        const cli = realpathSync(path.join(dir, 'node_modules/@cxe/cli'));
        assert.ok(cli.startsWith(realpathSync(dir)), cli);
        assert.deepEqual(readdirSync(path.join(dir, 'node_modules/@cxe')), ['cli']);
        assert.ok(existsSync(path.join(dir, 'node_modules/.bin/cxe')));
        const validated = cxeIn(dir, ['validate', 'shop.cxe']);
        assert.equal(validated.status, 1, validated.out);
        assert.equal(validated.stdout, "shop.cxe:7:33 error unresolved-reference No value object named 'Tip' in ecosystem 'Shop'. Declare it or correct the name.\n"
            + '1 file checked: 1 error, 0 warnings.\n');
        const generated = cxeIn(dir, ['generate', '.', '--out', 'diagrams', '--format', 'svg,png']);
        assert.equal(generated.status, 1, generated.out);
        assert.deepEqual(readdirSync(path.join(dir, 'diagrams')), ['Shop.overview.png', 'Shop.overview.svg']);
        // On two drawing threads (dist/drawing-worker.js, shipped): the same bytes.
        const threaded = cxeIn(dir, ['generate', '.', '--out', 'threaded', '--format', 'svg,png', '--jobs', '2']);
        assert.equal(threaded.status, 1, threaded.out);
        for (const name of ['Shop.overview.png', 'Shop.overview.svg']) {
            assert.ok(readFileSync(path.join(dir, 'threaded', name)).equals(readFileSync(path.join(dir, 'diagrams', name))), name);
        }
    });

    it('runs without its optional rasteriser, and says that PNG output needs it', () => {
        const dir = install(tarball, ['--omit=optional']);
        assert.ok(!existsSync(path.join(dir, 'node_modules/@resvg/resvg-js')));
        assert.equal(cxeIn(dir, ['validate', 'shop.cxe']).status, 1);
        assert.equal(cxeIn(dir, ['generate', '.', '--out', 'diagrams', '--format', 'svg']).status, 1);
        const png = cxeIn(dir, ['generate', '.', '--out', 'png', '--format', 'png']);
        assert.equal(png.status, 2, png.out);
        assert.match(png.out, /cxe: PNG output needs the optional packages @resvg\/resvg-js and dejavu-fonts-ttf/);
        // The same usage error when a drawing thread meets it: two ecosystems, two threads.
        writeFileSync(path.join(dir, 'market.cxe'), model.replace('ecosystem Shop', 'ecosystem Market'));
        const threaded = cxeIn(dir, ['generate', '.', '--out', 'threaded', '--format', 'png', '--jobs', '2']);
        assert.equal(threaded.status, 2, threaded.out);
        assert.match(threaded.out, /^cxe: PNG output needs the optional packages @resvg\/resvg-js and dejavu-fonts-ttf/m);
        assert.doesNotMatch(threaded.out, STACK_TRACE);
    });
});
