// zypper-missing-non-interactive (DL3034): zypper commands that would ask for confirmation.
import { zypperMissingNonInteractive } from '../../../server/src/rules/dockerfile/zypper-missing-non-interactive';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(zypperMissingNonInteractive, [
  {
    name: 'zypper install',
    text: 'FROM opensuse/leap:15.6\nRUN zypper install curl && zypper clean --all\n',
    expect: ['2:12-2:19'],
    messages: [/`zypper install` without -n/],
    fixed: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all\n',
  },
  {
    name: 'the alias `in` with an option before it',
    text: 'FROM opensuse/leap:15.6\nRUN zypper --root /r in curl\n',
    expect: ['2:22-2:24'],
    fixed: 'FROM opensuse/leap:15.6\nRUN zypper -n --root /r in curl\n',
  },
  {
    name: 'rm, si, patch, up, dup',
    text: 'FROM opensuse/leap:15.6\nRUN zypper rm a; zypper si b; zypper patch; zypper up; zypper dup\n',
    expect: ['2:12-2:14', '2:25-2:27', '2:38-2:43', '2:52-2:54', '2:63-2:66'],
  },
  {
    name: 'exec form',
    text: 'FROM opensuse/leap:15.6\nRUN ["zypper", "install", "curl"]\n',
    expect: ['2:16-2:25'],
    fixed: 'FROM opensuse/leap:15.6\nRUN ["zypper", "-n", "install", "curl"]\n',
  },
  {
    name: '-n after the subcommand is install --name, not non-interactive',
    text: 'FROM opensuse/leap:15.6\nRUN zypper install -n curl\n',
    expect: ['2:12-2:19'],
    fixed: 'FROM opensuse/leap:15.6\nRUN zypper -n install -n curl\n',
  },
  { name: 'global -n', text: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n', expect: [] },
  { name: '--non-interactive', text: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in curl\n', expect: [] },
  { name: 'install -y and --no-confirm', text: 'FROM opensuse/leap:15.6\nRUN zypper install -y a && zypper rm --no-confirm b\n', expect: [] },
  { name: 'commands that never ask', text: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper clean --all && zypper search curl\n', expect: [] },
]);
