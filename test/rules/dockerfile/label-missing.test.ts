import { labelMissing } from '../../../server/src/rules/dockerfile/label-missing';
import { ruleTable } from '../../helpers/ruleTable';

const config = 'label-schema:\n  version: semver\n  author: text\n';
ruleTable(labelMissing, [
  { name: 'both labels missing: one finding each on the FROM', config, text: 'FROM debian:12\nRUN true\n', expect: ['1:1-1:15', '1:1-1:15'], messages: [/`version` is missing/, /`author` is missing/] },
  { name: 'one of two set', config, text: 'FROM debian:12\nLABEL version=1.0.0\n', expect: ['1:1-1:15'], messages: [/`author`/] },
  { name: 'both set in one LABEL', config, text: 'FROM debian:12\nLABEL version=1.0.0 author="me"\n', expect: [] },
  { name: 'quoted keys count', config, text: 'FROM debian:12\nLABEL "version"="1.0.0" \'author\'=me\n', expect: [] },
  { name: 'inherited from the stage it is built FROM', config, text: 'FROM debian:12 AS base\nLABEL version=1.0.0 author=me\nFROM base\nRUN true\n', expect: [] },
  { name: 'a builder stage only used by COPY --from is left alone', config, text: 'FROM golang:1.22 AS build\nRUN go build\nFROM debian:12\nLABEL version=1.0.0 author=me\nCOPY --from=build /app /app\n', expect: [] },
  { name: 'a second image stage without labels', config, text: 'FROM debian:12 AS a\nLABEL version=1.0.0 author=me\nFROM alpine:3.20 AS b\n', expect: ['3:1-3:22', '3:1-3:22'] },
  { name: 'without label-schema the rule is silent', text: 'FROM debian:12\n', expect: [] },
]);
