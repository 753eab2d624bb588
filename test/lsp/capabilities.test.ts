// The initialize result comes from the entry bundle (capabilities.ts), without the session bundle: what it offers
// must be what the session serves.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initializeResult } from '../../server/src/lsp/capabilities';
import { FIX_ALL_KIND } from '../../server/src/lsp/codeActions';

describe('initialize result', () => {
  it('offers the fix-all code action kind the session lists', () => {
    const kinds = initializeResult({ processId: null, rootUri: null, capabilities: {} }).capabilities.codeActionProvider;
    assert.ok(typeof kinds === 'object' && kinds.codeActionKinds?.includes(FIX_ALL_KIND), JSON.stringify(kinds));
  });

  it('offers pull diagnostics only to clients that pull', () => {
    assert.equal(initializeResult({ processId: null, rootUri: null, capabilities: {} }).capabilities.diagnosticProvider, undefined);
    const pull = initializeResult({ processId: null, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } });
    assert.deepEqual(pull.capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: false });
  });
});
