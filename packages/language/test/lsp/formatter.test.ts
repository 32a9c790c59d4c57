import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { conformanceDir, repoRoot } from '../shared-design.js';
import { lspWorkspace } from './lsp-helpers.js';

type Files = Record<string, string>;
type Workspace = Awaited<ReturnType<typeof lspWorkspace>>;

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** Formats every file of a workspace (or one range of one file) the way the editor does. */
async function formatAll(files: Files, range?: Range): Promise<{ ws: Workspace; formatted: Files }> {
    const ws = await lspWorkspace(files);
    const formatted: Files = {};
    for (const name of Object.keys(files)) {
        const document = ws.document(name);
        const textDocument = { uri: document.uri.toString() };
        const options = { tabSize: 4, insertSpaces: false }; // the canonical layout ignores the editor's settings
        const edits = await (range
            ? ws.Cxe.lsp.Formatter!.formatDocumentRange(document, { textDocument, options, range })
            : ws.Cxe.lsp.Formatter!.formatDocument(document, { textDocument, options }));
        formatted[name] = TextDocument.applyEdits(document.textDocument, edits);
    }
    return { ws, formatted };
}

/** Formats one file, and checks on the way that formatting the result changes nothing. */
async function format(text: string): Promise<string> {
    const once = (await formatAll({ 'a.cxe': text })).formatted['a.cxe'];
    const twice = (await formatAll({ 'a.cxe': once })).formatted['a.cxe'];
    assert.equal(twice, once, 'formatting the formatted text changes it');
    return once;
}

/** The tokens of a text as the lexer sees them: comments (verbatim) and the other tokens, in order. */
function lex(ws: Workspace, text: string): { comments: string[]; tokens: string[] } {
    const result = ws.Cxe.parser.Lexer.tokenize(text);
    return {
        comments: result.hidden.filter(t => /COMMENT/.test(t.tokenType.name)).map(t => t.image),
        tokens: result.tokens.map(t => t.image),
    };
}

/** Per file, the diagnostics as `severity code`, positions left out, sorted. */
function diagnosticsOf(ws: Workspace, files: Files): Record<string, string[]> {
    return Object.fromEntries(Object.keys(files).map(name => [name,
        (ws.document(name).diagnostics ?? []).map(d => `${SEVERITY[d.severity ?? 1]} ${d.code}`).sort()]));
}

/**
 * The same tokens with other whitespace, as a careless hand would leave them: random spaces between
 * tokens (also before commas), random indentation (tabs too), trailing spaces, extra blank lines
 * where there was one, blank lines at the start and end. Line breaks stay where they were, and a
 * multi-line block comment's lines move together, so the formatter can put everything back.
 */
function mangle(ws: Workspace, text: string, seed: number): string {
    let state = seed;
    const random = (n: number) => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state % n;
    };
    const result = ws.Cxe.parser.Lexer.tokenize(text);
    const tokens = [...result.tokens, ...result.hidden].sort((a, b) => a.startOffset - b.startOffset);
    let out = '\n'.repeat(random(3));
    let end = 0;
    let afterLineComment = false;
    for (const token of tokens) {
        const gap = text.slice(end, token.startOffset);
        const breaks = gap.split('\n').length - 1;
        let image = token.image;
        if (/\S/.test(gap)) {
            out += gap; // characters the lexer rejected: not whitespace to play with
        } else if (breaks === 0) {
            out += end === 0 ? '' : ' '.repeat((gap.length > 0 ? 1 : 0) + random(3));
        } else {
            const lines = breaks + (breaks >= 2 ? random(3) : 0);
            for (let i = 0; i < lines; i++) {
                // (not after a line comment: the spaces would become part of it)
                out += (i === 0 && afterLineComment ? '' : ' '.repeat(random(2))) + '\n';
            }
            out += image.includes('\n') || random(3) > 0 ? ' '.repeat(random(7)) : '\t'.repeat(1 + random(2));
        }
        if (image.includes('\n')) {
            // The comment's other lines move with its first one.
            const shift = out.length - out.lastIndexOf('\n') - 1 - (token.startColumn! - 1);
            image = image.split('\n').map((line, i) => i === 0 || line.trim() === '' ? line
                : shift >= 0 ? ' '.repeat(shift) + line : line.slice(Math.min(-shift, /^[ \t]*/.exec(line)![0].length))).join('\n');
        }
        out += image;
        end = token.startOffset + token.image.length;
        afterLineComment = token.tokenType.name === 'SL_COMMENT';
    }
    return out + (afterLineComment ? '' : ' ') + '\n\n'.repeat(random(3));
}

