// source.fixAll.stevedore repeats until nothing changes, like `stevedore lint --fix`: fixes that overlapped in the
// first pass (merge RUN + apt cleanup on the same lines) are all applied by one code action.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fixText } from '../../server/src/cli/fixfile';
import { FolderContext } from '../../server/src/core/context';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { applyEdits } from '../../server/src/core/fixes';
import { languages } from '../../server/src/rules';
import { TestClient } from '../helpers/lspClient';

const DOCKERFILE = `FROM debian:12.7
RUN apt-get update
RUN apt-get install -y curl
RUN apt-get install -y git
COPY app /app
CMD ["/app/run"]
`;

describe('source.fixAll over LSP', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    await initShellParser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-fixall-'));
    fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
    fs.mkdirSync(path.join(dir, 'app'));
    client = await TestClient.start({ folders: [dir] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const eol of ['\n', '\r\n']) {
    it(`reaches the same fixed point as the CLI in one action (${eol === '\n' ? 'LF' : 'CRLF'})`, async () => {
      const text = DOCKERFILE.replace(/\n/g, eol);
      const file = path.join(dir, eol === '\n' ? 'Dockerfile' : 'Dockerfile.crlf');
      const uri = pathToFileURL(file).toString();
      client.open(uri, text);
      const diags = await client.diagnostics(uri);
      const actions: any = await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: diags, only: ['source.fixAll.stevedore'] },
      });
      assert.equal(actions.length, 1);
      const edits = actions[0].edit.documentChanges[0].edits;
      assert.equal(edits.length, 1, 'one edit spanning what changed');
      const after = applyEdits(text, edits);
      const cli = fixText(text, { language: languages.dockerfile, env: { path: file, context: new FolderContext(dir) } });
      assert.equal(after, cli.text);
      // Both the merge and the apt cleanup happened, which one pass cannot do (their edits overlap).
      assert.equal((after.match(/^RUN /gm) ?? []).length, 1, after);
      assert.match(after, /rm -rf \/var\/lib\/apt\/lists\/\*/);
      assert.match(after, /--no-install-recommends/);
      if (eol === '\r\n') assert.ok(!/[^\r]\n/.test(after), 'line ends stay CRLF');
      assert.ok(edits[0].range.start.line >= 1, 'the unchanged FROM line is not part of the edit');
    });
  }
});
