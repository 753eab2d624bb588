import { aptListsNotCleaned } from '../../../server/src/rules/dockerfile/apt-lists-not-cleaned';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(aptListsNotCleaned, [
  {
    name: 'aptitude update',
    text: 'FROM debian:12\nRUN aptitude update && aptitude install -y vim\n',
    expect: ['2:5-2:20'],
    messages: [/`aptitude update` leaves the package lists/],
    fixed: 'FROM debian:12\nRUN aptitude update && aptitude install -y vim && rm -rf /var/lib/apt/lists/*\n',
  },
  { name: 'aptitude update with the lists removed', text: 'FROM debian:12\nRUN aptitude update && aptitude install -y vim && rm -rf /var/lib/apt/lists/*\n', expect: [] },
  {
    name: 'a later aptitude install relies on the lists',
    text: 'FROM debian:12\nRUN apt-get update\nRUN aptitude install -y vim\n',
    expect: ['2:5-2:19'],
    messages: [/merge this RUN with the install on line 3/],
    noFix: true,
  },
  {
    name: 'update and install without cleanup',
    text: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    expect: ['2:5-2:19'],
    messages: [/apt-get update.*rm -rf \/var\/lib\/apt\/lists/],
    fixed: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    name: 'multi-line RUN gets a new continuation line',
    text: 'FROM debian:12\nRUN apt-get update \\\n    && DEBIAN_FRONTEND=noninteractive apt-get -y install --no-install-recommends git\n',
    expect: ['2:5-2:19'],
    fixed:
      'FROM debian:12\nRUN apt-get update \\\n    && DEBIAN_FRONTEND=noninteractive apt-get -y install --no-install-recommends git \\\n    && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    name: 'sudo and a trailing semicolon',
    text: 'FROM ubuntu:24.04\nRUN sudo apt-get -qq update; sudo apt-get install -qq curl;\n',
    expect: ['2:10-2:28'],
    fixed: 'FROM ubuntu:24.04\nRUN sudo apt-get -qq update; sudo apt-get install -qq curl && rm -rf /var/lib/apt/lists/*;\n',
  },
  {
    name: 'cleanup before the update does not count',
    text: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update\n',
    expect: ['2:36-2:50'],
    fixed: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    name: 'heredoc RUN gets a new line',
    text: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
    expect: ['3:1-3:15'],
    fixed: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n',
  },
  {
    name: 'CRLF line endings are kept',
    text: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install -y curl\r\n',
    expect: ['2:5-2:19'],
    fixed: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install -y curl \\\r\n    && rm -rf /var/lib/apt/lists/*\r\n',
  },
  {
    name: 'backtick escape character',
    text: '# escape=`\nFROM debian:12\nRUN apt-get update `\n    && apt-get install -y curl\n',
    expect: ['3:5-3:19'],
    fixed: '# escape=`\nFROM debian:12\nRUN apt-get update `\n    && apt-get install -y curl `\n    && rm -rf /var/lib/apt/lists/*\n',
  },
  { name: 'exec form is flagged without a fix', text: 'FROM debian:12\nRUN ["apt-get", "update"]\n', expect: ['2:6-2:25'], noFix: true },
  {
    name: 'cleanup in the same RUN',
    text: 'FROM debian:12\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n',
    expect: [],
  },
  { name: 'cleanup of the folder itself', text: 'FROM debian:12\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists /tmp/*\n', expect: [] },
  { name: 'cache mount on /var/lib/apt', text: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y x\n', expect: [] },
  { name: 'cache mount on the lists', text: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update\n', expect: [] },
  { name: 'builder stage', text: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /x /x\n', expect: [] },
  { name: 'install alone downloads no lists', text: 'FROM debian:12\nRUN apt-get install -y curl\n', expect: [] },
  { name: 'quoted mention', text: 'FROM debian:12\nRUN echo "apt-get update" > /tmp/notes\n', expect: [] },
  {
    name: 'no fix while a later RUN still installs from these lists (merge the RUNs first)',
    text: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
    expect: ['2:5-2:19'],
    messages: [/merge this RUN with the install on line 3/],
    noFix: true,
  },
]);
