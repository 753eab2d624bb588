import { cacheBustingCopy } from '../../../server/src/rules/dockerfile/cache-busting-copy';
import { ruleTable } from '../../helpers/ruleTable';

const NPM = { 'package.json': '{}', 'package-lock.json': '{}', 'index.js': '' };

ruleTable(cacheBustingCopy, [
  {
    name: 'npm ci after COPY . .: manifests first, install moved up',
    text: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "index.js"]\n',
    files: NPM,
    expect: ['3:6-3:9'],
    messages: [/`COPY \. \.` copies the whole build context before `npm ci` \(line 4\), so any source change re-runs `npm ci`; copy package\.json and package-lock\.json first/],
    fixed: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "index.js"]\n',
  },
  { name: 'no build context: reported without a fix', text: 'FROM node:20-slim\nCOPY . .\nRUN npm ci\n', expect: ['2:6-2:9'], noFix: true },
  {
    name: 'ADD . /app, multi-line pip install with its comment, nested -r file, WORKDIR moves along',
    text: 'FROM python:3.12-slim\nADD . /app\nWORKDIR /app\n# install dependencies\nRUN pip install --no-cache-dir \\\n    -r requirements.txt\nCMD ["python", "main.py"]\n',
    files: { 'requirements.txt': '-r base.txt\nflask==3.0.0\n', 'base.txt': 'requests\n', 'main.py': '' },
    expect: ['2:5-2:11'],
    fixed:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt base.txt /app/\n# install dependencies\nRUN pip install --no-cache-dir \\\n    -r requirements.txt\nADD . /app\nCMD ["python", "main.py"]\n',
  },
  {
    name: 'install in an && chain is split out of it (builder stages count too)',
    text: 'FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && \\\n    npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    files: NPM,
    expect: ['3:6-3:9'],
    fixed:
      'FROM node:20 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
  },
  {
    name: 'go build without go.mod copied first: a go mod download step is added',
    text: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app ./cmd/app\n',
    files: { 'go.mod': 'module x', 'go.sum': '', 'cmd/app/main.go': '' },
    expect: ['3:6-3:9'],
    messages: [/so any source change downloads every dependency again; copy go\.mod and go\.sum first and run `go mod download`/],
    fixed: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app ./cmd/app\n',
  },
  {
    name: 'poetry: a dependency-only install is added, the project install stays',
    text: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN poetry install --only main\n',
    files: { 'pyproject.toml': '', 'poetry.lock': '', 'app/__init__.py': '' },
    expect: ['3:6-3:9'],
    fixed: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --only main --no-root\nCOPY . .\nRUN poetry install --only main\n',
  },
  {
    name: 'CRLF, COPY flags and RUN cache mounts are kept; yarn lockfile',
    text: 'FROM node:20-slim\r\nCOPY --chown=node:node . .\r\nRUN --mount=type=cache,target=/usr/local/share/.cache yarn install --frozen-lockfile\r\n',
    files: { 'package.json': '{}', 'yarn.lock': '' },
    expect: ['2:24-2:27'],
    fixed:
      'FROM node:20-slim\r\nCOPY --chown=node:node package.json yarn.lock ./\r\nRUN --mount=type=cache,target=/usr/local/share/.cache yarn install --frozen-lockfile\r\nCOPY --chown=node:node . .\r\n',
  },
  {
    name: 'Maven wrapper: wrapper files and .mvn are copied, dependency:go-offline added',
    text: 'FROM eclipse-temurin:21-jdk AS build\nWORKDIR /src\nCOPY . .\nRUN ./mvnw -B package -DskipTests\n',
    files: { mvnw: '', '.mvn/wrapper/maven-wrapper.properties': '', 'pom.xml': '', 'src/main/java/A.java': '' },
    expect: ['3:6-3:9'],
    fixed: 'FROM eclipse-temurin:21-jdk AS build\nWORKDIR /src\nCOPY mvnw pom.xml ./\nCOPY .mvn ./.mvn/\nRUN ./mvnw dependency:go-offline\nCOPY . .\nRUN ./mvnw -B package -DskipTests\n',
  },
  {
    name: 'last line without a newline, ./ source',
    text: 'FROM ruby:3.3-slim\nWORKDIR /app\nCOPY ./ ./\nRUN bundle install',
    files: { Gemfile: '', 'Gemfile.lock': '' },
    expect: ['3:6-3:11'],
    fixed: 'FROM ruby:3.3-slim\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\nCOPY ./ ./',
  },
  {
    name: 'backtick escape: the moved RUN keeps its continuation',
    text: '# escape=`\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install `\n    -r requirements.txt\n',
    files: { 'requirements.txt': 'flask\n' },
    expect: ['4:6-4:9'],
    fixed: '# escape=`\nFROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install `\n    -r requirements.txt\nCOPY . .\n',
  },
  {
    name: 'JSON-form COPY; cache cleanup moves with the install',
    text: 'FROM python:3.12-slim\nCOPY [".", "/app"]\nWORKDIR /app\nRUN pip install -r requirements.txt && rm -rf /root/.cache\n',
    files: { 'requirements.txt': 'flask\n' },
    expect: ['2:6-2:19'],
    messages: [/before `pip install -r requirements\.txt` \(line 4\)/],
    fixed: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt /app/\nRUN pip install -r requirements.txt && rm -rf /root/.cache\nCOPY [".", "/app"]\n',
  },
  // The fix declines where moving the install would break the build.
  { name: 'no fix: WORKDIR between and a relative destination', text: 'FROM node:20-slim\nCOPY . .\nWORKDIR /app\nRUN npm ci\n', files: NPM, expect: ['2:6-2:9'], noFix: true },
  {
    name: 'no fix: the requirements install the project itself',
    text: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install -r requirements.txt\n',
    files: { 'requirements.txt': 'flask\n-e .\n' },
    expect: ['2:6-2:9'],
    noFix: true,
  },
  {
    name: 'no fix: requirements file not in the context',
    text: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install -r requirements/prod.txt\n',
    files: { 'requirements.txt': '' },
    expect: ['2:6-2:9'],
    noFix: true,
  },
  { name: 'no fix: install joined with ;', text: 'FROM node:20-slim\nCOPY . .\nRUN npm ci; npm run build\n', files: NPM, expect: ['2:6-2:9'], noFix: true },
  { name: 'no fix: no manifest in the context', text: 'FROM node:20-slim\nCOPY . .\nRUN npm ci\n', files: { 'index.js': '' }, expect: ['2:6-2:9'], noFix: true },
  { name: 'manifests copied and installed first', text: 'FROM node:20-slim\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n', expect: [] },
  { name: 'go.mod copied first, go build after COPY . .', text: 'FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n', expect: [] },
  { name: 'go.mod copied first without download', text: 'FROM golang:1.22\nCOPY go.* ./\nCOPY . .\nRUN go build -o /app .\n', expect: [] },
  { name: 'poetry dependency-only install before the project install', text: 'FROM python:3.12\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCOPY . .\nRUN poetry install\n', expect: [] },
  { name: 'COPY --from of a stage is not the context', text: 'FROM node:20 AS deps\nFROM node:20-slim\nCOPY --from=deps . .\nRUN npm ci\n', expect: [] },
  { name: 'global tool install and local package install', text: 'FROM node:20-slim\nCOPY . .\nRUN npm install -g pm2 && pip install .\n', expect: [] },
  { name: 'the command only in a quoted string', text: 'FROM node:20-slim\nCOPY . .\nRUN echo "npm ci"\n', expect: [] },
  { name: 'install in another stage', text: 'FROM node:20 AS src\nCOPY . .\nFROM node:20-slim\nRUN npm ci\n', expect: [] },
  { name: 'only a sub-folder copied', text: 'FROM node:20-slim\nCOPY src/ ./src/\nRUN npm ci\n', expect: [] },
]);

