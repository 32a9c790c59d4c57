import assert from 'node:assert/strict';
import { EmptyFileSystem } from 'langium';
import { SemanticTokensDecoder } from 'langium/lsp';
import { expectSemanticToken, highlightHelper } from 'langium/test';
import { SemanticTokenTypes } from 'vscode-languageserver';
import { createCxeServices } from '../../src/lsp/index.js';
import { lspWorkspace } from './lsp-helpers.js';

const people = `ecosystem Shop "Corner shop"
/** Regulars who come every morning. */
customer Buyer "Regular buyer" { seeks Bread, "A smile"  tags regulars, local }
/**
 * The shop itself.
 */
organization Baker { seeks Cash }
employee Clerk { employer Baker }
`;
const things = `ecosystem Shop
value Bread "Fresh bread" product
value Cash money
touchpoint Counter { channel store  owner Baker }
exchange Sale {
  Baker -> Buyer : Bread via Counter
  Buyer -> Baker : Cash
}
exchange Clerk -> Ghost : Cash
environment Rent { affects Baker "costs"  affects Sale }
system Till { supports Counter, Sale, Ordering }
process Ordering { uses Till  owner Baker }
policy Hours { affects Buyer, Counter, Ordering }
journey Visit for Buyer { step Enter at Counter score 4 }
view Trade { include Buyer, Sale, customer, * }
`;

/** The tokens of a file as `text type[+modifier…]`, in document order. */
async function tokensOf(files: Record<string, string>, name: string): Promise<string[]> {
    const ws = await lspWorkspace(files);
    const provider = ws.Cxe.lsp.SemanticTokenProvider!;
    const document = ws.document(name);
    const tokens = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
    const modifiers = Object.entries(provider.tokenModifiers);
    return SemanticTokensDecoder.decode(tokens, provider.tokenTypes, document).map(token =>
        [`${token.text} ${token.tokenType}`, ...modifiers.filter(([, bit]) => token.tokenModifiers & bit).map(([modifier]) => modifier)].join('+'));
}

describe('semantic tokens', () => {
    it('colour declarations by element kind, with the declaration modifier', async () => {
        const tokens = await tokensOf({ 'people.cxe': people, 'things.cxe': things }, 'things.cxe');
        for (const expected of [
            'Shop namespace+declaration', 'Bread enumMember+declaration', 'Cash enumMember+declaration',
            'Counter interface+declaration', 'Sale struct+declaration', 'Rent event+declaration', 'Till function+declaration',
            'Ordering method+declaration', 'Hours macro+declaration', 'Visit type+declaration', 'Enter property+declaration',
            'Trade variable+declaration',
        ]) {
            assert.ok(tokens.includes(expected), `${expected} in ${tokens.join(', ')}`);
        }
        const actors = await tokensOf({ 'people.cxe': people, 'things.cxe': things }, 'people.cxe');
        for (const expected of ['Buyer class+declaration', 'Baker class+declaration', 'Clerk class+declaration']) {
            assert.ok(actors.includes(expected), `${expected} in ${actors.join(', ')}`);
        }
    });

    it('colour references like what they name, across files and for mixed targets', async () => {
        const tokens = await tokensOf({ 'people.cxe': people, 'things.cxe': things }, 'things.cxe');
        // A flow reads actor -> actor : value object via touchpoint.
        const flow = tokens.slice(tokens.indexOf('Sale struct+declaration') + 1, tokens.indexOf('Sale struct+declaration') + 5);
        assert.deepEqual(flow, ['Baker class', 'Buyer class', 'Bread enumMember', 'Counter interface']);
        const after = (declaration: string, count: number) => tokens.slice(tokens.indexOf(declaration) + 1, tokens.indexOf(declaration) + 1 + count);
        assert.deepEqual(after('Rent event+declaration', 2), ['Baker class', 'Sale struct']);
        assert.deepEqual(after('Till function+declaration', 3), ['Counter interface', 'Sale struct', 'Ordering method']);
        assert.deepEqual(after('Hours macro+declaration', 3), ['Buyer class', 'Counter interface', 'Ordering method']);
        assert.deepEqual(after('Visit type+declaration', 3), ['Buyer class', 'Enter property+declaration', 'Counter interface']);
        assert.deepEqual(after('Trade variable+declaration', 2), ['Buyer class', 'Sale struct']);
        const people_ = await tokensOf({ 'people.cxe': people, 'things.cxe': things }, 'people.cxe');
        assert.ok(people_.includes('Bread enumMember') && people_.includes('Cash enumMember'), people_.join(', '));
    });

    it('give an unresolved reference no token', async () => {
        const tokens = await tokensOf({ 'people.cxe': people, 'things.cxe': things }, 'things.cxe');
        assert.ok(!tokens.some(token => token.startsWith('Ghost')), tokens.join(', '));
        assert.ok(tokens.includes('Clerk class'));
    });

    it('mark doc comments as documentation, line by line, and tags as decorators', async () => {
        const tokens = await tokensOf({ 'people.cxe': people, 'things.cxe': things }, 'people.cxe');
        assert.deepEqual(tokens.filter(token => token.includes('comment')), [
            '/** Regulars who come every morning. */ comment+documentation',
            '/** comment+documentation', ' * The shop itself. comment+documentation', ' */ comment+documentation',
        ]);
        assert.deepEqual(tokens.filter(token => token.includes('decorator')), ['regulars decorator', 'local decorator']);
    });

    it("work with langium/test's highlight helper", async () => {
        const services = createCxeServices(EmptyFileSystem).Cxe;
        const highlight = await highlightHelper(services)(
            'ecosystem E\ncustomer <|C|> { seeks <|V|> }\nvalue V money\nexchange C -> <|C|> : V via <|T|>\ntouchpoint T\n');
        expectSemanticToken(highlight, { rangeIndex: 0, tokenType: SemanticTokenTypes.class });
        expectSemanticToken(highlight, { rangeIndex: 1, tokenType: SemanticTokenTypes.enumMember });
        expectSemanticToken(highlight, { rangeIndex: 2, tokenType: SemanticTokenTypes.class });
        expectSemanticToken(highlight, { rangeIndex: 3, tokenType: SemanticTokenTypes.interface });
    });
});
