// zypper-dist-upgrade (DL3035): distribution upgrades in a build.
import { zypperDistUpgrade } from '../../../server/src/rules/dockerfile/zypper-dist-upgrade';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(zypperDistUpgrade, [
  {
    name: 'zypper dist-upgrade',
    text: 'FROM opensuse/tumbleweed\nRUN zypper -n dist-upgrade\n',
    expect: ['2:15-2:27'],
    messages: [/`zypper dist-upgrade` upgrades the whole distribution/],
    noFix: true,
  },
  { name: 'the alias dup, with an option before it', text: 'FROM opensuse/tumbleweed\nRUN zypper --non-interactive dup --no-recommends\n', expect: ['2:30-2:33'] },
  { name: 'exec form', text: 'FROM opensuse/tumbleweed\nRUN ["zypper", "-n", "dup"]\n', expect: ['2:22-2:27'] },
  { name: 'zypper update is not a distribution upgrade', text: 'FROM opensuse/leap:15.6\nRUN zypper -n update && zypper -n patch\n', expect: [] },
  { name: 'apt-get dist-upgrade is another tool', text: 'FROM debian:12\nRUN apt-get dist-upgrade -y\n', expect: [] },
  { name: 'a quoted mention', text: 'FROM opensuse/leap:15.6\nRUN echo "zypper dup"\n', expect: [] },
]);
