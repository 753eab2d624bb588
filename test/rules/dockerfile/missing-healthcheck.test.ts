// The missing-healthcheck table (hadolint DL3057): the spellings it reports with their ranges and fixes, and the near-misses it leaves alone.
import { missingHealthcheck } from '../../../server/src/rules/dockerfile/missing-healthcheck';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(missingHealthcheck, [
  { name: 'no HEALTHCHECK: the final FROM image', text: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n', expect: ['1:6-1:16'], messages: [/no HEALTHCHECK/] },
  {
    name: 'a HEALTHCHECK in a builder stage does not reach the final image',
    text: 'FROM node:20 AS build\nHEALTHCHECK CMD true\nFROM nginx:1.27\nCOPY --from=build /app /usr/share/nginx/html\n',
    expect: ['3:6-3:16'],
  },
  { name: 'HEALTHCHECK in the final stage', text: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -fs http://localhost/ || exit 1\n', expect: [] },
  { name: 'HEALTHCHECK inherited from the parent stage', text: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD curl -fs http://localhost/\nFROM base\nCOPY site/ /srv/\n', expect: [] },
  { name: 'HEALTHCHECK NONE is an explicit choice', text: 'FROM nginx:1.27\nHEALTHCHECK NONE\n', expect: [] },
]);
