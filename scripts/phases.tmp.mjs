import { createCxeCoreServices, URI } from '/work/main/packages/language/out/src/index.js';
import { EmptyFileSystem, DocumentState } from 'langium';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
const text = fs.readFileSync(process.argv[2], 'utf8');
const session = new Session(); session.connect();
for (let run = 0; run < 3; run++) {
  const { shared } = createCxeCoreServices(EmptyFileSystem);
  const b = shared.workspace.DocumentBuilder;
  const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/x.cxe'));
  shared.workspace.LangiumDocuments.addDocument(doc);
  if (run === 2) {
    await session.post('Profiler.enable'); 
    b.onBuildPhase(DocumentState.ComputedScopes, async () => { await session.post('Profiler.start'); });
    b.onBuildPhase(DocumentState.Linked, async () => { const { profile } = await session.post('Profiler.stop'); fs.writeFileSync('/tmp/prof/link.cpuprofile', JSON.stringify(profile)); });
  }
  await b.build([doc], { validation: true });
}
