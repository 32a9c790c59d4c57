import fc from 'fast-check';
import type { SeedWorkspace } from './corpus';

/**
 * What the fuzzer feeds the language server: the files of one workspace as they are opened, the
 * edits then typed into them, and where in them to ask for things. Everything is drawn by fast-check,
 * so a case is reproducible from its seed and shrinks to a small one.
 */
export interface FuzzCase {
    readonly files: ReadonlyArray<{ readonly name: string; readonly text: string }>;
    readonly edits: readonly Edit[];
    /** Fractions (0…1) of each file's length where position-based requests are made. */
    readonly spots: readonly number[];
    /** The new name tried by rename. */
    readonly newName: string;
}

/** An edit typed into one file: the file's text before and after. */
export interface Edit {
    readonly file: number;
    readonly mutation: Mutation;
}

export type Mutation = (text: string) => string;

/** Every keyword of the language, and the punctuation around them. */
export const KEYWORDS = [
    'ecosystem', 'customer', 'employee', 'partner', 'organization', 'thirdparty', 'seeks', 'size', 'employer', 'description',
    'tags', 'value', 'money', 'product', 'service', 'information', 'intangible', 'exchange', 'via', 'touchpoint', 'channel',
    'web', 'mobile', 'email', 'phone', 'chat', 'social', 'store', 'event', 'mail', 'field', 'other', 'owner', 'environment',
    'category', 'economic', 'technological', 'regulatory', 'competitive', 'environmental', 'trend', 'rising', 'stable',
    'falling', 'affects', 'system', 'supports', 'process', 'uses', 'policy', 'journey', 'for', 'step', 'at', 'score', 'view',
    'include', 'exclude', 'layout', 'right', 'down', 'trace', 'impact', 'depth',
];
const PUNCTUATION = ['{', '}', '->', ':', ',', '*', '"', '-', '>', '/*', '*/', '//', '\n', '\r', '\r\n', '\t', ' '];

/** Strings that have broken parsers, escapers and measurers before. */
export const HOSTILE = [
    '<', '>', '&', "'", '"', ']]>', '<script>alert(1)</script>', '&amp;', '\u0000', '\u0001', '\u0008', '\u000b', '\u001f',
    '\u007f', '\u0085', '\u00a0', '\u200b', '\u200d', '\u202e', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '\ud800',
    '\udfff', '\udc00\ud800', '😀', '👩‍👩‍👧', 'é', 'e\u0301', '𝔘𝔫𝔦', '日本語', 'ﷺ', 'ب', '\\', '\\"', '\\n', '%s', '${x}',
    '{{x}}', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'undefined', 'null', 'NaN', '-Infinity', '1e309',
];

/** The tokens of a model's text, loosely: strings, comments, words, numbers, arrows, single characters. */
export function tokens(text: string): string[] {
    return text.match(/"(?:\\.|[^"\\\r\n])*"?|\/\/[^\r\n]*|\/\*[\s\S]*?\*\/|[A-Za-z_][A-Za-z0-9_]*|\d+|->|\s+|[\s\S]/gu) ?? [];
}

const words = (text: string) => [...new Set(text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [])];

/** An index into something of length n, drawn as a fraction so that it shrinks toward the start. */
const at = (fraction: number, n: number) => Math.min(n - 1, Math.floor(fraction * n));
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** Grammar-aware edits: whole tokens deleted, repeated, swapped or replaced by keywords, names and punctuation. */
const tokenMutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ where: fraction, op: fc.constantFrom('delete', 'duplicate', 'truncate') }).map(({ where, op }) => (text: string) => {
        const list = tokens(text);
        if (list.length === 0) {
            return text;
        }
        const i = at(where, list.length);
        if (op === 'truncate') {
            return list.slice(0, i).join('');
        }
        list.splice(i, op === 'delete' ? 1 : 0, ...(op === 'duplicate' ? [list[i]] : []));
        return list.join('');
    }),
    fc.record({ where: fraction, other: fraction }).map(({ where, other }) => (text: string) => {
        const list = tokens(text);
        if (list.length < 2) {
            return text;
        }
        const [i, j] = [at(where, list.length), at(other, list.length)];
        [list[i], list[j]] = [list[j], list[i]];
        return list.join('');
    }),
    fc.record({
        where: fraction,
        replace: fc.boolean(),
        token: fc.oneof(fc.constantFrom(...KEYWORDS), fc.constantFrom(...PUNCTUATION), fc.constantFrom(...HOSTILE), fraction.map(f => ({ wordAt: f }))),
    }).map(({ where, replace, token }) => (text: string) => {
        const list = tokens(text);
        const names = words(text);
        const word = typeof token === 'string' ? token : names.length > 0 ? names[at(token.wordAt, names.length)] : 'X';
        const i = list.length === 0 ? 0 : at(where, list.length);
        list.splice(i, replace ? 1 : 0, replace ? word : ` ${word} `);
        return list.join('');
    }),
    fc.record({ where: fraction, op: fc.constantFrom('delete', 'duplicate', 'swap') }).map(({ where, op }) => (text: string) => {
        const lines = text.split('\n');
        const i = at(where, lines.length);
        if (op === 'delete') {
            lines.splice(i, 1);
        } else if (op === 'duplicate') {
            lines.splice(i, 0, lines[i]);
        } else if (i + 1 < lines.length) {
            [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
        }
        return lines.join('\n');
    }),
);

