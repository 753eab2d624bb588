// One Language per file kind: which language a file or editor document gets, and what each recognises.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { languageOfDocument, languageOfFile } from '../../server/src/core/languages/language';
import { allRules, languages, LANGUAGES } from '../../server/src/rules';

describe('languages', () => {
  it('a file gets its language by name', () => {
    assert.equal(languageOfFile(LANGUAGES, 'build/Dockerfile'), languages.dockerfile);
    assert.equal(languageOfFile(LANGUAGES, 'api.containerfile'), languages.dockerfile);
    assert.equal(languageOfFile(LANGUAGES, 'k8s/deploy.yaml'), languages.kubernetes);
    assert.equal(languageOfFile(LANGUAGES, 'README.md'), undefined);
  });

  it('an editor document gets its language by language id first, then by name', () => {
    assert.equal(languageOfDocument(LANGUAGES, 'yaml', '/w/Dockerfile'), languages.kubernetes);
    assert.equal(languageOfDocument(LANGUAGES, 'dockerfile', '/w/x.txt'), languages.dockerfile);
    assert.equal(languageOfDocument(LANGUAGES, 'plaintext', '/w/Dockerfile.prod'), languages.dockerfile);
    assert.equal(languageOfDocument(LANGUAGES, 'plaintext', undefined), undefined);
  });

  it('a YAML file without Kubernetes objects is not a manifest', () => {
    assert.equal(languages.kubernetes.recognises('name: ci\non: push\n'), false);
    assert.equal(languages.kubernetes.recognises('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n'), true);
    assert.equal(languages.dockerfile.recognises(''), true);
  });

  it('every rule belongs to the language whose list it is in (analysis-incomplete to none)', () => {
    for (const language of LANGUAGES) for (const rule of language.rules) assert.equal(rule.language, language.id, rule.id);
    assert.deepEqual(allRules.filter((r) => !r.language).map((r) => r.id), ['analysis-incomplete']);
  });

  it('only() keeps the language and narrows its rules', () => {
    const fixing = languages.dockerfile.only((r) => !!r.fixes?.some((f) => f.safe));
    assert.equal(fixing.id, 'dockerfile');
    assert.ok(fixing.rules.length > 0 && fixing.rules.length < languages.dockerfile.rules.length);
  });
});
