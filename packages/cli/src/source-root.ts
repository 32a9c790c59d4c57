import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Turns a file as the CLI names it into a URI relative to the repository root (the nearest folder
 * above the working directory that holds `.git`), or to the working directory outside a repository:
 * the form code scanning matches against the files of a commit.
 */
export function sourceRootRelative(cwd = process.cwd()): (file: string) => string {
    const root = repositoryRoot(cwd) ?? cwd;
    return file => path.relative(root, path.resolve(cwd, file)).split(path.sep).map(encodeURIComponent).join('/');
}

function repositoryRoot(from: string): string | undefined {
    for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
        if (existsSync(path.join(dir, '.git'))) {
            return dir;
        }
        if (path.dirname(dir) === dir) {
            return undefined;
        }
    }
}
