/** "1 error", "3 errors": a count with its noun, for messages, reports and diagram captions. */
export function countOf(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The items without repeats, in first-seen order. */
export function unique<T>(items: readonly T[]): T[] {
    return [...new Set(items)];
}
