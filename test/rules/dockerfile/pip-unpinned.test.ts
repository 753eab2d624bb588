import { pipUnpinned } from '../../../server/src/rules/dockerfile/pip-unpinned';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(pipUnpinned, [
  {
    name: 'pip install without a version',
    text: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask gunicorn==22.0.0\n',
    expect: ['2:32-2:37'],
    messages: [/^`flask` is installed without a version; pin it as `flask==<version>`/],
    noFix: true,
  },
  { name: 'python -m pip, upgrading pip itself', text: 'FROM python:3.12\nRUN python3 -m pip install -U pip setuptools\n', expect: ['2:31-2:34', '2:35-2:45'] },
  {
    name: 'a VCS URL without @ref',
    text: 'FROM python:3.12\nRUN pip install git+https://github.com/psf/requests.git\n',
    expect: ['2:17-2:56'],
    messages: [/name a tag or commit with `@<ref>`/],
  },
  { name: 'a VCS URL with a user but no ref', text: 'FROM python:3.12\nRUN pip install git+ssh://git@github.com/o/r.git#egg=r\n', expect: ['2:17-2:55'] },
  {
    name: 'a named VCS requirement without @ref',
    text: "FROM python:3.12\nRUN pip install 'r @ git+https://github.com/o/r'\n",
    expect: ['2:17-2:49'],
    messages: [/`r @ git\+https:\/\/github.com\/o\/r` installs whatever the branch holds/],
  },
  { name: 'index options take values', text: 'FROM python:3.12\nRUN pip install --index-url https://pypi.example/simple --trusted-host pypi.example foo\n', expect: ['2:85-2:88'] },
  { name: 'extras without a version, quoted', text: 'FROM python:3.12\nRUN pip3 install --user "requests[socks]"\n', expect: ['2:25-2:42'] },
  {
    name: 'version specifiers',
    text: "FROM python:3.12\nRUN pip install flask==3.0.3 'django>=4.2,<5' \"numpy~=1.26\" 'attrs!=21.1' 'rich>13' \"x===1.0\" 'y==1; python_version<\"3.13\"'\n",
    expect: [],
  },
  { name: 'a requirements file', text: 'FROM python:3.12\nRUN pip install -r requirements.txt && pip install --requirement=dev.txt && pip install -rtest.txt\n', expect: [] },
  { name: 'a constraints file pins the packages named', text: 'FROM python:3.12\nRUN pip install -c constraints.txt flask celery\n', expect: [] },
  { name: 'local paths and archives', text: 'FROM python:3.12\nRUN pip install . && pip install -e . && pip install ./libs/core /wheels/app-1.0-py3-none-any.whl dist/app-1.0.tar.gz\n', expect: [] },
  { name: 'URLs and VCS URLs with a ref', text: "FROM python:3.12\nRUN pip install https://example.com/app.zip git+https://github.com/o/r.git@v1.2#egg=r 'r @ git+https://github.com/o/r@3f2c1e'\n", expect: [] },
  { name: 'a variable', text: 'FROM python:3.12\nRUN pip install "$PACKAGE"\n', expect: [] },
  { name: 'other subcommands', text: 'FROM python:3.12\nRUN pip download flask && pip uninstall -y flask && pip show flask\n', expect: [] },
]);
