import { maintainerDeprecated } from '../../../server/src/rules/dockerfile/maintainer-deprecated';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(maintainerDeprecated, [
  {
    name: 'MAINTAINER becomes the OCI authors label',
    text: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n',
    expect: ['2:1-2:11'],
    messages: [/org\.opencontainers\.image\.authors/],
    fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\nRUN true\n',
  },
  {
    name: 'quotes, dollar signs and backslashes are escaped; continuation lines are joined',
    text: 'FROM alpine:3.20\nMAINTAINER Jane "Ops" \\\n    $team\\x\n',
    expect: ['2:1-2:11'],
    fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane \\"Ops\\" \\$team\\\\x"\n',
  },
  {
    name: 'backtick escape directive and CRLF',
    text: '# escape=`\r\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\r\nMAINTAINER Team "Ops" C:\\team `\r\n    x`y\r\n',
    expect: ['3:1-3:11'],
    fixed: '# escape=`\r\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\r\nLABEL org.opencontainers.image.authors="Team `"Ops`" C:\\team x``y"\r\n',
  },
  {
    name: 'lower-case keyword at the end of the file without a newline',
    text: 'FROM alpine:3.20\nmaintainer ops@example.com',
    expect: ['2:1-2:11'],
    fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="ops@example.com"',
  },
  { name: 'the label itself is fine', text: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="ops@example.com"\n', expect: [] },
  { name: 'a comment mentioning MAINTAINER is fine', text: 'FROM alpine:3.20\n# MAINTAINER was removed\n', expect: [] },
  { name: 'a label named maintainer is fine', text: 'FROM alpine:3.20\nLABEL maintainer="ops@example.com"\n', expect: [] },
]);
