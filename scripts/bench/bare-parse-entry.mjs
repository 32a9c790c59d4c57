// The floor for `cxe validate`: load the CXE parser and parse one file, nothing else (no linking,
// no checks). Bundled like the CLI by scripts/bench.mjs so that both pay the same start-up costs.
import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { createCxeCoreServices } from '@cxe/language';

const { Cxe } = createCxeCoreServices(EmptyFileSystem);
const result = Cxe.parser.LangiumParser.parse(readFileSync(process.argv[2], 'utf8'));
// A parse with errors is no floor for a clean validation: say so through the exit code.
process.exitCode = result.lexerErrors.length + result.parserErrors.length > 0 ? 1 : 0;
