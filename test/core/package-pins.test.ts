// What each package manager accepts as a version pin (core/dockerfile/package-pins.ts), the words that name no
// registry package at all, and which install commands are read.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { runCommands } from '../../server/src/core/dockerfile/commands';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { isPinned, unpinnedPackages, type PinFamily } from '../../server/src/core/dockerfile/package-pins';
import { initShellParser } from '../../server/src/core/dockerfile/shell';

/** The unpinned package words of `RUN <script>`, as `family:name`. */
function unpinned(script: string): string[] {
  return runCommands(buildModel(`FROM debian:12\nRUN ${script}\n`).runs[0]).flatMap((c) => unpinnedPackages(c).map((u) => `${u.family}:${u.name}`));
}

describe('package pins', () => {
  before(() => initShellParser());

  const PINNED: Record<PinFamily, { pinned: string[]; unpinned: string[] }> = {
    apt: { pinned: ['curl=7.88.1-10', 'git=1:2.39*', 'golang/bookworm-backports', './x.deb'], unpinned: ['curl', 'libssl3', 'g++'] },
    apk: { pinned: ['curl=8.9.1-r2', 'git~2.45', 'openssl>3.3', 'zlib<1.4', 'x-1.0.apk'], unpinned: ['curl', 'py3-pip'] },
    pip: {
      pinned: ['a==1', 'a>=1', 'a~=1.2', 'a!=1', 'a<2', 'a===1', '.', './x', '/w/a-1.whl', 'a-1.tar.gz', 'https://x.example/a.zip', 'git+https://h.example/o/r.git@v1', 'r @ git+https://h.example/o/r@v1'],
      unpinned: ['flask', 'requests[socks]', 'git+https://h.example/o/r.git', 'git+ssh://git@h.example/o/r.git#egg=r'],
    },
    npm: {
      pinned: ['a@1.2.3', 'a@^1', '@s/a@1', 'a@next', './a', '../a', '/a', '~/a', 'file:../a', 'a.tgz', 'https://x.example/a', 'o/r#abc', 'github:o/r#semver:^1'],
      unpinned: ['a', '@s/a', 'a@latest', '@s/a@latest', 'a@', 'o/r', 'github:o/r', 'git+https://h.example/o/r.git'],
    },
    gem: { pinned: ['rails:7.2.1', 'app-1.0.gem', './pkg/app.gem'], unpinned: ['rails', 'bundler'] },
    go: { pinned: ['x.io/a@v1.2.3', 'x.io/a@abc123', '.', './...', '/src/a', 'main.go', 'tool'], unpinned: ['x.io/a', 'x.io/a@latest'] },
    yum: { pinned: ['httpd-2.4.6', 'httpd-2.4.6-99.el7', 'nginx-1:1.20.1-10.el7', 'a-1.0.rpm', '/usr/bin/make', '@development', 'perl(JSON)', 'git >= 2'], unpinned: ['httpd', 'python3-pip', 'java-11-openjdk', 'gcc-c++'] },
    dnf: { pinned: ['httpd-2.4.62', 'java-17-openjdk-17.0.12-2.el9'], unpinned: ['httpd', 'java-17-openjdk-headless', 'compat-openssl10'] },
    zypper: { pinned: ['curl=8.6.0', 'git>=2.43', 'jq<2', 'vim-9.1.0330', 'x.rpm', 'pattern:devel_basis'], unpinned: ['curl', 'git-core'] },
  };
  for (const [family, { pinned, unpinned: loose }] of Object.entries(PINNED) as Array<[PinFamily, { pinned: string[]; unpinned: string[] }]>) {
    it(`${family}: what pins a package`, () => {
      for (const p of pinned) assert.equal(isPinned(family, p), true, `${family} ${p} is pinned`);
      for (const p of loose) assert.equal(isPinned(family, p), false, `${family} ${p} is not pinned`);
    });
  }

  it('reads the install commands of each manager and family', () => {
    assert.deepEqual(unpinned('apt-get install -y a && apk add b && pip3 install c && npm i d && gem install e && go get f.io/g'), ['apt:a', 'apk:b', 'pip:c', 'npm:d', 'gem:e', 'go:f.io/g']);
    assert.deepEqual(unpinned('yum install -y a && dnf install -y b && microdnf install c && tdnf install d && zypper in -y e'), ['yum:a', 'dnf:b', 'dnf:c', 'dnf:d', 'zypper:e']);
    assert.deepEqual(unpinned('yum module install x && dnf module install y:1 z'), ['yum:x', 'dnf:z']);
  });

  it('leaves out what pins the whole command, other subcommands and unknown words', () => {
    assert.deepEqual(unpinned('pip install -r r.txt a && pip install -c c.txt b && gem install c -v 1 && zypper in -t pattern d'), []);
    assert.deepEqual(unpinned('apt-get remove a && npm ci && npm install && yarn add b && pnpm add c && go build ./x && go mod download'), []);
    assert.deepEqual(unpinned('apt-get install -y "$PKGS" && pip install ${REQ} && npm i -g `cat tools`'), []);
  });
});
