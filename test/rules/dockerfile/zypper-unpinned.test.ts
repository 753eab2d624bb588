import { zypperUnpinned } from '../../../server/src/rules/dockerfile/zypper-unpinned';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(zypperUnpinned, [
  {
    name: 'zypper install without a version',
    text: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl\n',
    expect: ['2:23-2:27'],
    messages: [/^`curl` is installed without a version; pin it as `curl=<version>` \(`zypper search -s curl`/],
    noFix: true,
  },
  { name: 'the in alias after a global option', text: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in git-core vim=9.1\n', expect: ['2:33-2:41'] },
  { name: 'the value of -r is a repository', text: 'FROM opensuse/leap:15.6\nRUN zypper in -y -r repo-oss jq\n', expect: ['2:30-2:32'] },
  { name: 'versions, bounds and rpm-style versions', text: "FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 'git>=2.43' 'jq<2' vim-9.1.0330 ./x-1.0.rpm\n", expect: [] },
  { name: 'patterns and patches', text: 'FROM opensuse/leap:15.6\nRUN zypper install -y -t pattern devel_basis && zypper in -y pattern:devel_C_C++ patch:SUSE-2024-1\n', expect: [] },
  { name: 'other subcommands', text: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper rm -y curl && zypper update -y\n', expect: [] },
]);
