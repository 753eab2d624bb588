import { labelFormatEmail } from '../../../server/src/rules/dockerfile/label-format-email';
import { ruleTable } from '../../helpers/ruleTable';

const config = "label-schema:\n  maintainer: email\n";
ruleTable(labelFormatEmail, [
  { name: "not email: \"The Team\"", config, text: "FROM debian:12\nLABEL maintainer=\"The Team\"\n", expect: ["2:18-2:28"], messages: [/must be/] },
  { name: "not email: team@", config, text: "FROM debian:12\nLABEL maintainer=team@\n", expect: ["2:18-2:23"], messages: [/must be/] },
  { name: "not email: team@example", config, text: "FROM debian:12\nLABEL maintainer=team@example\n", expect: ["2:18-2:30"], messages: [/must be/] },
  { name: "email: team@example.com", config, text: "FROM debian:12\nLABEL maintainer=team@example.com\n", expect: [] },
  { name: "email: first.last+tag@mail.example.co.uk", config, text: "FROM debian:12\nLABEL maintainer=first.last+tag@mail.example.co.uk\n", expect: [] },
  { name: 'an empty value is left to label-empty', config, text: "FROM debian:12\nLABEL maintainer=\"\"\n", expect: [] },
  { name: 'a label the schema declares as text is not checked', config: "label-schema:\n  maintainer: text\n", text: "FROM debian:12\nLABEL maintainer=\"The Team\"\n", expect: [] },
  { name: 'without label-schema the rule is silent', text: "FROM debian:12\nLABEL maintainer=\"The Team\"\n", expect: [] },
]);
