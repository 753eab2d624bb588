// The invalid-label-key table (hadolint DL3048): the spellings it reports with their ranges and fixes, and the near-misses it leaves alone.
import { invalidLabelKey } from '../../../server/src/rules/dockerfile/invalid-label-key';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(invalidLabelKey, [
  { name: 'upper case and an underscore', text: 'FROM alpine:3.20\nLABEL Maintainer_Email="ops@example.com"\n', expect: ['2:7-2:23'], messages: [/contains `M`, `_`, `E`/] },
  { name: 'a reserved namespace', text: 'FROM alpine:3.20\nLABEL com.docker.compose.project=x\n', expect: ['2:7-2:33'], messages: [/`com\.docker\.` namespace is reserved/] },
  { name: 'io.docker and org.dockerproject too', text: 'FROM alpine:3.20\nLABEL io.docker.x=1 org.dockerproject.y=2\n', expect: ['2:7-2:18', '2:21-2:40'] },
  { name: 'starts with a digit', text: 'FROM alpine:3.20\nLABEL 1st.label=x\n', expect: ['2:7-2:16'], messages: [/start with a lower-case letter/] },
  { name: 'ends with a dot', text: 'FROM alpine:3.20\nLABEL org.example.=x\n', expect: ['2:7-2:19'], messages: [/end with/] },
  { name: 'two separators in a row', text: 'FROM alpine:3.20\nLABEL org..example=x com--x=y\n', expect: ['2:7-2:19', '2:22-2:28'], messages: [/two separators/, /two separators/] },
  { name: 'a quoted key, on a continuation line', text: 'FROM alpine:3.20\nLABEL version="1.0" \\\n      "Description"="x"\n', expect: ['3:7-3:20'] },
  { name: 'the old space form', text: 'FROM alpine:3.20\nLABEL Vendor ACME\n', expect: ['2:7-2:13'] },
  {
    name: 'OCI keys, plain words and digits are fine',
    text: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://x" maintainer="me" version=1 com.example.v2-beta=yes\n',
    expect: [],
  },
  { name: 'a variable key is not checked', text: 'FROM alpine:3.20\nARG KEY\nLABEL ${KEY}=x\n', expect: [] },
]);
