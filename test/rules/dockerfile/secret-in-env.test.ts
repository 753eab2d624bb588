import { secretInEnv } from '../../../server/src/rules/dockerfile/secret-in-env';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(secretInEnv, [
  {
    name: 'ARG token passed as a build arg',
    text: 'FROM node:20\nARG NPM_TOKEN\nRUN npm ci\n',
    expect: ['2:5-2:14'],
    messages: [/`ARG NPM_TOKEN` .*build history.*RUN --mount=type=secret,id=npm_token/],
  },
  {
    name: 'ENV password with a value',
    text: 'FROM postgres:16\nENV POSTGRES_PASSWORD=changeme\n',
    expect: ['2:5-2:22'],
    messages: [/image config/],
  },
  {
    name: 'several properties in one ENV, only the secret ones',
    text: 'FROM python:3.12\nENV APP_ENV=prod AWS_SECRET_ACCESS_KEY=abc API_KEY="x y"\n',
    expect: ['2:18-2:39', '2:44-2:51'],
  },
  {
    name: 'continuation lines and legacy ENV syntax',
    text: 'FROM debian:12\nENV HOME=/root \\\n    GITHUB_TOKEN=ghp_x\nENV DB_PASSWD secret value\n',
    expect: ['3:5-3:17', '4:5-4:14'],
  },
  { name: 'camelCase names', text: 'FROM node:20\nARG githubToken\nARG stripeApiKey=sk_test\n', expect: ['2:5-2:16', '3:5-3:17'] },
  { name: 'global ARG before FROM', text: 'ARG REGISTRY_AUTH\nFROM alpine:3.20\n', expect: ['1:5-1:18'] },
  { name: 'private and access keys', text: 'FROM alpine:3.20\nARG SSH_PRIVATE_KEY\nARG S3_ACCESS_KEY_ID\n', expect: ['2:5-2:20', '3:5-3:21'] },
  { name: 'words that merely contain a secret word', text: 'FROM alpine:3.20\nARG AUTHOR=me\nENV TOKENIZER_PATH=/models/tok PASSTHROUGH=1 MAX_TOKENS=4096\n', expect: [] },
  { name: 'public keys and GPG fingerprints', text: 'FROM python:3.12\nENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305 SSH_PUBLIC_KEY=ssh-rsa\n', expect: [] },
  { name: 'variables that point to a secret', text: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db AUTH_URL=https://auth SSH_AUTH_SOCK=/ssh-agent\n', expect: [] },
  { name: 'clearing a variable', text: 'FROM debian:12\nENV API_TOKEN=""\n', expect: [] },
  { name: 'secret names in RUN and LABEL', text: 'FROM debian:12\nLABEL API_TOKEN=x\nRUN --mount=type=secret,id=api_token API_TOKEN=$(cat /run/secrets/api_token) ./deploy\n', expect: [] },
]);
