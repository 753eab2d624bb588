import { labelEmpty } from '../../../server/src/rules/dockerfile/label-empty';
import { ruleTable } from '../../helpers/ruleTable';

const config = 'label-schema:\n  author: text\n  version: semver\n';
ruleTable(labelEmpty, [
  { name: 'empty quotes', config, text: 'FROM debian:12\nLABEL author=""\n', expect: ['2:7-2:16'], messages: [/`author` is empty/] },
  { name: 'nothing after =', config, text: 'FROM debian:12\nLABEL version=\n', expect: ['2:7-2:15'] },
  { name: 'only spaces in quotes', config, text: 'FROM debian:12\nLABEL author="  "\n', expect: ['2:14-2:18'] },
  { name: 'set', config, text: 'FROM debian:12\nLABEL author=me version=1.0.0\n', expect: [] },
  { name: 'an empty label outside the schema', config, text: 'FROM debian:12\nLABEL other=""\n', expect: [] },
]);
