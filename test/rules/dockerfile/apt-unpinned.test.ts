import { aptUnpinned } from '../../../server/src/rules/dockerfile/apt-unpinned';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(aptUnpinned, [
  {
    name: 'apt-get install without a version',
    text: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl git=1:2.39.5-0+deb12u1\n',
    expect: ['2:42-2:46'],
    messages: [/^`curl` is installed without a version; pin it as `curl=<version>` \(`apt-cache policy curl`/],
    noFix: true,
  },
  {
    name: 'each unpinned package on continuation lines',
    text: 'FROM ubuntu:24.04\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends \\\n      ca-certificates \\\n      curl=8.5.0-2ubuntu10.6 \\\n      wget\n',
    expect: ['4:7-4:22', '6:7-6:11'],
    messages: [/`ca-certificates`/, /`wget`/],
  },
  { name: 'apt install', text: 'FROM debian:12\nRUN apt install -y vim\n', expect: ['2:20-2:23'] },
  { name: 'the value of -t is a release, not a package', text: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports golang\n', expect: ['2:46-2:52'] },
  { name: 'exec form', text: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n', expect: ['2:34-2:40'] },
  { name: 'sudo and an environment prefix', text: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive sudo apt-get install -y jq\n', expect: ['2:60-2:62'] },
  { name: 'pinned with = (globs and variables too)', text: 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u8 git=1:2.39* jq=${JQ_VERSION}\n', expect: [] },
  { name: 'a release or a local .deb', text: 'FROM debian:12\nRUN apt-get install -y golang/bookworm-backports ./app_1.0_amd64.deb /tmp/x.deb\n', expect: [] },
  { name: 'a variable may hold pinned packages', text: 'FROM debian:12\nARG PACKAGES="curl=7.88.1-10+deb12u8"\nRUN apt-get install -y $PACKAGES "${EXTRA}"\n', expect: [] },
  { name: 'other subcommands', text: 'FROM debian:12\nRUN apt-get update && apt-get remove -y curl && apt-get download wget && apt-get build-dep -y git\n', expect: [] },
  { name: 'a quoted mention is not a command', text: 'FROM debian:12\nRUN echo "apt-get install curl"\n', expect: [] },
]);
