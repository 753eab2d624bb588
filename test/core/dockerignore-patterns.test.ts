// Docker's ignore-file patterns (moby/patternmatcher) as core/dockerfile/dockerignore.ts reads them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanPath, ignoringPattern, readIgnorePatterns } from '../../server/src/core/dockerfile/dockerignore';

const match = (ignoreFile: string, path: string) => ignoringPattern(readIgnorePatterns(ignoreFile), path);

describe('dockerignore patterns', () => {
  it('cleans paths like filepath.Clean', () => {
    assert.equal(cleanPath('./a//b/../c/'), 'a/c');
    assert.equal(cleanPath('/'), '.');
    assert.equal(cleanPath('/x'), 'x');
  });

  it('reads patterns: comments and blanks dropped, ! exceptions marked, leading / and ./ removed', () => {
    assert.deepEqual(readIgnorePatterns('# c\n\n /dist \n!./dist/keep\r\n').map((p) => [p.pattern, p.exclusion]), [['dist', false], ['dist/keep', true]]);
  });

  it('matches a path or one of its parent folders', () => {
    assert.equal(match('dist\n', 'dist/app.js'), 'dist');
    assert.equal(match('dist\n', 'src/dist'), undefined);
    assert.equal(match('*.md\n', 'README.md'), '*.md');
    assert.equal(match('*.md\n', 'docs/a.md'), undefined);
    assert.equal(match('*/tmp\n', 'a/tmp/x'), '*/tmp');
  });

  it('** spans any number of folders, ? one character, classes as written', () => {
    assert.equal(match('**/*.log\n', 'a.log'), '**/*.log');
    assert.equal(match('**/*.log\n', 'a/b/c.log'), '**/*.log');
    assert.equal(match('a/**\n', 'a/b/c'), 'a/**');
    assert.equal(match('file?.txt\n', 'file1.txt'), 'file?.txt');
    assert.equal(match('file?.txt\n', 'file10.txt'), undefined);
    assert.equal(match('v[0-9].js\n', 'v3.js'), 'v[0-9].js');
    assert.equal(match('v[0-9].js\n', 'vx.js'), undefined);
  });

  it('regular-expression characters are literal', () => {
    assert.equal(match('a.b\n', 'axb'), undefined);
    assert.equal(match('c++\n', 'c++'), 'c++');
    assert.equal(match('^x$\n', '^x$'), '^x$');
  });
});
