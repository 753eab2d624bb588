import { labelFormatSpdx } from '../../../server/src/rules/dockerfile/label-format-spdx';
import { ruleTable } from '../../helpers/ruleTable';

const config = "label-schema:\n  license: spdx\n";
ruleTable(labelFormatSpdx, [
  { name: "not spdx: \"Apache 2\"", config, text: "FROM debian:12\nLABEL license=\"Apache 2\"\n", expect: ["2:15-2:25"], messages: [/must be/] },
  { name: "not spdx: GPL", config, text: "FROM debian:12\nLABEL license=GPL\n", expect: ["2:15-2:18"], messages: [/must be/] },
  { name: "not spdx: \"MIT OR\"", config, text: "FROM debian:12\nLABEL license=\"MIT OR\"\n", expect: ["2:15-2:23"], messages: [/must be/] },
  { name: "spdx: Apache-2.0", config, text: "FROM debian:12\nLABEL license=Apache-2.0\n", expect: [] },
  { name: "spdx: \"MIT OR Apache-2.0\"", config, text: "FROM debian:12\nLABEL license=\"MIT OR Apache-2.0\"\n", expect: [] },
  { name: "spdx: \"GPL-2.0-or-later WITH Classpath-exception-2.0\"", config, text: "FROM debian:12\nLABEL license=\"GPL-2.0-or-later WITH Classpath-exception-2.0\"\n", expect: [] },
  { name: 'an empty value is left to label-empty', config, text: "FROM debian:12\nLABEL license=\"\"\n", expect: [] },
  { name: 'a label the schema declares as text is not checked', config: "label-schema:\n  license: text\n", text: "FROM debian:12\nLABEL license=\"Apache 2\"\n", expect: [] },
  { name: 'without label-schema the rule is silent', text: "FROM debian:12\nLABEL license=\"Apache 2\"\n", expect: [] },
]);
