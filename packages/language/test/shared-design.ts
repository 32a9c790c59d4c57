import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file compiles to packages/language/out/test/). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** `../shared/design/conformance` beside the checkout, as CI lays it out. */
export const conformanceDir = process.env.CXE_CONFORMANCE_DIR ?? path.resolve(repoRoot, '../shared/design/conformance');

/** `../shared/design/settings`: models with suppressions, repeated clauses and a settings file. */
export const settingsDir = process.env.CXE_SETTINGS_DIR ?? path.resolve(conformanceDir, '../settings');

/** `../shared/design/trace`: models with expected diagnostics and expected trace and impact walks. */
export const traceDir = process.env.CXE_TRACE_DIR ?? path.resolve(conformanceDir, '../trace');
