import { labelFormatGitHash } from '../../../server/src/rules/dockerfile/label-format-hash';
import { ruleTable } from '../../helpers/ruleTable';

const config = "label-schema:\n  revision: hash\n";
ruleTable(labelFormatGitHash, [
  { name: "not hash: main", config, text: "FROM debian:12\nLABEL revision=main\n", expect: ["2:16-2:20"], messages: [/must be/] },
  { name: "not hash: 4f2c1e", config, text: "FROM debian:12\nLABEL revision=4f2c1e\n", expect: ["2:16-2:22"], messages: [/must be/] },
  { name: "not hash: zzzzzzz", config, text: "FROM debian:12\nLABEL revision=zzzzzzz\n", expect: ["2:16-2:23"], messages: [/must be/] },
  { name: "hash: 4f2c1e9", config, text: "FROM debian:12\nLABEL revision=4f2c1e9\n", expect: [] },
  { name: "hash: 4f2c1e9b8a7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e", config, text: "FROM debian:12\nLABEL revision=4f2c1e9b8a7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e\n", expect: [] },
  { name: "hash: ABCDEF0", config, text: "FROM debian:12\nLABEL revision=ABCDEF0\n", expect: [] },
  { name: 'an empty value is left to label-empty', config, text: "FROM debian:12\nLABEL revision=\"\"\n", expect: [] },
  { name: 'a label the schema declares as text is not checked', config: "label-schema:\n  revision: text\n", text: "FROM debian:12\nLABEL revision=main\n", expect: [] },
  { name: 'without label-schema the rule is silent', text: "FROM debian:12\nLABEL revision=main\n", expect: [] },
]);
