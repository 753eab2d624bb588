import { emptyContinuationLine } from '../../../server/src/rules/dockerfile/empty-continuation-line';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(emptyContinuationLine, [
  {
    name: 'an empty line after a continuation',
    text: 'FROM debian:12\nRUN apt-get update \\\n\n    && apt-get install -y curl\n',
    expect: ['3:1-3:1'],
    messages: [/An empty line continues the RUN instruction on line 2/],
    fixed: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl\n',
  },
  {
    name: 'whitespace-only lines around a comment, CRLF',
    text: 'FROM debian:12\r\nRUN a \\\r\n  \r\n# note\r\n\t\r\n    b\r\nRUN c\r\n',
    expect: ['3:1-5:2'],
    messages: [/2 empty lines continue the RUN instruction on line 2/],
    fixed: 'FROM debian:12\r\nRUN a \\\r\n# note\r\n    b\r\nRUN c\r\n',
  },
  {
    name: 'ENV with the backtick escape',
    text: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nENV A=1 `\n\n    B=2\n',
    expect: ['4:1-4:1'],
    fixed: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nENV A=1 `\n    B=2\n',
  },
  { name: 'continuations without empty lines are fine', text: 'FROM debian:12\nRUN a \\\n    # comment\n    && b\n', expect: [] },
  { name: 'empty lines between instructions are fine', text: 'FROM debian:12\n\nRUN a\n\nRUN b\n', expect: [] },
  { name: 'a heredoc keeps its empty lines', text: 'FROM debian:12\nRUN <<EOF\nset -e\n\necho hi\nEOF\n', expect: [] },
  { name: 'a trailing continuation at the end of the file', text: 'FROM debian:12\nRUN a \\\n\n', expect: [] },
]);
