import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { STACK_TRACE, conformanceDir, cxe, folderWith, json } from './run-cxe.js';

const clean = 'ecosystem Shop\ncustomer Buyer { seeks Goods }\norganization Maker { seeks Cash }\n'
    + 'value Goods product\nvalue Cash money\nexchange Maker -> Buyer : Goods\nexchange Buyer -> Maker : Cash\n';
const withWarning = clean + 'value Spare money\n';
const withError = clean + 'exchange Buyer -> Maker : Tip\n';

describe('cxe validate', () => {
    describe('on the conformance models', () => {
        const relative = path.relative(process.cwd(), conformanceDir).split(path.sep).join('/');
        const run = cxe(['validate', relative, '--format', 'json']);
        const report = json(run);

        it('exits 1 because the models have errors', () => {
            assert.equal(run.status, 1);
            assert.equal(run.stderr, '');
        });

        it('reports every file with its path as given, and counts that match the list', () => {
            assert.equal(report.version, 1);
            assert.equal(report.files, 5);
            assert.equal(report.errors, report.diagnostics.filter(d => d.severity === 'error').length);
            assert.equal(report.warnings, report.diagnostics.filter(d => d.severity === 'warning').length);
            assert.ok(report.diagnostics.every(d => d.file.startsWith(`${relative}/`)), report.diagnostics[0]?.file);
        });

        it('gives each diagnostic a code, a severity and a 1-based range', () => {
            const selfExchange = report.diagnostics.filter(d => d.code === 'self-exchange');
            assert.deepEqual(selfExchange.map(d => [d.file.split('/').pop(), d.line, d.column, d.endLine, d.endColumn, d.severity]),
                [['errors.cxe', 26, 10, 26, 30, 'error']]);
        });

        it('sorts by file, then position', () => {
            const keys = report.diagnostics.map(d => [d.file, d.line, d.column] as const);
            const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
            assert.deepEqual(keys, sorted);
        });

        it('prints the same diagnostics as text lines, then a summary', () => {
            const text = cxe(['validate', relative]);
            const lines = text.stdout.trimEnd().split('\n');
            assert.equal(text.status, 1);
            assert.equal(lines.length, report.diagnostics.length + 1);
            report.diagnostics.forEach((d, i) => assert.equal(lines[i], `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`));
            assert.equal(lines.at(-1), `5 files checked: ${report.errors} errors, ${report.warnings} warnings.`);
        });
    });

    describe('exit codes', () => {
        it('0 for a clean model', () => {
            const run = cxe(['validate', folderWith({ 'a.cxe': clean })]);
            assert.equal(run.status, 0, run.stdout + run.stderr);
            assert.equal(run.stdout, '1 file checked: no problems.\n');
        });

        it('0 for warnings only, 1 when they exceed --max-warnings', () => {
            const dir = folderWith({ 'a.cxe': withWarning });
            assert.equal(cxe(['validate', dir]).status, 0);
            assert.equal(cxe(['validate', dir, '--max-warnings', '1']).status, 0);
            assert.equal(cxe(['validate', dir, '--max-warnings', '0']).status, 1);
        });

        it('1 for errors', () => {
            const run = cxe(['validate', folderWith({ 'a.cxe': withError })]);
            assert.equal(run.status, 1);
            assert.match(run.stdout, /a\.cxe:8:27 error unresolved-reference /);
        });

        const usageCases: Array<[string, string[], RegExp]> = [
            ['an unknown flag', ['validate', '.', '--colour'], /unknown option '--colour'/],
            ['a path that does not exist (each one named)', ['validate', 'nowhere', 'nothere'], /path does not exist: nowhere\ncxe: path does not exist: nothere/],
            ['a folder with no .cxe file', ['validate', folderWith({ 'notes.txt': 'hello' })], /no \.cxe files found/],
            ['an unknown format', ['validate', '.', '--format', 'xml'], /argument 'xml' is invalid/],
            ['a --max-warnings that is not a number', ['validate', '.', '--max-warnings', 'many'], /expected a whole number/],
            ['no path at all', ['validate'], /missing required argument 'paths'/],
            ['an unknown command', ['lint', '.'], /unknown command 'lint'/],
            ['a path that is neither a file nor a folder (a named pipe), without hanging', ['validate', fifo()], /not a file or a folder: .*pipe\.cxe/],
        ];
        for (const [title, args, message] of usageCases) {
            it(`2 for ${title}, with a one-line reason`, () => {
                const run = cxe(args);
                assert.equal(run.status, 2, run.stdout + run.stderr);
                assert.match(run.stderr, message);
                assert.doesNotMatch(run.stderr, STACK_TRACE);
            });
        }

        it('0 for --help and --version', () => {
            const help = cxe(['validate', '--help']);
            assert.equal(help.status, 0);
            assert.match(help.stdout, /Usage: cxe validate \[options\] <paths\.\.\.>/);
            const version = cxe(['--version']);
            assert.equal(version.status, 0);
            assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
        });
    });

    describe('workspace', () => {
        it('loads all paths given into one workspace: files of one ecosystem resolve each other', () => {
            const a = folderWith({ 'people.cxe': 'ecosystem Shop\ncustomer Buyer { seeks Goods }\norganization Maker\n' });
            const b = folderWith({ 'trade.cxe': 'ecosystem Shop\nvalue Goods product\nexchange Maker -> Buyer : Goods\n' });
            const run = cxe(['validate', a, path.join(b, 'trade.cxe')]);
            assert.equal(run.status, 0, run.stdout);
            assert.match(run.stdout, /^2 files checked: no problems\.$/m);
        });

        it('searches folders recursively and loads a file given twice only once', () => {
            const dir = folderWith({ 'deep/er/a.cxe': clean, 'deep/skip.txt': 'x' });
            const run = cxe(['validate', dir, path.join(dir, 'deep/er/a.cxe')]);
            assert.equal(run.status, 0, run.stdout);
            assert.match(run.stdout, /^1 file checked/);
        });
    });

    describe('bad input: located diagnostics or a one-line error, never a stack trace', () => {
        const problemsOf = (files: Record<string, string | Uint8Array>) => {
            const run = cxe(['validate', folderWith(files), '--format', 'json']);
            assert.doesNotMatch(run.stderr, STACK_TRACE);
            return { run, report: json(run) };
        };
        const summary = (report: ReturnType<typeof json>) => report.diagnostics.map(d => `${d.line}:${d.column} ${d.severity} ${d.code}`);

        it('an empty file', () => {
            const { run, report } = problemsOf({ 'empty.cxe': '' });
            assert.equal(run.status, 1);
            assert.deepEqual(summary(report), ['1:1 error syntax']);
        });

        it('a UTF-8 BOM changes nothing', () => {
            const plain = problemsOf({ 'a.cxe': withError });
            const bom = problemsOf({ 'a.cxe': '\ufeff' + withError });
            assert.deepEqual(summary(bom.report), summary(plain.report));
        });

        it('CRLF line endings give the same diagnostics and positions as LF', () => {
            const text = withError + '/* a comment\nover lines */ value Spare "A\\"B" money\n';
            const withoutFile = (report: ReturnType<typeof json>) => report.diagnostics.map(({ file: _, ...d }) => d);
            const lf = problemsOf({ 'a.cxe': text });
            const crlf = problemsOf({ 'a.cxe': text.replace(/\n/g, '\r\n') });
            assert.deepEqual(summary(lf.report), ['8:27 error unresolved-reference', '10:21 warning unused-value']);
            assert.deepEqual(withoutFile(crlf.report), withoutFile(lf.report));
        });

        it('non-UTF-8 bytes: one located error where they start, the rest still checked', () => {
            const bytes = Buffer.concat([Buffer.from('ecosystem Shop\ncustomer Buyer "Caf'), Buffer.from([0xe9]), Buffer.from('" { seeks Goods }\n')]);
            const { run, report } = problemsOf({ 'latin1.cxe': bytes });
            assert.equal(run.status, 1);
            const encoding = report.diagnostics.find(d => d.message.includes('not valid UTF-8'));
            assert.deepEqual([encoding?.line, encoding?.column, encoding?.code], [2, 20, 'syntax']);
            assert.ok(report.diagnostics.some(d => d.code === 'unresolved-reference' && d.line === 2), 'the rest is still checked');
        });

        it('binary garbage', () => {
            const garbage = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 7919 + 13) % 256);
            const { run, report } = problemsOf({ 'garbage.cxe': garbage });
            assert.equal(run.status, 1);
            assert.equal(report.diagnostics[0].code, 'syntax');
        });

        it('an unterminated string and an unterminated block comment', () => {
            const { report } = problemsOf({ 'a.cxe': 'ecosystem E\ncustomer C "oops\n', 'b.cxe': 'ecosystem F\n/* never closed\ncustomer D\n' });
            const syntax = report.diagnostics.filter(d => d.code === 'syntax').map(d => `${d.file.split('/').pop()}:${d.line}:${d.column}`);
            assert.deepEqual(syntax, ['a.cxe:2:12', 'b.cxe:2:1']);
        });

        it('a 1 MB single line', () => {
            const values = Array.from({ length: 60_000 }, (_, i) => `value V${i} money`).join(' ');
            const { run, report } = problemsOf({ 'long.cxe': `ecosystem Long customer C { seeks V0 } organization O exchange O -> C : V0 ${values}` });
            assert.equal(run.status, 0);
            assert.equal(report.warnings, 59_999);
        });

        it('an unreadable file: named on stderr, exit 2, the other files still reported', () => {
            const dir = folderWith({ 'good.cxe': withError, 'secret.cxe': clean });
            chmodSync(dir, 0o755);
            chmodSync(path.join(dir, 'good.cxe'), 0o644);
            chmodSync(path.join(dir, 'secret.cxe'), 0o000);
            // Root reads any file, so run cxe as an unprivileged user when the tests run as root.
            const asOtherUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
            const run = cxe(['validate', dir, '--format', 'json'], undefined, asOtherUser);
            assert.equal(run.status, 2);
            assert.match(run.stderr, /^cxe: cannot read .*secret\.cxe: permission denied$/m);
            assert.doesNotMatch(run.stderr, STACK_TRACE);
            assert.equal(json(run).diagnostics.filter(d => d.code === 'unresolved-reference').length, 1);
        });
    });
});

function fifo(): string {
    const file = path.join(folderWith({}), 'pipe.cxe');
    spawnSync('mkfifo', [file]);
    return file;
}
