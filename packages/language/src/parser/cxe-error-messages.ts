import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { DefaultLexerErrorMessageProvider } from 'langium';

/** Syntax errors in the words of the language: 'a name', 'a quoted string', keywords in quotes. */
export class CxeParserErrorMessageProvider implements IParserErrorMessageProvider {
    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken }): string {
        return `Expected ${tokenLabel(options.expected)} but found ${shown(options.actual)}.`;
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken }): string {
        return `Unexpected ${shown(options.firstRedundant)}: expected a new element here `
            + '(customer, partner, value, exchange, touchpoint, environment, journey, view…).';
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[] }): string {
        return `Unexpected ${shown(options.actual[0])}: expected ${alternatives(options.expectedPathsPerAlt)}.`;
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[] }): string {
        return `Unexpected ${shown(options.actual[0])}: expected ${alternatives([options.expectedIterationPaths])}.`;
    }
}

/** Lexer errors name the characters, with invisible ones spelled out. */
export class CxeLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + Math.min(length, 20));
        const more = length > 20 ? '…' : '';
        return `Unexpected character${length > 1 ? 's' : ''} '${visible(text)}${more}': not part of the .cxe language.`;
    }
}

const MAX_ALTERNATIVES = 8;

function alternatives(pathsPerAlt: TokenType[][][]): string {
    const firsts = new Set<string>();
    for (const paths of pathsPerAlt) {
        for (const path of paths) {
            if (path.length > 0) {
                firsts.add(tokenLabel(path[0]));
            }
        }
    }
    const labels = [...firsts];
    const listed = labels.slice(0, MAX_ALTERNATIVES).join(', ');
    return labels.length > MAX_ALTERNATIVES ? `${listed}, …` : listed || 'something else';
}

function tokenLabel(type: TokenType): string {
    const name = type.name.endsWith(':KW') ? type.name.slice(0, -3) : type.name;
    return terminalLabels[name] ?? `'${name}'`;
}

const terminalLabels: Record<string, string> = {
    ID: 'a name',
    STRING: 'a quoted string',
    INT: 'a whole number',
    EOF: 'the end of the file',
};

function shown(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF' || token.image === '') {
        return 'the end of the file';
    }
    return `'${visible(token.image.length > 40 ? token.image.slice(0, 40) + '…' : token.image)}'`;
}

function visible(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f-\u009f\ufeff\ufffd]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
