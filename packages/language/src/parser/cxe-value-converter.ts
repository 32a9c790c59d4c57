import { unquote } from './strings.js';
import { type CstNode, type GrammarAST, DefaultValueConverter, type ValueType } from 'langium';

/**
 * Strings accept the escapes `\"` and `\\` (any other escaped character stands for itself), and an
 * unterminated string (reported by the lexer) keeps the text it has.
 */
export class CxeValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') {
            return unquote(input);
        }
        return super.runConverter(rule, input, cstNode);
    }
}
