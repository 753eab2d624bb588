import { aptNotAptGet } from '../../../server/src/rules/dockerfile/apt-not-apt-get';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(aptNotAptGet, [
  {
    name: 'apt in a && chain: each use is flagged',
    text: 'FROM debian:12\nRUN apt update && apt install -y curl\n',
    expect: ['2:5-2:8', '2:19-2:22'],
    messages: [/`apt update`.*use apt-get/, /`apt install`/],
    fixed: 'FROM debian:12\nRUN apt-get update && apt install -y curl\n',
  },
  {
    name: 'fix of the second hit',
    text: 'FROM debian:12\nRUN apt update && apt install -y curl\n',
    expect: ['2:5-2:8', '2:19-2:22'],
    fixHit: 1,
    fixed: 'FROM debian:12\nRUN apt update && apt-get install -y curl\n',
  },
  {
    name: 'multi-line with sudo and an assignment',
    text: 'FROM ubuntu:24.04\nRUN apt-get update \\\n    && sudo DEBIAN_FRONTEND=noninteractive apt -y install git\n',
    expect: ['3:44-3:47'],
    fixed: 'FROM ubuntu:24.04\nRUN apt-get update \\\n    && sudo DEBIAN_FRONTEND=noninteractive apt-get -y install git\n',
  },
  {
    name: 'full path',
    text: 'FROM debian:12\nRUN /usr/bin/apt remove -y vim\n',
    expect: ['2:5-2:17'],
    fixed: 'FROM debian:12\nRUN /usr/bin/apt-get remove -y vim\n',
  },
  {
    name: 'exec form',
    text: 'FROM debian:12\nRUN ["apt", "install", "-y", "curl"]\n',
    expect: ['2:6-2:11'],
    fixed: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
  },
  { name: 'in a pipeline, also in builder stages', text: 'FROM debian:12 AS build\nRUN apt list --installed | grep ssl\nFROM scratch\n', expect: ['2:5-2:8'], messages: [/apt-get or apt-cache/], noFix: true },
  { name: 'apt-get', text: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', expect: [] },
  { name: 'apt-cache and apt-key are other programs', text: 'FROM debian:12\nRUN apt-cache policy curl && apt-key list\n', expect: [] },
  { name: 'quoted mention', text: 'FROM debian:12\nRUN echo "apt install curl"\n', expect: [] },
  { name: 'package named apt', text: 'FROM debian:12\nRUN apt-get install -y apt\n', expect: [] },
]);
