/** Whether a STRING token's image ends with an unescaped closing quote. */
export function isClosedString(image: string): boolean {
    if (image.length < 2 || !image.endsWith('"')) {
        return false;
    }
    let backslashes = 0;
    for (let i = image.length - 2; i > 0 && image[i] === '\\'; i--) {
        backslashes++;
    }
    return backslashes % 2 === 0;
}

/** The text of a STRING token: quotes removed, `\"` and `\\` (and any `\x`) unescaped. */
export function unquote(image: string): string {
    const body = image.slice(1, isClosedString(image) ? -1 : undefined);
    return body.replace(/\\(.)/g, '$1');
}
