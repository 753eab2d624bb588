import { aptMissingYes } from '../../../server/src/rules/dockerfile/apt-missing-yes';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(aptMissingYes, [
  {
    name: 'install without -y',
    text: 'FROM debian:12-slim\nRUN apt-get update && apt-get install curl\n',
    expect: ['2:31-2:38'],
    messages: [/`apt-get install` without -y/],
    fixed: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
  },
  {
    name: 'sudo and an environment prefix do not hide the command',
    text: 'FROM ubuntu:24.04\nRUN sudo DEBIAN_FRONTEND=noninteractive apt-get upgrade\n',
    expect: ['2:49-2:56'],
    fixed: 'FROM ubuntu:24.04\nRUN sudo DEBIAN_FRONTEND=noninteractive apt-get upgrade -y\n',
  },
  {
    name: 'on a continuation line',
    text: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install \\\n       git\n',
    expect: ['3:16-3:23'],
    fixed: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n       git\n',
  },
  {
    name: 'exec form gets its own JSON string',
    text: 'FROM debian:12\nRUN ["apt-get", "install", "curl"]\n',
    expect: ['2:17-2:26'],
    fixed: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
  },
  { name: '-y after the subcommand', text: 'FROM debian:12\nRUN apt-get install -y curl\n', expect: [] },
  { name: '-y before the subcommand', text: 'FROM debian:12\nRUN apt-get -y install curl\n', expect: [] },
  { name: 'bundled short flags', text: 'FROM debian:12\nRUN apt-get install -qy curl\n', expect: [] },
  { name: '--yes and --assume-yes', text: 'FROM debian:12\nRUN apt-get --yes install a && apt-get install --assume-yes b\n', expect: [] },
  { name: '-qq implies yes', text: 'FROM debian:12\nRUN apt-get install -qq curl\n', expect: [] },
  { name: '-q -q (quiet level 2) implies yes', text: 'FROM debian:12\nRUN apt-get -q -q install curl\n', expect: [] },
  {
    name: 'the value of -o before the subcommand is not the subcommand',
    text: 'FROM debian:12\nRUN apt-get -o Dpkg::Use-Pty=0 install curl\n',
    expect: ['2:32-2:39'],
    fixed: 'FROM debian:12\nRUN apt-get -o Dpkg::Use-Pty=0 install -y curl\n',
  },
  { name: '-q=2 implies yes', text: 'FROM debian:12\nRUN apt-get -q=2 install curl\n', expect: [] },
  { name: '--quiet --quiet implies yes', text: 'FROM debian:12\nRUN apt-get --quiet --quiet install curl\n', expect: [] },
  { name: '--quiet=2 and -q with -qy', text: 'FROM debian:12\nRUN apt-get --quiet=2 install a && apt-get -q install -q b\n', expect: [] },
  {
    name: 'a single -q does not imply yes',
    text: 'FROM debian:12\nRUN apt-get -q install curl\n',
    expect: ['2:16-2:23'],
    fixed: 'FROM debian:12\nRUN apt-get -q install -y curl\n',
  },
  {
    name: '--quiet=1 does not imply yes',
    text: 'FROM debian:12\nRUN apt-get --quiet=1 remove curl\n',
    expect: ['2:23-2:29'],
    messages: [/`apt-get remove` without -y/],
  },
  {
    name: 'aptitude install',
    text: 'FROM debian:12\nRUN aptitude install vim\n',
    expect: ['2:14-2:21'],
    messages: [/`aptitude install` without -y/],
    fixed: 'FROM debian:12\nRUN aptitude install -y vim\n',
  },
  {
    name: "aptitude's -qq does not answer its prompt",
    text: 'FROM debian:12\nRUN aptitude -qq install vim\n',
    expect: ['2:18-2:25'],
  },
  { name: 'aptitude -y', text: 'FROM debian:12\nRUN aptitude -y install vim && aptitude install --assume-yes git\n', expect: [] },
  {
    name: 'exec form with an environment assignment first',
    text: 'FROM debian:12\nRUN ["DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "curl"]\n',
    expect: ['2:51-2:60'],
    fixed: 'FROM debian:12\nRUN ["DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "curl"]\n',
  },
  { name: 'update needs no -y', text: 'FROM debian:12\nRUN apt-get update\n', expect: [] },
  { name: 'a quoted mention is not a command', text: 'FROM debian:12\nRUN echo "apt-get install curl"\n', expect: [] },
]);