/** Byte-level damage: bytes flipped, inserted or cut in the UTF-8 encoding, decoded again as an editor would. */
const byteMutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ where: fraction, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }), replace: fc.boolean() }).map(({ where, bytes, replace }) => (text: string) => {
        const encoded = Buffer.from(text, 'utf8');
        const i = encoded.length === 0 ? 0 : at(where, encoded.length);
        const damaged = Buffer.concat([encoded.subarray(0, i), bytes, encoded.subarray(replace ? i + bytes.length : i)]);
        return new TextDecoder('utf-8', { fatal: false }).decode(damaged);
    }),
    fc.record({ where: fraction, length: fc.nat({ max: 64 }) }).map(({ where, length }) => (text: string) => {
        const encoded = Buffer.from(text, 'utf8');
        const i = encoded.length === 0 ? 0 : at(where, encoded.length);
        return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat([encoded.subarray(0, i), encoded.subarray(i + length)]));
    }),
    // Code units, not bytes: lone surrogates and control characters straight into the text.
    fc.record({ where: fraction, units: fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 4 }) }).map(({ where, units }) => (text: string) => {
        const i = at(where, text.length + 1);
        return text.slice(0, i) + String.fromCharCode(...units) + text.slice(i);
    }),
    fc.record({ where: fraction, hostile: fc.constantFrom(...HOSTILE) }).map(({ where, hostile }) => (text: string) => {
        const i = at(where, text.length + 1);
        return text.slice(0, i) + hostile + text.slice(i);
    }),
    // Inside a label or description, where text reaches tooltips, SVG and reports.
    fc.record({ which: fraction, hostile: fc.constantFrom(...HOSTILE) }).map(({ which, hostile }) => (text: string) => {
        const strings = [...text.matchAll(/"[^"\r\n]*"/g)];
        if (strings.length === 0) {
            return text;
        }
        const match = strings[at(which, strings.length)];
        const inside = match.index + 1;
        return text.slice(0, inside) + hostile + text.slice(inside);
    }),
);

/** The most characters one name or flow bomb may add to a document (about 2 MB). */
const MAX_BOMB_GROWTH = 2_000_000;

/** Size bombs: a very long name or label, thousands of flows or elements, deep nesting, line-ending swaps. */
const bombMutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ which: fraction, length: fc.constantFrom(300, 3_000, 100_000) }).map(({ which, length }) => (text: string) => {
        const names = words(text).filter(word => !KEYWORDS.includes(word));
        const name = names.length > 0 ? names[at(which, names.length)] : 'X';
        // Every whole word equal to the name, without building a regular expression from it: after
        // earlier bombs the name itself may be 100,000 characters, too large for a RegExp. The growth is
        // capped at MAX_BOMB_GROWTH: a name used a thousand times would otherwise make a 100 MB document,
        // which no editor sends to a language server (VS Code keeps files over 50 MB from extensions).
        const uses = text.match(/\w+/g)?.filter(word => word === name).length ?? 0;
        const grown = Math.min(length, Math.floor(MAX_BOMB_GROWTH / Math.max(uses, 1)));
        return text.replace(/\w+/g, word => (word === name ? name + 'N'.repeat(grown) : word));
    }),
    fc.record({ where: fraction, length: fc.constantFrom(300, 3_000, 100_000), spaced: fc.boolean() }).map(({ where, length, spaced }) => (text: string) => {
        const strings = [...text.matchAll(/"[^"\r\n]*"/g)];
        const label = `"${(spaced ? 'word ' : 'W').repeat(length / (spaced ? 5 : 1))}"`;
        if (strings.length === 0) {
            return text.replace(/^(\s*ecosystem\s+\w+)/, `$1 ${label}`);
        }
        const match = strings[at(where, strings.length)];
        return text.slice(0, match.index) + label + text.slice(match.index + match[0].length);
    }),
    fc.record({ count: fc.constantFrom(50, 500, 5_000), anonymous: fc.boolean() }).map(({ count, anonymous }) => (text: string) => {
        const actors = [...text.matchAll(/\b(?:customer|employee|partner|organization|thirdparty)\s+([A-Za-z_]\w*)/g)].map(m => m[1]);
        const values = [...text.matchAll(/\bvalue\s+([A-Za-z_]\w*)/g)].map(m => m[1]);
        const [giver, receiver, value] = [actors[0] ?? 'A', actors[1] ?? 'B', values[0] ?? 'V'];
        const flow = `${giver} -> ${receiver} : ${value}\n`;
        // After a name bomb the names may be long: the flows add at most MAX_BOMB_GROWTH characters too.
        const repeats = Math.max(1, Math.min(count, Math.floor(MAX_BOMB_GROWTH / flow.length)));
        return text + '\n' + (anonymous ? `exchange ${flow}`.repeat(repeats) : `exchange Bomb {\n${flow.repeat(repeats)}}\n`);
    }),
    fc.constantFrom(200, 2_000).map(count => (text: string) =>
        text + '\n' + Array.from({ length: count }, (_, i) => `partner P${i} "Partner ${i}" { seeks "x" }\n`).join('')),
    fc.constantFrom(100, 10_000).map(depth => (text: string) => text + '\n' + '{'.repeat(depth) + '}'.repeat(depth)),
    fc.constantFrom('\r', '\r\n', '\n\n', '').map(ending => (text: string) => text.replace(/\r?\n/g, ending)),
);

