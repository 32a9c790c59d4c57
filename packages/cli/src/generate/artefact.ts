/** One output file of `cxe generate`: its name inside the output folder and its bytes. */
export interface Artefact {
    readonly name: string;
    readonly content: string | Uint8Array;
}

export const FORMATS = ['svg', 'mermaid', 'dot', 'json', 'png', 'md', 'html'] as const;
export type Format = typeof FORMATS[number];
export const DEFAULT_FORMATS: readonly Format[] = ['svg', 'mermaid', 'md'];

export const EXTENSIONS: Readonly<Record<Format, string>> = {
    svg: 'svg',
    mermaid: 'mmd',
    dot: 'dot',
    json: 'json',
    png: 'png',
    md: 'md',
    html: 'html',
};

const MAX_NAME_PART = 64;

/**
 * A model name as part of a file name: characters a file system may refuse become '_', and a name
 * longer than MAX_NAME_PART is cut and suffixed with a hash of the whole (names stay distinct and
 * short, never ENAMETOOLONG).
 */
export function fileNamePart(name: string): string {
    const safe = name.replace(/[^\p{L}\p{N}_-]/gu, '_');
    return safe.length <= MAX_NAME_PART ? safe : `${safe.slice(0, MAX_NAME_PART - 9)}-${fnv1a(name)}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable fingerprint, not a secret. */
function fnv1a(text: string): string {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
}
