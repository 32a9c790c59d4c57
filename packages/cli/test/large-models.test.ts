import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { STACK_TRACE, folderWith, repoRoot } from './run-cxe.js';

/**
 * One file of `customers` customers, each with its own exchange with the shop through one till: the
 * till's trace and impact reach every exchange, and `include *` draws the overview of them all.
 */
function manyCustomers(customers: number): string {
    const lines = ['ecosystem Big', 'organization Shop { seeks Cash }', 'value Cash money', 'value Goods product', 'touchpoint Till { channel store  owner Shop }'];
    for (let i = 1; i <= customers; i++) {
        lines.push(`customer C${i} { seeks Goods }`, `exchange Sale${i} { Shop -> C${i} : Goods via Till  C${i} -> Shop : Cash }`);
    }
    lines.push('view Everyone { include * }', 'view BehindTheTill { trace Till }', 'view TillReach { impact Till }');
    return `${lines.join('\n')}\n`;
}

/** `cxe` in a process with a tenth of Node's default stack (984 KiB). */
function cxeOnSmallStack(args: readonly string[], cwd: string) {
    const bin = path.join(repoRoot, 'packages/cli/bin/cxe.js');
    return spawnSync(process.execPath, ['--stack-size=100', bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
}

describe('large models', () => {
    it('no recursion or argument spread grows with the model: 16,000 elements on a tenth of the stack validate and draw', function () {
        this.timeout(120_000);
        // A spread of n arguments, or a recursion n deep, needs stack in proportion to n: on a tenth of
        // the stack, 16,000 elements fail where 160,000 would on the default one (issue 11 crashed at
        // about 125,000 elements).
        const work = folderWith({ 'big.cxe': manyCustomers(8_000) });
        const run = cxeOnSmallStack(['generate', 'big.cxe', '--out', 'out', '--format', 'svg,json,md'], work);
        assert.doesNotMatch(run.stderr, STACK_TRACE);
        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(readdirSync(path.join(work, 'out')).filter(name => name.endsWith('.svg')).sort(),
            ['Big.BehindTheTill.svg', 'Big.Everyone.svg', 'Big.TillReach.svg']);
    });
});