/** Renaming the ecosystem in the header: away, and (in a later edit) back, or taking another file's. */
const headerMutation: fc.Arbitrary<Mutation> = fc.constantFrom('Renamed', 'Acme', 'E', '').map(name => (text: string) =>
    text.replace(/\becosystem\s+[A-Za-z_]\w*/, name === '' ? 'ecosystem' : `ecosystem ${name}`));

/**
 * The largest document a mutation may make (4 million characters). Bombs are capped one by one, but
 * several in a row compounded (a name grown by one, repeated 500 times by the next) into 20-33 MB
 * documents, whose parse alone takes longer than the fuzzer's 2 s limit: a mutation that would pass
 * this size leaves the text as it was.
 */
const MAX_DOCUMENT = 4_000_000;

const bounded = (mutate: Mutation): Mutation => text => {
    const mutated = mutate(text);
    return mutated.length > MAX_DOCUMENT ? text : mutated;
};

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { arbitrary: tokenMutation, weight: 6 },
    { arbitrary: byteMutation, weight: 3 },
    { arbitrary: bombMutation, weight: 1 },
    { arbitrary: headerMutation, weight: 1 },
).map(bounded);

const newName = fc.oneof(
    fc.constantFrom('Renamed', 'channel', 'customer', '1x', '', 'a b', 'Tip'),
    fc.string({ maxLength: 12 }),
);

/** A fuzzed case from the corpus: 1-3 files of one seed workspace, mutated, then edited. */
export function fuzzCase(corpus: readonly SeedWorkspace[]): fc.Arbitrary<FuzzCase> {
    return fc.record({
        seed: fc.nat({ max: corpus.length - 1 }),
        take: fc.array(fraction, { minLength: 1, maxLength: 3 }),
        mutations: fc.array(fc.array(mutation, { maxLength: 3 }), { minLength: 3, maxLength: 3 }),
        edits: fc.array(fc.record({ file: fraction, mutation }), { maxLength: 3 }),
        roundTrip: fc.boolean(),
        spots: fc.array(fraction, { minLength: 1, maxLength: 3 }),
        newName,
    }).map(({ seed, take, mutations, edits, roundTrip, spots, newName }) => {
        const workspace = corpus[seed];
        const picked = [...new Set(take.map(f => at(f, workspace.files.length)))];
        const files = picked.map((index, i) => ({
            name: workspace.files[index].name,
            text: mutations[i].reduce((text, mutate) => mutate(text), workspace.files[index].text),
        }));
        const typed = edits.map(edit => ({ file: at(edit.file, files.length), mutation: edit.mutation }));
        // An ecosystem header renamed away and back: the other files must not keep stale diagnostics.
        const header = roundTrip && files.length > 1 ? headerRoundTrip(files[0].text) : [];
        return { files, edits: [...typed, ...header], spots, newName };
    });
}

function headerRoundTrip(text: string): Edit[] {
    const name = /\becosystem\s+([A-Za-z_]\w*)/.exec(text)?.[1];
    if (!name) {
        return [];
    }
    return [
        { file: 0, mutation: current => current.replace(/\becosystem\s+[A-Za-z_]\w*/, 'ecosystem Elsewhere') },
        { file: 0, mutation: current => current.replace(/\becosystem\s+[A-Za-z_]\w*/, `ecosystem ${name}`) },
    ];
}
