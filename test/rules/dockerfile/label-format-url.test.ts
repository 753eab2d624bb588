import { labelFormatUrl } from '../../../server/src/rules/dockerfile/label-format-url';
import { ruleTable } from '../../helpers/ruleTable';

const config = "label-schema:\n  org.opencontainers.image.documentation: url\n";
ruleTable(labelFormatUrl, [
  { name: "not url: docs.example.com", config, text: "FROM debian:12\nLABEL org.opencontainers.image.documentation=docs.example.com\n", expect: ["2:46-2:62"], messages: [/must be/] },
  { name: "not url: \"not a url\"", config, text: "FROM debian:12\nLABEL org.opencontainers.image.documentation=\"not a url\"\n", expect: ["2:46-2:57"], messages: [/must be/] },
  { name: "url: https://docs.example.com/x", config, text: "FROM debian:12\nLABEL org.opencontainers.image.documentation=https://docs.example.com/x\n", expect: [] },
  { name: "url: mailto:team@example.com", config, text: "FROM debian:12\nLABEL org.opencontainers.image.documentation=mailto:team@example.com\n", expect: [] },
  { name: "url: ftp://files.example.com/a", config, text: "FROM debian:12\nLABEL org.opencontainers.image.documentation=ftp://files.example.com/a\n", expect: [] },
  { name: 'an empty value is left to label-empty', config, text: "FROM debian:12\nLABEL org.opencontainers.image.documentation=\"\"\n", expect: [] },
  { name: 'a label the schema declares as text is not checked', config: "label-schema:\n  org.opencontainers.image.documentation: text\n", text: "FROM debian:12\nLABEL org.opencontainers.image.documentation=docs.example.com\n", expect: [] },
  { name: 'without label-schema the rule is silent', text: "FROM debian:12\nLABEL org.opencontainers.image.documentation=docs.example.com\n", expect: [] },
]);
