import { aptNoInstallRecommends } from '../../../server/src/rules/dockerfile/apt-no-install-recommends';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(aptNoInstallRecommends, [
  {
    name: 'aptitude install: its own flag',
    text: 'FROM debian:12\nRUN aptitude install -y vim\n',
    expect: ['2:14-2:21'],
    messages: [/`aptitude install` without --without-recommends/],
    fixed: 'FROM debian:12\nRUN aptitude install --without-recommends -y vim\n',
  },
  { name: 'aptitude -R and --without-recommends', text: 'FROM debian:12\nRUN aptitude -R install -y a && aptitude install --without-recommends -y b\n', expect: [] },
  { name: 'aptitude with APT::Install-Recommends off', text: 'FROM debian:12\nRUN aptitude -o APT::Install-Recommends=false install -y vim\n', expect: [] },
  { name: '-R on apt-get is not aptitude\'s flag', text: 'FROM debian:12\nRUN apt-get install -R -y vim\n', expect: ['2:13-2:20'] },
  {
    name: 'plain install in a && chain',
    text: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    expect: ['2:31-2:38'],
    messages: [/--no-install-recommends/],
    fixed: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n',
  },
  {
    name: 'options before install',
    text: 'FROM debian:12\nRUN apt-get -y install curl\n',
    expect: ['2:16-2:23'],
    fixed: 'FROM debian:12\nRUN apt-get -y install --no-install-recommends curl\n',
  },
  {
    name: 'sudo with an environment assignment',
    text: 'FROM ubuntu:24.04\nRUN sudo DEBIAN_FRONTEND=noninteractive apt-get install -qq curl\n',
    expect: ['2:49-2:56'],
    fixed: 'FROM ubuntu:24.04\nRUN sudo DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends -qq curl\n',
  },
  {
    name: 'multi-line RUN',
    text: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n       git \\\n       curl\n',
    expect: ['3:16-3:23'],
    fixed: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install --no-install-recommends -y \\\n       git \\\n       curl\n',
  },
  {
    name: 'exec form gets a separate JSON string',
    text: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
    expect: ['2:17-2:26'],
    fixed: 'FROM debian:12\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "curl"]\n',
  },
  { name: 'flag present', text: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n', expect: [] },
  { name: '-o APT::Install-Recommends=false', text: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n', expect: [] },
  { name: 'joined -o form', text: 'FROM debian:12\nRUN apt-get install -y -oAPT::Install-Recommends=0 curl\n', expect: [] },
  {
    name: 'apt config written by an earlier RUN',
    text: "FROM debian:12\nRUN echo 'APT::Install-Recommends \"0\";' > /etc/apt/apt.conf.d/01norecommends\nRUN apt-get install -y curl\n",
    expect: [],
  },
  { name: 'builder stage', text: 'FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM debian:12-slim\nCOPY --from=build /out /out\n', expect: [] },
  { name: 'quoted mention', text: 'FROM debian:12\nRUN echo "apt-get install curl"\n', expect: [] },
  { name: 'other subcommands', text: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n', expect: [] },
]);
