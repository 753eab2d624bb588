import { labelNotInSchema } from '../../../server/src/rules/dockerfile/label-not-in-schema';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(labelNotInSchema, [
  { name: 'a label outside the schema', config: 'strict-labels: true\nlabel-schema:\n  version: semver\n', text: 'FROM debian:12\nLABEL version=1.0.0 build.host=ci\n', expect: ['2:21-2:31'], messages: [/`build\.host` is not in label-schema/] },
  { name: 'strict labels without a schema: every label', config: 'strict-labels: true\n', text: 'FROM debian:12\nLABEL a=1\nLABEL b=2\n', expect: ['2:7-2:8', '3:7-3:8'] },
  { name: 'only schema labels', config: 'strict-labels: true\nlabel-schema:\n  version: semver\n', text: 'FROM debian:12\nLABEL version=1.0.0\n', expect: [] },
  { name: 'strict-labels off: silent', config: 'label-schema:\n  version: semver\n', text: 'FROM debian:12\nLABEL other=1\n', expect: [] },
]);
