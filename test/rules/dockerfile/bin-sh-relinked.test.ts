// The bin-sh-relinked table (hadolint DL4005): the spellings it reports with their ranges and fixes, and the near-misses it leaves alone.
import { binShRelinked } from '../../../server/src/rules/dockerfile/bin-sh-relinked';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(binShRelinked, [
  { name: 'ln -sf bash over sh', text: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n', expect: ['2:22-2:29'], messages: [/use a SHELL instruction/] },
  { name: 'in a chain, quoted, with sudo', text: 'FROM ubuntu:24.04\nRUN rm /bin/sh && sudo ln -s "/bin/bash" "/bin/sh"\n', expect: ['2:42-2:51'] },
  { name: 'exec form', text: 'FROM debian:12\nRUN ["ln", "-sf", "/bin/bash", "/bin/sh"]\n', expect: ['2:32-2:41'] },
  { name: 'SHELL is the way', text: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo hi\n', expect: [] },
  { name: 'other links are fine', text: 'FROM debian:12\nRUN ln -s /usr/bin/python3 /usr/bin/python && ln -s /bin/sh /usr/local/bin/sh2x\n', expect: ['2:53-2:60'] },
  { name: 'a longer path is another file', text: 'FROM debian:12\nRUN ln -s /opt/x /bin/shx && cp /bin/bash /bin/sh\n', expect: [] },
]);
