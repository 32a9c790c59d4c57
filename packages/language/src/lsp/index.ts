// The language server's services and protocol: a separate entry so that the CLI never loads LSP code.
export * from './cxe-formatter.js';
export * from './cxe-lsp-module.js';
export * from './cxe-semantic-token-provider.js';
export * from './diagram-request.js';
export * from './protocol.js';
