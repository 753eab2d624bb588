// dnf-missing-yes (DL3038): dnf and microdnf commands without -y.
import { dnfMissingYes } from '../../../server/src/rules/dockerfile/dnf-missing-yes';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(dnfMissingYes, [
  {
    name: 'dnf install',
    text: 'FROM fedora:40\nRUN dnf install httpd && dnf clean all\n',
    expect: ['2:9-2:16'],
    messages: [/`dnf install` without -y stops at the "Is this ok" prompt/],
    fixed: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
  },
  {
    name: 'microdnf install',
    text: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install tar\n',
    expect: ['2:14-2:21'],
    messages: [/`microdnf install` without -y/],
    fixed: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar\n',
  },
  {
    name: 'the alias `in`, on a continuation line',
    text: 'FROM fedora:40\nRUN dnf makecache \\\n && dnf in \\\n      gcc\n',
    expect: ['3:9-3:11'],
    fixed: 'FROM fedora:40\nRUN dnf makecache \\\n && dnf in -y \\\n      gcc\n',
  },
  { name: 'upgrade, groupinstall, dnf5 remove', text: 'FROM fedora:40\nRUN dnf upgrade; dnf groupinstall x; dnf5 remove y\n', expect: ['2:9-2:16', '2:22-2:34', '2:43-2:49'] },
  {
    name: '`group install`',
    text: 'FROM fedora:40\nRUN dnf group install "C Development Tools and Libraries"\n',
    expect: ['2:15-2:22'],
    fixed: 'FROM fedora:40\nRUN dnf group install -y "C Development Tools and Libraries"\n',
  },
  {
    name: 'sudo and --setopt before the subcommand',
    text: 'FROM fedora:40\nRUN sudo dnf --setopt tsflags=nodocs install git\n',
    expect: ['2:38-2:45'],
    fixed: 'FROM fedora:40\nRUN sudo dnf --setopt tsflags=nodocs install -y git\n',
  },
  { name: '-y in', text: 'FROM fedora:40\nRUN dnf -y in httpd\n', expect: [] },
  { name: '--assumeyes and -y', text: 'FROM fedora:40\nRUN dnf install --assumeyes a && microdnf -y install b\n', expect: [] },
  { name: 'commands that never ask', text: 'FROM fedora:40\nRUN dnf clean all && dnf makecache && dnf group list\n', expect: [] },
  { name: 'yum is the other rule', text: 'FROM centos:7\nRUN yum install httpd\n', expect: [] },
]);
