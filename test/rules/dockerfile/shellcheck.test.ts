// The shellcheck rule with the real ShellCheck: ranges mapped back across continuations, heredocs, tabs, CRLF and
// wide characters; the stage's dialect; ARG/ENV names in scope; SC codes as aliases of single findings; the fix.
import { before, describe } from 'node:test';
import { shellcheck } from '../../../server/src/rules/dockerfile/shellcheck';
import { answerShellcheck } from '../../helpers/shellcheck';
import { ruleTable, type RuleCase } from '../../helpers/ruleTable';

const cases: RuleCase[] = [
  {
    name: 'an unquoted ARG: SC2086 with its fix, not SC2154 (declared)',
    text: 'FROM debian:12\nARG NAME\nRUN echo $NAME\n',
    expect: ['3:10-3:15'],
    messages: [/Double quote to prevent globbing.*\(SC2086\)/],
    fixed: 'FROM debian:12\nARG NAME\nRUN echo "$NAME"\n',
  },
  {
    name: 'after line continuations and a comment line Docker drops',
    text: 'FROM debian:12\nRUN apt-get update \\\n    && cd /tmp \\\n# a comment Docker drops\n    && echo $HOME/$1\n',
    expect: ['5:13-5:18', '5:19-5:21'],
    fixHit: 1,
    fixed: 'FROM debian:12\nRUN apt-get update \\\n    && cd /tmp \\\n# a comment Docker drops\n    && echo $HOME/"$1"\n',
  },
  {
    name: 'a RUN <<-EOF heredoc: leading tabs stripped as the shell sees them',
    text: 'FROM debian:12\nRUN <<-EOF\n\tset -e\n\t\tcp $src /dst\nEOF\n',
    expect: ['4:6-4:10', '4:6-4:10'],
    messages: [/src is referenced but not assigned.*SC2154/, /SC2086/],
    fixHit: 1,
    fixed: 'FROM debian:12\nRUN <<-EOF\n\tset -e\n\t\tcp "$src" /dst\nEOF\n',
  },
  {
    name: 'CRLF line endings and a continuation',
    text: 'FROM debian:12\r\nRUN echo $x \\\r\n  $y\r\n',
    expect: ['2:10-2:12', '2:10-2:12', '3:3-3:5', '3:3-3:5'],
    fixHit: 3,
    fixed: 'FROM debian:12\r\nRUN echo $x \\\r\n  "$y"\r\n',
  },
  {
    name: 'tabs count as one column, wide characters as one code point',
    text: 'FROM debian:12\nARG v\nRUN\techo\t"é😀"\t$v\n',
    expect: ['3:5-3:18', '3:16-3:18'],
    messages: [/SC2291/, /SC2086/],
    fixHit: 1,
    fixed: 'FROM debian:12\nARG v\nRUN\techo\t"é😀"\t"$v"\n',
  },
  {
    name: 'a heredoc after a command: the body is script text too',
    text: 'FROM debian:12\nRUN cat <<EOF > /etc/x.conf && echo $1\nvalue=$y\nEOF\n',
    expect: ['2:37-2:39', '3:7-3:9'],
    messages: [/SC2086/, /SC2154/],
  },
  {
    name: "sh by default: [[ ]] is not POSIX (no fix: ShellCheck offers none)",
    text: 'FROM debian:12\nRUN [[ -f /x ]] && echo ok\n',
    expect: ['2:5-2:16'],
    messages: [/In POSIX sh, \[\[ \]\] is undefined. \(SC3010\)/],
    noFix: true,
  },
  {
    name: 'bash after SHELL, inherited from the parent stage; its ENV is in scope, other names are not',
    text: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nENV data_dir=/srv\nFROM base\nRUN [[ -d "$data_dir" ]] && echo "$other"\n',
    expect: ['5:35-5:41'],
    messages: [/other is referenced but not assigned/],
  },
  {
    name: 'a heredoc with a bash shebang is bash; one with a python shebang is not given to ShellCheck',
    text: 'FROM debian:12\nRUN <<EOF\n#!/usr/bin/env python3\nprint($x)\nEOF\nRUN <<EOF\n#!/bin/bash\n[[ -n "$HOME" ]] && echo "$k"\nEOF\n',
    expect: ['8:27-8:29'],
  },
  {
    name: '# hadolint ignore=SC2086 hides that code only',
    text: 'FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $1\n# hadolint ignore=SC2154\nRUN echo $y\n',
    expect: ['5:10-5:12'],
    messages: [/SC2086/],
  },
  { name: 'a shell ShellCheck does not know (PowerShell) is not checked', text: 'FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN echo $x\n', expect: [] },
  {
    name: 'a word joined across a continuation ($dir + /cache): the fix quotes the variable on its line',
    text: 'FROM debian:12\nARG dir\nRUN rm -rf $dir\\\n/cache\n',
    expect: ['3:12-3:16'],
    messages: [/SC2086/],
    fixed: 'FROM debian:12\nARG dir\nRUN rm -rf "$dir"\\\n/cache\n',
  },
  { name: 'exec form is not a shell script', text: 'FROM debian:12\nRUN ["sh", "-c", "echo $x"]\n', expect: [] },
  { name: 'clean scripts', text: 'FROM debian:12\nARG VERSION=1\nRUN echo "$VERSION" && [ -d /tmp ]\n', expect: [] },
];

describe('shellcheck (real ShellCheck)', () => {
  before(() => answerShellcheck(cases.flatMap((c) => [c.text, ...(c.fixed ? [c.fixed] : [])])));
  ruleTable(shellcheck, cases);
});
