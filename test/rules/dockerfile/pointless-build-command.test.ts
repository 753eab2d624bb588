// The pointless-build-command table (hadolint DL3001): the spellings it reports with their ranges and fixes, and the near-misses it leaves alone.
import { pointlessBuildCommand } from '../../../server/src/rules/dockerfile/pointless-build-command';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(pointlessBuildCommand, [
  {
    name: 'service start after an install',
    text: 'FROM debian:12\nRUN apt-get install -y nginx && service nginx start\n',
    expect: ['2:33-2:40'],
    messages: [/`service` in a RUN starts a service that stops/],
  },
  { name: 'ssh as the only command', text: 'FROM alpine:3.20\nRUN ssh git@example.com\n', expect: ['2:5-2:8'] },
  { name: 'a full path and sudo', text: 'FROM debian:12\nRUN sudo /usr/bin/vim /etc/hosts\n', expect: ['2:10-2:22'], messages: [/`\/usr\/bin\/vim` in a RUN waits for keyboard input/] },
  {
    name: 'each of ps, free, top, kill, mount, ifconfig, shutdown',
    text: 'FROM debian:12\nRUN ps aux; free -m; top -b -n1; kill 1; mount -t tmpfs x /mnt; ifconfig; shutdown -h now\n',
    expect: ['2:5-2:7', '2:13-2:17', '2:22-2:25', '2:34-2:38', '2:42-2:47', '2:65-2:73', '2:75-2:83'],
  },
  { name: 'in a pipeline on a continuation line', text: 'FROM debian:12\nRUN echo x \\\n  | ps -ef\n', expect: ['3:5-3:7'] },
  { name: 'exec form', text: 'FROM debian:12\nRUN ["service", "ssh", "start"]\n', expect: ['2:6-2:15'] },
  { name: 'installing the packages is fine', text: 'FROM debian:12\nRUN apt-get install -y openssh-client vim procps\n', expect: [] },
  { name: 'as an argument or a word inside another name', text: 'FROM debian:12\nRUN command -v ssh && which vim && pkill -f x && sshd -t && topgrade && echo kill\n', expect: [] },
  { name: 'in a quoted string or a comment', text: 'FROM debian:12\n# RUN service x start\nRUN echo "service nginx start"\n', expect: [] },
  { name: 'in CMD, where it runs at container start, it is left alone', text: 'FROM debian:12\nCMD service nginx start && tail -f /dev/null\n', expect: [] },
]);
