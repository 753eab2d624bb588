import { labelFormatRfc3339 } from '../../../server/src/rules/dockerfile/label-format-rfc3339';
import { ruleTable } from '../../helpers/ruleTable';

const config = "label-schema:\n  created: rfc3339\n";
ruleTable(labelFormatRfc3339, [
  { name: "not rfc3339: 2024-05-01", config, text: "FROM debian:12\nLABEL created=2024-05-01\n", expect: ["2:15-2:25"], messages: [/must be/] },
  { name: "not rfc3339: 2024-13-01T00:00:00Z", config, text: "FROM debian:12\nLABEL created=2024-13-01T00:00:00Z\n", expect: ["2:15-2:35"], messages: [/must be/] },
  { name: "not rfc3339: \"2024-02-30T10:00:00+01:00\"", config, text: "FROM debian:12\nLABEL created=\"2024-02-30T10:00:00+01:00\"\n", expect: ["2:15-2:42"], messages: [/must be/] },
  { name: "rfc3339: 2024-05-01T12:00:00Z", config, text: "FROM debian:12\nLABEL created=2024-05-01T12:00:00Z\n", expect: [] },
  { name: "rfc3339: 2024-02-29T23:59:59.123+05:30", config, text: "FROM debian:12\nLABEL created=2024-02-29T23:59:59.123+05:30\n", expect: [] },
  { name: "rfc3339: \"2024-05-01 12:00:00Z\"", config, text: "FROM debian:12\nLABEL created=\"2024-05-01 12:00:00Z\"\n", expect: [] },
  { name: 'an empty value is left to label-empty', config, text: "FROM debian:12\nLABEL created=\"\"\n", expect: [] },
  { name: 'a label the schema declares as text is not checked', config: "label-schema:\n  created: text\n", text: "FROM debian:12\nLABEL created=2024-05-01\n", expect: [] },
  { name: 'without label-schema the rule is silent', text: "FROM debian:12\nLABEL created=2024-05-01\n", expect: [] },
]);
