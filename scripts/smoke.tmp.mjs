import { createCxeCoreServices, buildWorkspace, URI } from '/work/main/packages/language/out/src/index.js';
import { NodeFileSystem } from 'langium/node';
import fs from 'node:fs';
const { shared } = createCxeCoreServices(NodeFileSystem);
const dir = '/work/shared/design/conformance';
const files = fs.readdirSync(dir).map(f => ({ uri: URI.file(dir + '/' + f), text: fs.readFileSync(dir + '/' + f, 'utf8') }));
const docs = await buildWorkspace(shared, files);
for (const d of docs) {
  console.log('==', d.uri.path);
  for (const x of d.diagnostics) console.log(x.severity, x.code, x.range.start.line + 1, x.range.start.character + 1, x.message);
}
