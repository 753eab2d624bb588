import { jsonArgs } from '../../../server/src/rules/dockerfile/json-args';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(jsonArgs, [
  {
    name: 'shell-form CMD becomes exec form',
    text: 'FROM python:3.12-slim\nCMD python app.py\n',
    expect: ['2:5-2:18'],
    messages: [/CMD in shell form.*\["python", "app.py"\]/],
    fixed: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
  },
  {
    name: 'ENTRYPOINT with quotes, a leading exec and an --opt=\'a b\' word',
    text: 'FROM python:3.12-slim\nENTRYPOINT exec gunicorn -b "0.0.0.0:8000" --name=\'my app\' app:app\n',
    expect: ['2:12-2:67'],
    fixed: 'FROM python:3.12-slim\nENTRYPOINT ["gunicorn", "-b", "0.0.0.0:8000", "--name=my app", "app:app"]\n',
  },
  {
    name: 'continuation lines are joined into one array',
    text: 'FROM python:3.12-slim\nCMD python \\\n    app.py --port 8080\n',
    expect: ['2:5-3:23'],
    fixed: 'FROM python:3.12-slim\nCMD ["python", "app.py", "--port", "8080"]\n',
  },
  {
    name: 'quotes and backslashes are JSON-escaped',
    text: 'FROM alpine:3.20\nCMD echo "say \\"hi\\"" \'C:\\dir\'\n',
    expect: ['2:5-2:31'],
    fixed: 'FROM alpine:3.20\nCMD ["echo", "say \\"hi\\"", "C:\\\\dir"]\n',
  },
  {
    name: 'CRLF and a backtick escape directive',
    text: '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nCMD app.exe `\r\n    --serve\r\n',
    expect: ['3:5-4:12'],
    fixed: '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nCMD ["app.exe", "--serve"]\r\n',
  },
  {
    name: 'an && chain is flagged without a fix',
    text: 'FROM node:20-slim\nCMD npm run migrate && npm start\n',
    expect: ['2:5-2:33'],
    messages: [/moving shell features into a script/],
  },
  { name: 'variables need the shell: no fix', text: 'FROM alpine:3.20\nCMD echo $HOME\n', expect: ['2:5-2:15'], messages: [/into a script/] },
  { name: 'globs need the shell: no fix', text: 'FROM alpine:3.20\nCMD ls *.py\n', expect: ['2:5-2:12'], messages: [/into a script/] },
  { name: 'redirects and pipes need the shell: no fix', text: 'FROM alpine:3.20\nCMD run 2>&1 | tee /log\n', expect: ['2:5-2:24'], messages: [/into a script/] },
  { name: 'exec form is fine', text: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\nENTRYPOINT ["/entrypoint.sh"]\n', expect: [] },
  { name: 'empty exec form is fine', text: 'FROM python:3.12-slim\nCMD []\n', expect: [] },
  {
    name: 'an explicit SHELL (also in a parent stage) chooses shell form on purpose',
    text: 'FROM mcr.microsoft.com/powershell AS base\nSHELL ["pwsh", "-Command"]\nFROM base\nCMD Write-Host hello\n',
    expect: [],
  },
  { name: 'RUN in shell form is not this rule\'s business', text: 'FROM alpine:3.20\nRUN echo hi\n', expect: [] },
  {
    name: 'HEALTHCHECK CMD in shell form is not flagged: hadolint\'s DL3025 and BuildKit\'s JSONArgsRecommended check only CMD and ENTRYPOINT',
    text: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -fs http://localhost/ || exit 1\n',
    expect: [],
  },
  { name: 'CMD inside ONBUILD is left alone', text: 'FROM alpine:3.20\nONBUILD CMD echo hi\n', expect: [] },
]);
