// yum-missing-yes (DL3030): yum commands that would stop at "Is this ok [y/N]".
import { yumMissingYes } from '../../../server/src/rules/dockerfile/yum-missing-yes';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(yumMissingYes, [
  {
    name: 'yum install',
    text: 'FROM centos:7\nRUN yum install httpd && yum clean all\n',
    expect: ['2:9-2:16'],
    messages: [/`yum install` without -y/],
    fixed: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
  },
  {
    name: 'the alias `in`',
    text: 'FROM centos:7\nRUN yum in httpd\n',
    expect: ['2:9-2:11'],
    fixed: 'FROM centos:7\nRUN yum in -y httpd\n',
  },
  { name: 'groupinstall', text: 'FROM centos:7\nRUN yum groupinstall "Development Tools"\n', expect: ['2:9-2:21'] },
  {
    name: '`group install`: -y goes after install',
    text: 'FROM centos:7\nRUN yum group install "Development Tools"\n',
    expect: ['2:15-2:22'],
    fixed: 'FROM centos:7\nRUN yum group install -y "Development Tools"\n',
  },
  { name: 'localinstall, update, upgrade, remove, erase', text: 'FROM centos:7\nRUN yum localinstall a.rpm; yum update; yum upgrade b; yum remove c; yum erase d\n', expect: ['2:9-2:21', '2:33-2:39', '2:45-2:52', '2:60-2:66', '2:74-2:79'] },
  {
    name: 'an option with a value before the subcommand',
    text: 'FROM centos:7\nRUN yum --enablerepo epel install jq\n',
    expect: ['2:27-2:34'],
    fixed: 'FROM centos:7\nRUN yum --enablerepo epel install -y jq\n',
  },
  {
    name: 'exec form',
    text: 'FROM centos:7\nRUN ["yum", "install", "jq"]\n',
    expect: ['2:13-2:22'],
    fixed: 'FROM centos:7\nRUN ["yum", "install", "-y", "jq"]\n',
  },
  { name: '-y before the subcommand (`-y in`)', text: 'FROM centos:7\nRUN yum -y in httpd\n', expect: [] },
  { name: '-y after', text: 'FROM centos:7\nRUN yum install -y httpd\n', expect: [] },
  { name: '--assumeyes and bundled -qy', text: 'FROM centos:7\nRUN yum --assumeyes install a && yum install -qy b\n', expect: [] },
  { name: 'commands that never ask', text: 'FROM centos:7\nRUN yum clean all && yum makecache && yum list installed\n', expect: [] },
  { name: 'dnf is the other rule', text: 'FROM fedora:40\nRUN dnf install httpd\n', expect: [] },
  { name: 'a quoted mention', text: 'FROM centos:7\nRUN echo "yum install x"\n', expect: [] },
]);
