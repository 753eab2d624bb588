import { multipleHealthcheck } from '../../../server/src/rules/dockerfile/multiple-healthcheck';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(multipleHealthcheck, [
  {
    name: 'the earlier HEALTHCHECK is removed',
    text: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/health || exit 1\n',
    expect: ['2:1-2:12'],
    messages: [/overridden by the HEALTHCHECK on line 3/],
    fixed: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/health || exit 1\n',
  },
  {
    name: 'multi-line HEALTHCHECK with flags is removed whole',
    text: 'FROM nginx:1.27\nHEALTHCHECK --interval=5s \\\n    --timeout=3s \\\n    CMD wget -q -O- localhost\nHEALTHCHECK NONE\n',
    expect: ['2:1-2:12'],
    fixed: 'FROM nginx:1.27\nHEALTHCHECK NONE\n',
  },
  { name: 'one per stage is fine', text: 'FROM nginx:1.27 AS a\nHEALTHCHECK NONE\nFROM nginx:1.27\nHEALTHCHECK CMD curl -f localhost\n', expect: [] },
  { name: 'HEALTHCHECK in a comment does not count', text: 'FROM nginx:1.27\n# HEALTHCHECK CMD true\nHEALTHCHECK CMD curl -f localhost\n', expect: [] },
  { name: 'ONBUILD HEALTHCHECK is left alone', text: 'FROM nginx:1.27\nONBUILD HEALTHCHECK NONE\nHEALTHCHECK CMD curl -f localhost\n', expect: [] },
]);
