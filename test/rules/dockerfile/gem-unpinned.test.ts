import { gemUnpinned } from '../../../server/src/rules/dockerfile/gem-unpinned';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(gemUnpinned, [
  {
    name: 'gem install without a version',
    text: 'FROM ruby:3.3\nRUN gem install bundler rake:13.2.1\n',
    expect: ['2:17-2:24'],
    messages: [/^`bundler` is installed without a version; pin it as `bundler:<version>` or add `-v <version>`/],
    noFix: true,
  },
  { name: 'the i alias', text: 'FROM ruby:3.3\nRUN gem i rails --no-document\n', expect: ['2:11-2:16'] },
  { name: 'the value of --install-dir is no gem', text: 'FROM ruby:3.3\nRUN gem install --install-dir /opt/gems -N sass\n', expect: ['2:44-2:48'] },
  { name: '-v and --version pin the command', text: 'FROM ruby:3.3\nRUN gem install bundler -v 2.5.22 && gem install rails --version=7.2.1 && gem install rake --version 13.2.1\n', expect: [] },
  { name: 'gem:version and local .gem files', text: 'FROM ruby:3.3\nRUN gem install bundler:2.5.22 ./pkg/app-1.0.gem app-2.0.gem\n', expect: [] },
  { name: 'other commands', text: 'FROM ruby:3.3\nRUN gem update --system && gem list && bundle install\n', expect: [] },
]);
