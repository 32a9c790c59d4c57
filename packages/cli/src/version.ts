/** Replaced by the bundler with the CLI package's version. */
declare const CXE_VERSION: string | undefined;

export const version: string = typeof CXE_VERSION === 'string' ? CXE_VERSION : '0.0.0-dev';
