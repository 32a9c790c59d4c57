import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { createCxeServices } from './cxe-lsp-module.js';
import { publishChangedDiagnosticsOnly } from './diagnostics-publication.js';
import { registerDiagramRequest } from './diagram-request.js';
import { registerSettingsDiagnostics } from './settings-diagnostics.js';
import { warmUpLayoutAtStart } from './layout-warm-up-at-start.js';

// The CXE language server: started by the VS Code extension over IPC (or any LSP client over stdio).
const connection = createConnection(ProposedFeatures.all);
const { shared, Cxe } = createCxeServices({ connection, ...NodeFileSystem });
publishChangedDiagnosticsOnly(connection, shared);
// The first preview meets a warm layout engine; a diagram request stops the warm-up.
const warmUp = warmUpLayoutAtStart(shared);
registerDiagramRequest(connection, shared, Cxe, () => warmUp.stop());
registerSettingsDiagnostics(connection, shared, Cxe);
startLanguageServer(shared);
