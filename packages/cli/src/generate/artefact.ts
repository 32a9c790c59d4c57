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
