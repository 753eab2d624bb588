// addUserOptions: the name, UID and -l of useradd, busybox adduser and Debian adduser, as the shell model gives them.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShellParser, parseShell } from '../../server/src/core/dockerfile/shell';
import { addUserOptions } from '../../server/src/core/dockerfile/user-commands';

function opts(script: string) {
  const o = addUserOptions(parseShell(script).commands[0]);
  return o && { name: o.name?.value, uid: o.uid, noLogInit: o.noLogInit };
}

describe('addUserOptions', () => {
  before(() => initShellParser());

  it('reads useradd options, glued and long, and skips option values', () => {
    assert.deepEqual(opts('useradd -u 1000 app'), { name: 'app', uid: '1000', noLogInit: false });
    assert.deepEqual(opts('useradd -m -s /bin/bash -G wheel,adm -lu 123456 dev'), { name: 'dev', uid: '123456', noLogInit: true });
    assert.deepEqual(opts('useradd --uid=5 --no-log-init --home-dir /h --comment "A B" svc'), { name: 'svc', uid: '5', noLogInit: true });
    assert.deepEqual(opts('useradd -u1000 -g app -- app'), { name: 'app', uid: '1000', noLogInit: false });
  });

  it('reads busybox and Debian adduser', () => {
    assert.deepEqual(opts('adduser -D -h /home/a -u 1000 -G grp a grp'), { name: 'a', uid: '1000', noLogInit: false });
    assert.deepEqual(opts('adduser --system --uid 999 --ingroup svc --gecos "" svc'), { name: 'svc', uid: '999', noLogInit: false });
    // -l is not adduser's log option.
    assert.deepEqual(opts('adduser -l x b'), { name: 'x', uid: undefined, noLogInit: false });
  });

  it('is undefined for other commands', () => {
    assert.equal(opts('usermod -u 1000 app'), undefined);
  });
});
