import { labelFormatSemver } from '../../../server/src/rules/dockerfile/label-format-semver';
import { ruleTable } from '../../helpers/ruleTable';

const config = "label-schema:\n  version: semver\n";
ruleTable(labelFormatSemver, [
  { name: "not semver: v1.4.0", config, text: "FROM debian:12\nLABEL version=v1.4.0\n", expect: ["2:15-2:21"], messages: [/must be/] },
  { name: "not semver: 1.4", config, text: "FROM debian:12\nLABEL version=1.4\n", expect: ["2:15-2:18"], messages: [/must be/] },
  { name: "not semver: 01.2.3", config, text: "FROM debian:12\nLABEL version=01.2.3\n", expect: ["2:15-2:21"], messages: [/must be/] },
  { name: "semver: 1.4.0", config, text: "FROM debian:12\nLABEL version=1.4.0\n", expect: [] },
  { name: "semver: 1.4.0-rc.1+build.5", config, text: "FROM debian:12\nLABEL version=1.4.0-rc.1+build.5\n", expect: [] },
  { name: "semver: 0.0.1", config, text: "FROM debian:12\nLABEL version=0.0.1\n", expect: [] },
  { name: 'an empty value is left to label-empty', config, text: "FROM debian:12\nLABEL version=\"\"\n", expect: [] },
  { name: 'a label the schema declares as text is not checked', config: "label-schema:\n  version: text\n", text: "FROM debian:12\nLABEL version=v1.4.0\n", expect: [] },
  { name: 'without label-schema the rule is silent', text: "FROM debian:12\nLABEL version=v1.4.0\n", expect: [] },
]);
