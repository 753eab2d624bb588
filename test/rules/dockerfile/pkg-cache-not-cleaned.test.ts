import { pkgCacheNotCleaned } from '../../../server/src/rules/dockerfile/pkg-cache-not-cleaned';
import { runRule, ruleTable } from '../../helpers/ruleTable';
import assert from 'node:assert/strict';
import { it } from 'node:test';

ruleTable(pkgCacheNotCleaned, [
  {
    name: 'yum install',
    text: 'FROM centos:7\nRUN yum install -y httpd\n',
    expect: ['2:9-2:16'],
    messages: [/`yum install`.*yum clean all/],
    fixed: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
  },
  {
    name: 'dnf with options before install, multi-line',
    text: 'FROM fedora:40\nRUN dnf -y --setopt tsflags=nodocs install \\\n      gcc \\\n      make\n',
    expect: ['2:36-2:43'],
    fixed: 'FROM fedora:40\nRUN dnf -y --setopt tsflags=nodocs install \\\n      gcc \\\n      make \\\n    && dnf clean all\n',
  },
  {
    name: 'microdnf',
    text: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar gzip\n',
    expect: ['2:14-2:21'],
    fixed: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar gzip && microdnf clean all\n',
  },
  {
    name: 'zypper in',
    text: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl\n',
    expect: ['2:15-2:17'],
    messages: [/zypper clean/],
    fixed: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper clean --all\n',
  },
  {
    name: 'yarn install in a && chain',
    text: 'FROM node:20\nWORKDIR /app\nRUN yarn install --frozen-lockfile && yarn build\n',
    expect: ['3:10-3:17'],
    messages: [/yarn cache clean/],
    fixed: 'FROM node:20\nWORKDIR /app\nRUN yarn install --frozen-lockfile && yarn build && yarn cache clean\n',
  },
  {
    name: 'clean before a second install does not cover it',
    text: 'FROM centos:7\nRUN yum install -y a && yum clean all && yum install -y b\n',
    expect: ['2:46-2:53'],
  },
  { name: 'yarn global add', text: 'FROM node:20\nRUN yarn global add pm2\n', expect: ['2:17-2:20'] },
  {
    name: 'dnf -y in (alias after an option)',
    text: 'FROM fedora:40\nRUN dnf -y in gcc\n',
    expect: ['2:12-2:14'],
    messages: [/`dnf in` leaves its package cache/],
    fixed: 'FROM fedora:40\nRUN dnf -y in gcc && dnf clean all\n',
  },
  { name: 'yum upgrade, update and groupinstall', text: 'FROM centos:7\nRUN yum upgrade -y && yum -y update && yum groupinstall -y "Development Tools"\n', expect: ['2:9-2:16', '2:30-2:36', '2:44-2:56'] },
  {
    name: 'dnf group install: the install word',
    text: 'FROM fedora:40\nRUN dnf group install -y "Development Tools"\n',
    expect: ['2:15-2:22'],
    fixed: 'FROM fedora:40\nRUN dnf group install -y "Development Tools" && dnf clean all\n',
  },
  { name: 'microdnf upgrade', text: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf upgrade -y\n', expect: ['2:14-2:21'] },
  { name: 'rm of another folder is no clean', text: 'FROM fedora:40\nRUN dnf install -y gcc && rm -rf /var/cache/apt\n', expect: ['2:9-2:16'] },
  { name: 'yum clean all', text: 'FROM centos:7\nRUN yum -y install httpd && yum clean all\n', expect: [] },
  { name: 'dnf cleaned by rm of its cache', text: 'FROM fedora:40\nRUN dnf install -y gcc && rm -rf /var/cache/dnf\n', expect: [] },
  { name: 'zypper cc', text: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper cc -a\n', expect: [] },
  { name: 'yarn cache clean', text: 'FROM node:20\nRUN yarn add left-pad && yarn cache clean\n', expect: [] },
  { name: 'dnf cleaned by rm of /var/cache/yum', text: 'FROM rockylinux:9\nRUN dnf install -y gcc && rm -rf /var/cache/yum\n', expect: [] },
  { name: 'yum cleaned by rm of the contents of /var/cache/yum', text: 'FROM centos:7\nRUN yum install -y gcc && rm -rf /var/cache/yum/*\n', expect: [] },
  { name: 'microdnf cleaned by rm of /var/cache/dnf', text: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar && rm -rf /var/cache/yum /var/cache/dnf\n', expect: [] },
  { name: 'yum cache mount on /var/cache/yum', text: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y gcc\n', expect: [] },
  { name: 'dnf tmpfs mount on /var/cache', text: 'FROM fedora:40\nRUN --mount=type=tmpfs,target=/var/cache dnf install -y gcc\n', expect: [] },
  { name: 'a bind mount is no cache mount', text: 'FROM fedora:40\nRUN --mount=type=bind,target=/var/cache/dnf dnf install -y gcc\n', expect: ['2:49-2:56'] },
  { name: 'yum update -y with clean all', text: 'FROM centos:7\nRUN yum update -y && yum clean all\n', expect: [] },
  { name: 'dnf cache mount', text: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y gcc\n', expect: [] },
  { name: 'yarn cache mount', text: 'FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n', expect: [] },
  { name: 'builder stage', text: 'FROM node:20 AS build\nRUN yarn install && yarn build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n', expect: [] },
  { name: 'quoted mention', text: 'FROM centos:7\nRUN echo "yum install x"\n', expect: [] },
]);

it('pkg-cache-not-cleaned puts the hadolint code of the manager into data', () => {
  const codes = (text: string) => runRule(pkgCacheNotCleaned, { text }).map((f) => f.data?.code);
  assert.deepEqual(codes('FROM x\nRUN yum install a; dnf install b; microdnf install c; zypper in d; yarn add e\n'), ['DL3032', 'DL3040', 'DL3040', 'DL3036', 'DL3060']);
});
