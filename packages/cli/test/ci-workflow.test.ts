import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cxe, folderWith, repoRoot } from './run-cxe.js';

const workflowFile = path.join(repoRoot, 'docs/ci/cxe-review.yml');
const workflow = readFileSync(workflowFile, 'utf8');
const cliBin = path.join(repoRoot, 'packages/cli/bin/cxe.js');

const model = 'ecosystem Shop\ncustomer Buyer { seeks Goods }\norganization Maker { seeks Cash }\n\n'
    + 'value Goods product\nvalue Cash money\n\nexchange Maker -> Buyer : Goods\nexchange Buyer -> Maker : Cash\n';

describe('the CI workflow users copy (docs/ci/cxe-review.yml)', () => {
    it("passes action-validator (the workflow's JSON schema)", function () {
        this.timeout(60_000);
        const validator = path.join(path.dirname(createRequire(import.meta.url).resolve('@action-validator/cli/package.json')), 'cli.mjs');
        const validate = (file: string) => spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
        const run = validate(workflowFile);
        assert.equal(run.status, 0, run.stdout + run.stderr);
        // The validator does reject a broken workflow: a step with neither `uses` nor `run`.
        const broken = path.join(folderWith({ 'w.yml': workflow.replace('      - run: npm ci', '      - name: npm ci') }), 'w.yml');
        assert.notEqual(validate(broken).status, 0);
    });

    it('runs the steps of a pull request review: annotations, SARIF, generate --check, format --check, diff --base', function () {
        this.timeout(120_000);
        const commands = [...workflow.matchAll(/^\s+run: (.*npx cxe .*)$/gm)].map(match => match[1]);
        assert.deepEqual(commands.map(command => command.match(/npx cxe (\w+)/)![1]), ['validate', 'validate', 'generate', 'format', 'diff']);

        // A model repository: main with the model and its diagrams, then a branch that changes the model.
        const repo = folderWith({ 'models/shop.cxe': model });
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
        assert.equal(cxe(['generate', 'models', '--out', 'diagrams'], repo).status, 0);
        git('init', '-q', '-b', 'main');
        git('add', '.');
        git('commit', '-qm', 'models');
        git('update-ref', 'refs/remotes/origin/main', 'HEAD');
        const changed = model.replace('customer Buyer { seeks Goods }', 'customer Buyer { seeks Goods }\ncustomer Guest { seeks Goods }')
            .replace('exchange Maker -> Buyer : Goods', 'exchange Maker -> Buyer : Goods\nexchange Maker -> Guest : Goods');
        execFileSync('sh', ['-c', 'printf "%s" "$0" > models/shop.cxe', changed], { cwd: repo });
        assert.equal(cxe(['generate', 'models', '--out', 'diagrams'], repo).status, 0);

        for (const command of commands) {
            // `npx cxe` is the installed CLI; here, this repository's build under the same Node.
            const script = `cxe() { "${process.execPath}" "${cliBin}" "$@"; }\n${command.replaceAll('npx cxe', 'cxe')}`;
            const run = spawnSync('sh', ['-c', script], { cwd: repo, encoding: 'utf8', env: { ...process.env, CXE_MODELS: 'models', CXE_DIAGRAMS: 'diagrams', BASE_REF: 'main' } });
            assert.equal(run.status, 0, `${command}\n${run.stdout}${run.stderr}`);
        }
        assert.equal(JSON.parse(readFileSync(path.join(repo, 'cxe.sarif'), 'utf8')).version, '2.1.0');
        const comment = readFileSync(path.join(repo, 'cxe-diff/comment.md'), 'utf8');
        assert.match(comment, /- customer `Guest`/);
        assert.match(comment, /!\[Shop — changes\]\(Shop\.overview\.diff\.svg\)/);
        assert.ok(readFileSync(path.join(repo, 'cxe-diff/Shop.overview.diff.svg'), 'utf8').includes('data-cxe-change="added"'));
    });
});
