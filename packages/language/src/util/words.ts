/** "1 error", "3 errors": a count with its noun, for messages, reports and diagram captions. */
export function countOf(n: number, noun: string): string {
    return `${n} ${n === 1 ? noun : plural(noun)}`;
}

/** The plural of the nouns the product counts: 'policy' → 'policies', 'process' → 'processes'. */
export function plural(noun: string): string {
    if (/[^aeiou]y$/.test(noun)) {
        return `${noun.slice(0, -1)}ies`;
    }
    return /(s|x|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`;
}

/** The items without repeats, in first-seen order. */
export function unique<T>(items: readonly T[]): T[] {
    return [...new Set(items)];
}
