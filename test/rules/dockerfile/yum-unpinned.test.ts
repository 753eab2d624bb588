import { yumUnpinned } from '../../../server/src/rules/dockerfile/yum-unpinned';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(yumUnpinned, [
  {
    name: 'yum install without a version',
    text: 'FROM centos:7\nRUN yum install -y httpd mod_ssl-2.4.6 && yum clean all\n',
    expect: ['2:20-2:25'],
    messages: [/^`httpd` is installed without a version; pin it as `httpd-<version>` \(`yum list --showduplicates httpd`/],
    noFix: true,
  },
  { name: 'a dash in the name is no version', text: 'FROM centos:7\nRUN yum -y install python3-pip\n', expect: ['2:20-2:31'] },
  { name: 'a module without a stream', text: 'FROM rockylinux:8\nRUN yum module install -y nodejs\n', expect: ['2:27-2:33'], messages: [/^module `nodejs` is installed without a stream; name it as `nodejs:<stream>`/] },
  { name: 'the value of --enablerepo is no package', text: 'FROM centos:7\nRUN yum --enablerepo epel install -y jq\n', expect: ['2:38-2:40'] },
  { name: 'version and release, epoch', text: 'FROM centos:7\nRUN yum install -y httpd-2.4.6-99.el7.centos.1 nginx-1:1.20.1-10.el7 "git >= 2.0"\n', expect: [] },
  { name: 'rpm files, URLs, groups and capabilities', text: "FROM centos:7\nRUN yum install -y /tmp/app-1.0.rpm https://example.com/x.rpm @development 'perl(JSON)'\n", expect: [] },
  { name: 'a module with a stream', text: 'FROM rockylinux:8\nRUN yum module install -y nodejs:18\n', expect: [] },
  { name: 'other subcommands and dnf', text: 'FROM centos:7\nRUN yum groupinstall -y "Development Tools" && yum update -y && dnf install -y jq\n', expect: [] },
]);
