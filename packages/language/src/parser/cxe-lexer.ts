import { DefaultLexer, type LexerResult, type TokenizeOptions } from 'langium';
import type { LexingDiagnostic } from 'langium';
import { isClosedString } from './strings.js';

/**
 * The default lexer, plus errors for the two tokens that the grammar deliberately lets run on
 * (see the STRING and ML_COMMENT terminals): an unterminated string stops at the end of its line and
 * an unterminated block comment at the end of the file, so one missing quote does not turn the rest
 * of the file into a cascade of syntax errors.
 */
export class CxeLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        const diagnostics: LexingDiagnostic[] = [];
        for (const token of result.tokens) {
            if (token.tokenType.name === 'STRING' && !isClosedString(token.image)) {
                diagnostics.push(lexingError(token.image, token.startOffset, token.startLine, token.startColumn,
                    'Unterminated string: add the closing " on the same line.'));
            }
        }
        for (const token of result.hidden) {
            if (token.tokenType.name === 'ML_COMMENT' && !isClosedComment(token.image)) {
                diagnostics.push(lexingError('/*', token.startOffset, token.startLine, token.startColumn,
                    'Unterminated block comment: add "*/" where the comment should end.'));
            }
        }
        if (diagnostics.length > 0) {
            result.report = { diagnostics: [...(result.report?.diagnostics ?? []), ...diagnostics] };
        }
        return result;
    }
}

function isClosedComment(image: string): boolean {
    return image.length >= 4 && image.endsWith('*/');
}

function lexingError(image: string, offset: number, line: number | undefined, column: number | undefined,
    message: string): LexingDiagnostic {
    return { offset, length: image.length, line, column, message, severity: 'error' };
}
