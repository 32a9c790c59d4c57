import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { InputFile } from '../discover-files.js';
import { type SourceText, decodeSource } from '../read-sources.js';
import { UsageError } from '../usage-error.js';

const run = promisify(execFile);

/**
 * The `.cxe` files under `paths` (relative to the working directory) as they were at a git revision,
 * named as `discoverFiles` names them in the working tree, so that the two sides line up.
 */
export async function sourcesAtRevision(revision: string, paths: readonly string[]): Promise<SourceText[]> {
    await git(['rev-parse', '--show-toplevel'], () => 'not inside a git repository: --base needs one (run cxe diff from the repository).');
    await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], () => `unknown git revision: ${revision}`);
    const listed = await git(['ls-tree', '-r', '-z', '--name-only', revision, '--', ...paths]);
    const names = listed.toString('utf8').split('\0').filter(name => name.endsWith('.cxe')).sort();
    const sources: SourceText[] = [];
    for (const name of names) {
        const file: InputFile = { displayPath: name, absolutePath: path.resolve(name) };
        sources.push(decodeSource(file, await git(['cat-file', 'blob', `${revision}:./${name}`])));
    }
    return sources;
}

/** Runs git in the working directory; a failure is the user's to fix, told in the words given. */
async function git(args: readonly string[], failure?: (detail: string) => string): Promise<Buffer> {
    try {
        const { stdout } = await run('git', [...args], { encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 });
        return stdout;
    } catch (error) {
        const detail = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim() || (error as Error).message;
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            throw new UsageError('git is not installed or not on the PATH: --base needs it.');
        }
        throw new UsageError(failure ? failure(detail) : `git ${args[0]} failed: ${detail}`);
    }
}
