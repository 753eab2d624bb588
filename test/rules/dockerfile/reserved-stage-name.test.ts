import { reservedStageName } from '../../../server/src/rules/dockerfile/reserved-stage-name';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(reservedStageName, [
  { name: 'a stage named scratch', text: 'FROM alpine:3.20 AS scratch\n', expect: ['1:21-1:28'], messages: [/`scratch` is reserved: `FROM scratch` means the empty image/] },
  { name: 'a stage named context, in upper case', text: 'FROM alpine:3.20 AS build\nFROM build AS Context\n', expect: ['2:15-2:22'], messages: [/`Context` is reserved: `context` names the build context/] },
  { name: 'FROM scratch itself is fine', text: 'FROM scratch AS final\nCOPY app /app\n', expect: [] },
  { name: 'names containing the words are fine', text: 'FROM alpine:3.20 AS scratch-base\nFROM alpine:3.20 AS build-context\n', expect: [] },
]);
