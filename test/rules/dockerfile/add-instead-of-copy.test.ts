import { addInsteadOfCopy } from '../../../server/src/rules/dockerfile/add-instead-of-copy';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(addInsteadOfCopy, [
  {
    name: 'local file',
    text: 'FROM python:3.12-slim\nADD requirements.txt /app/\n',
    expect: ['2:1-2:4'],
    messages: [/use COPY/],
    fixed: 'FROM python:3.12-slim\nCOPY requirements.txt /app/\n',
  },
  {
    name: 'flags COPY supports are kept',
    text: 'FROM node:20\nADD --chown=node:node --chmod=644 . /app\n',
    expect: ['2:1-2:4'],
    fixed: 'FROM node:20\nCOPY --chown=node:node --chmod=644 . /app\n',
  },
  {
    name: 'multi-line source list',
    text: 'FROM debian:12\nADD conf/a.conf \\\n    conf/b.conf \\\n    /etc/app/\n',
    expect: ['2:1-2:4'],
    fixed: 'FROM debian:12\nCOPY conf/a.conf \\\n    conf/b.conf \\\n    /etc/app/\n',
  },
  {
    name: 'JSON form and lower-case keyword',
    text: 'FROM debian:12\nadd ["src/", "/app/src/"]\n',
    expect: ['2:1-2:4'],
    fixed: 'FROM debian:12\ncopy ["src/", "/app/src/"]\n',
  },
  {
    name: 'zip files are not unpacked by ADD',
    text: 'FROM debian:12\nADD dist.zip /opt/\n',
    expect: ['2:1-2:4'],
    fixed: 'FROM debian:12\nCOPY dist.zip /opt/\n',
  },
  {
    name: 'heredoc source',
    text: 'FROM debian:12\nADD <<EOF /etc/motd\nhello\nEOF\n',
    expect: ['2:1-2:4'],
    fixed: 'FROM debian:12\nCOPY <<EOF /etc/motd\nhello\nEOF\n',
  },
  { name: 'a flag COPY lacks: still a hit (no fix offered)', text: 'FROM debian:12\nADD --unknown=x a /b\n', expect: ['2:1-2:4'] },
  { name: 'URL source', text: 'FROM debian:12\nADD https://example.com/tool /usr/local/bin/tool\n', expect: [] },
  { name: 'git sources', text: 'FROM debian:12\nADD git@github.com:org/repo.git /src\nADD https://github.com/org/repo.git#v1 /src2\n', expect: [] },
  { name: 'local archives are unpacked', text: 'FROM debian:12\nADD rootfs.tar.gz /\nADD app.tgz /opt/\nADD data.tar.xz /data/\n', expect: [] },
  { name: 'remote-only flags', text: 'FROM debian:12\nADD --checksum=sha256:abc tool /bin/tool\nADD --keep-git-dir=true repo /src\n', expect: [] },
  { name: 'a variable source may be a URL', text: 'FROM debian:12\nARG SRC\nADD ${SRC} /opt/\n', expect: [] },
  {
    name: 'a quoted local file is still a local file',
    text: 'FROM debian:12\nADD "conf/app.conf" \'/etc/app/\'\n',
    expect: ['2:1-2:4'],
    fixed: 'FROM debian:12\nCOPY "conf/app.conf" \'/etc/app/\'\n',
  },
  { name: 'quoted archives and URLs are what they are unquoted', text: 'FROM debian:12\nADD "rootfs.tar.gz" /\nADD \'app.tgz\' /opt/\nADD "https://example.com/tool" /usr/local/bin/tool\n', expect: [] },
  { name: 'COPY itself', text: 'FROM debian:12\nCOPY a /b\n', expect: [] },
]);
