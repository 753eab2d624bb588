import { dnfUnpinned } from '../../../server/src/rules/dockerfile/dnf-unpinned';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(dnfUnpinned, [
  {
    name: 'dnf install without a version',
    text: 'FROM fedora:40\nRUN dnf install -y java-17-openjdk-headless gcc-c++\n',
    expect: ['2:20-2:44', '2:45-2:52'],
    messages: [/^`java-17-openjdk-headless` is installed without a version; pin it as `java-17-openjdk-headless-<version>`/, /`gcc-c\+\+`/],
    noFix: true,
  },
  { name: 'microdnf', text: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y --nodocs shadow-utils\n', expect: ['2:34-2:46'] },
  { name: 'the in alias and --forcearch', text: 'FROM fedora:40\nRUN dnf -y in --forcearch aarch64 make\n', expect: ['2:35-2:39'] },
  { name: 'a module without a stream', text: 'FROM rockylinux:9\nRUN dnf module install -y nodejs\n', expect: ['2:27-2:33'], messages: [/`dnf module list nodejs`/] },
  { name: 'dnf5', text: 'FROM fedora:41\nRUN dnf5 install -y git\n', expect: ['2:21-2:24'] },
  { name: 'version and release', text: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 java-17-openjdk-headless-17.0.12.0.7-2.el9 nodejs-1:20.16.0-1.fc40\n', expect: [] },
  { name: 'rpm files, groups and capabilities', text: "FROM fedora:40\nRUN dnf install -y ./app-1.0.x86_64.rpm @development-tools '/usr/bin/make' 'pkgconfig(zlib)'\n", expect: [] },
  { name: 'a module with a stream', text: 'FROM rockylinux:9\nRUN dnf module install -y nodejs:20/common\n', expect: [] },
  { name: 'other subcommands and yum', text: 'FROM fedora:40\nRUN dnf upgrade -y && dnf group install -y "Development Tools" && yum install -y jq\n', expect: [] },
]);