function cxeFiles(dir: string): Files {
    if (!existsSync(dir)) {
        return {};
    }
    return Object.fromEntries(readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter(name => name.endsWith('.cxe')).sort()
        .map(name => [name.split(path.sep).join('/'), readFileSync(path.join(dir, name), 'utf8')]));
}

describe('formatter', () => {
    const corpora: Array<[string, Files]> = [
        ['conformance', cxeFiles(conformanceDir)],
        ['examples', cxeFiles(path.join(repoRoot, 'examples'))],
    ];

    for (const [corpus, files] of corpora) {
        describe(`on the ${corpus} files (${Object.keys(files).length}), as one workspace`, () => {
            it('finds them', () => {
                assert.ok(Object.keys(files).length >= 5, `too few .cxe files in the ${corpus}`);
            });

            it('keeps the diagnostics, the tokens and every comment, and formatting twice changes nothing', async () => {
                const { ws, formatted } = await formatAll(files);
                const { ws: again, formatted: twice } = await formatAll(formatted);
                assert.deepEqual(diagnosticsOf(again, formatted), diagnosticsOf(ws, files));
                assert.deepEqual(twice, formatted);
                for (const name of Object.keys(files)) {
                    const before = lex(ws, files[name]);
                    const after = lex(ws, formatted[name]);
                    assert.deepEqual(after.tokens, before.tokens, name);
                    assert.deepEqual(after.comments, before.comments, name);
                    for (const comment of before.comments) {
                        assert.ok(formatted[name].includes(comment), `${name} lost ${comment}`);
                    }
                }
            });

            for (const seed of [1, 2, 3]) {
                it(`puts back the layout of a copy with mangled whitespace (seed ${seed})`, async () => {
                    const { ws, formatted } = await formatAll(files);
                    const mangled = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, mangle(ws, text, seed)]));
                    const fromMangled = await formatAll(mangled);
                    const syntaxErrors = (name: string) => ws.document(name).parseResult.parserErrors.length > 0;
                    for (const name of Object.keys(files)) {
                        if (syntaxErrors(name)) {
                            // Left alone (see below); only the meaning is compared.
                            assert.equal(fromMangled.formatted[name], mangled[name], name);
                        } else {
                            assert.equal(fromMangled.formatted[name], formatted[name], name);
                        }
                        assert.deepEqual(lex(ws, fromMangled.formatted[name]).comments, lex(ws, files[name]).comments, name);
                    }
                    const reformatted = await lspWorkspace(fromMangled.formatted);
                    assert.deepEqual(diagnosticsOf(fromMangled.ws, mangled), diagnosticsOf(ws, files));
                    assert.deepEqual(diagnosticsOf(reformatted, fromMangled.formatted), diagnosticsOf(ws, files));
                });
            }
        });
    }

    describe('canonical layout', () => {
        it('single spaces between tokens, none before commas, one space around -> and :', async () => {
            assert.equal(await format('ecosystem   E    "Title"\ncustomer   C  "A \\"quoted\\"  label"{seeks V ,W,"free  text"    size 3}\n'
                + 'exchange C->C:V  ,W   via   T\n'),
            'ecosystem E "Title"\ncustomer C "A \\"quoted\\"  label" { seeks V, W, "free  text"  size 3 }\nexchange C -> C : V, W via T\n');
        });

        it('indents clauses by two spaces, one per line, and joins a clause wrapped over lines', async () => {
            assert.equal(await format(`ecosystem E
customer C "c" {
        description "d"    seeks V,
    W
size 3
      }
environment F { category economic
   affects C   "how"  affects Sale }
`), `ecosystem E
customer C "c" {
  description "d"
  seeks V, W
  size 3
}
environment F {
  category economic
  affects C "how"
  affects Sale
}
`);
        });

        it('keeps one-line blocks on one line, one space inside the braces and two between clauses', async () => {
            assert.equal(await format('ecosystem E\ntouchpoint T{channel web owner A}\nsystem S {}\n'
                + 'journey J for C {step A at T score 3 step B "b" at T}\nview V { include partner , C, *   layout down }\n'),
            'ecosystem E\ntouchpoint T { channel web  owner A }\nsystem S { }\n'
                + 'journey J for C { step A at T score 3  step B "b" at T }\nview V { include partner, C, *  layout down }\n');
        });

        it('lays out trace, impact and depth like every other clause', async () => {
            assert.equal(await format('ecosystem E\nview W {trace J ,T impact   F depth 2}\nview X {\n    trace J\n  depth\n 3\n}\n'),
                'ecosystem E\nview W { trace J, T  impact F  depth 2 }\nview X {\n  trace J\n  depth 3\n}\n');
        });

        it('puts the flows of a named exchange one per line, even when written on one line', async () => {
            assert.equal(await format('ecosystem E\nexchange Sale "s" {A->B:X,Y via T  B -> A : Z tags sales}\nexchange Empty { }\n'),
                'ecosystem E\nexchange Sale "s" {\n  A -> B : X, Y via T\n  B -> A : Z\n  tags sales\n}\nexchange Empty { }\n');
        });

        it('starts each element on its own line and keeps at most one of the blank lines between them', async () => {
            assert.equal(await format('\n\n  ecosystem E\n  value A money value B\n  money\n\n\n\n   value C money\n\nvalue D money\n\n\n'),
                'ecosystem E\nvalue A money\nvalue B money\n\nvalue C money\n\nvalue D money\n');
        });

        it('drops blank lines right after { and right before }, keeps one between clauses', async () => {
            assert.equal(await format('ecosystem E\ncustomer C {\n\n\n  seeks V\n\n\n\n  size 3\n\n}\n'),
                'ecosystem E\ncustomer C {\n  seeks V\n\n  size 3\n}\n');
        });

        it('keeps line breaks as they are: CRLF stays CRLF', async () => {
            assert.equal(await format('ecosystem E\r\ncustomer C {\r\n    seeks V   // why\r\n}  \r\n\r\n\r\nvalue V money'),
                'ecosystem E\r\ncustomer C {\r\n  seeks V // why\r\n}\r\n\r\nvalue V money\r\n');
        });
    });

    describe('comments', () => {
        it('keeps every comment where it was: end of line, own line (indented with its block), inline', async () => {
            assert.equal(await format(`// head


ecosystem X   "t"   // the title
/* a */   customer   A  {  // trailing
seeks   B ,  /* inline */ C
    // inside
       size 3 /* blk */  description "x"


        // before close
  }



// c1



value B money // money
`), `// head

ecosystem X "t" // the title
/* a */ customer A { // trailing
  seeks B, /* inline */ C
  // inside
  size 3 /* blk */
  description "x"

  // before close
}

// c1

value B money // money
`);
        });

        it('moves a multi-line doc comment as a whole when its indentation changes', async () => {
            assert.equal(await format(`ecosystem X
    /**
     * An actor.
     *
     */
    customer A {
            /** Why.
              * Because. */
        seeks B
    }
`), `ecosystem X
/**
 * An actor.
 *
 */
customer A {
  /** Why.
    * Because. */
  seeks B
}
`);
        });

        it('ends the line after a line comment, even inside a clause', async () => {
            assert.equal(await format('ecosystem X\npolicy P { affects A, // first\nB\n}\ncustomer C // no block yet\n{ seeks V }\n'),
                'ecosystem X\npolicy P {\n  affects A, // first\n    B\n}\ncustomer C // no block yet\n  { seeks V }\n');
        });

        it('keeps a file that is only a header and comments', async () => {
            assert.equal(await format('/* one */ // two\n   ecosystem X /* three */\n\n\n\n// four'),
                '/* one */ // two\necosystem X /* three */\n\n// four\n');
        });
    });

    it('leaves a document with syntax errors untouched', async () => {
        for (const text of ['ecosystem X\ncustomer C { seeks   V\nexchange A => B : V\n', 'ecosystem X\ncustomer C "unterminated\n', 'ecosystem X  /* open']) {
            assert.equal((await formatAll({ 'a.cxe': text })).formatted['a.cxe'], text);
        }
    });

    it('Format Selection changes only the lines selected', async () => {
        const text = 'ecosystem   E\ncustomer   C {seeks V}\nvalue   V   money\n';
        const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } };
        assert.equal((await formatAll({ 'a.cxe': text }, range)).formatted['a.cxe'], 'ecosystem   E\ncustomer C { seeks V }\nvalue   V   money\n');
    });
});
