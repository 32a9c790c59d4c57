import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8Byte } from '../src/read-sources.js';

describe('firstInvalidUtf8Byte', () => {
    const cases: Array<[string, number[], number | undefined]> = [
        ['ASCII', [0x61, 0x62], undefined],
        ['two-, three- and four-byte characters', [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], undefined],
        ['a Latin-1 é between ASCII', [0x61, 0xe9, 0x62], 1],
        ['a stray continuation byte', [0x61, 0x80], 1],
        ['a sequence cut short by the end of the file', [0x61, 0xe2, 0x82], 1],
        ['an overlong form', [0xc0, 0xaf], 0],
        ['a surrogate', [0x61, 0x62, 0xed, 0xa0, 0x80], 2],
        ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ];
    for (const [title, bytes, expected] of cases) {
        it(`${title}: ${expected ?? 'valid'}`, () => {
            assert.equal(firstInvalidUtf8Byte(Uint8Array.from(bytes)), expected);
            assert.equal(expected === undefined, isUtf8(Uint8Array.from(bytes)), 'agrees with Node on validity');
        });
    }
});
