import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeDockerfile } from '../../../server/src/core/dockerfile/analyze';
import { initShellParser } from '../../../server/src/core/dockerfile/shell';
import { buildToolsInFinalStage } from '../../../server/src/rules/dockerfile/build-tools-in-final-stage';
import { C, df, GO, MAVEN, NODE, PYTHON } from '../../fixtures/single-stage-dockerfiles';
import { ruleTable, runRule } from '../../helpers/ruleTable';

ruleTable(buildToolsInFinalStage, [
  {
    name: 'Go: golang image; distroless runtime, CGO off, -o added, CMD pointed at the binary, HEALTHCHECK commented out',
    text: GO,
    expect: ['2:6-2:17'],
    messages: [/`golang:1\.22` is a Go toolchain image/],
    fixed: df(
      '# syntax=docker/dockerfile:1',
      'FROM golang:1.22 AS build',
      'WORKDIR /src',
      'COPY go.mod go.sum ./',
      'RUN go mod download',
      'COPY . .',
      'ENV CGO_ENABLED=0',
      '# build the server',
      'RUN go build -o /out/server -ldflags="-s -w" ./cmd/server',
      '',
      'FROM gcr.io/distroless/static-debian12:nonroot',
      'COPY --from=build /out/server /app/server',
      'EXPOSE 8080',
      '# distroless has no "app" user; run as its nonroot user',
      'USER nonroot',
      '# distroless has no shell or curl to run this HEALTHCHECK:',
      '# HEALTHCHECK CMD wget -qO- http://localhost:8080/health || exit 1',
      'CMD ["/app/server", "--port", "8080"]',
    ),
  },
  {
    name: 'Node: npm run build; slim runtime installs production deps and copies dist',
    text: NODE,
    expect: ['6:5-6:8'],
    messages: [/`npm run build` builds in the only stage/],
    fixed: df(
      'FROM node:20 AS build',
      'WORKDIR /app',
      'COPY package.json package-lock.json ./',
      'RUN npm ci',
      'COPY . .',
      'RUN npm run build',
      'ENV PORT=3000',
      '',
      'FROM node:20-slim',
      'WORKDIR /app',
      'ENV NODE_ENV=production',
      'ENV PORT=3000',
      'COPY package.json package-lock.json ./',
      'RUN npm ci --omit=dev',
      'COPY --from=build /app/dist ./dist',
      'EXPOSE 3000',
      'CMD ["node", "dist/server.js"]',
    ),
  },
  {
    name: 'Node: MAINTAINER and LABEL stay right after FROM; a secret-looking ENV stays in the builder only',
    text: df(
      'FROM node:20',
      'MAINTAINER Jane <jane@example.com>',
      'LABEL org.opencontainers.image.source=https://example.com/app',
      'ENV NPM_TOKEN=abc API_URL=http://api',
      'WORKDIR /app',
      'COPY package.json ./',
      'RUN npm ci',
      'COPY . .',
      'RUN npm run build',
      'LABEL stage=late',
      'CMD ["node", "dist/server.js"]',
    ),
    expect: ['9:5-9:8'],
    fixed: df(
      'FROM node:20 AS build',
      'ENV NPM_TOKEN=abc API_URL=http://api',
      'WORKDIR /app',
      'COPY package.json ./',
      'RUN npm ci',
      'COPY . .',
      'RUN npm run build',
      '',
      'FROM node:20-slim',
      'MAINTAINER Jane <jane@example.com>',
      'LABEL org.opencontainers.image.source=https://example.com/app',
      'WORKDIR /app',
      'ENV NODE_ENV=production',
      '# NPM_TOKEN looks like a secret: not copied into the runtime image; pass it at run time',
      'ENV API_URL=http://api',
      'COPY package.json ./',
      'RUN npm ci --omit=dev',
      'COPY --from=build /app/dist ./dist',
      'LABEL stage=late',
      'CMD ["node", "dist/server.js"]',
    ),
  },
  {
    name: 'Go: secret-looking ENVs (one instruction each) are not copied into the distroless stage',
    text: df('FROM golang:1.22', 'MAINTAINER Jane <jane@example.com>', 'ENV GITHUB_TOKEN=abc', 'ENV DB_PASSWORD=x', 'ENV APP_ENV=prod', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/server ./cmd/server', 'CMD ["/out/server"]'),
    expect: ['1:6-1:17'],
    fixed: df(
      'FROM golang:1.22 AS build',
      'ENV GITHUB_TOKEN=abc',
      'ENV DB_PASSWORD=x',
      'ENV APP_ENV=prod',
      'WORKDIR /src',
      'COPY . .',
      'ENV CGO_ENABLED=0',
      'RUN go build -o /out/server ./cmd/server',
      '',
      'FROM gcr.io/distroless/static-debian12:nonroot',
      'MAINTAINER Jane <jane@example.com>',
      '# GITHUB_TOKEN, DB_PASSWORD look like secrets: not copied into the runtime image; pass them at run time',
      'ENV APP_ENV=prod',
      'COPY --from=build /out/server /app/server',
      'CMD ["/app/server"]',
    ),
  },
  {
    name: 'Python: gcc in a multi-line && chain; venv in the builder, slim runtime keeps libpq5 and drops build ENV',
    text: PYTHON,
    expect: ['3:66-3:69'],
    messages: [/`gcc` installs a build toolchain/],
    fixed: df(
      'FROM python:3.12 AS build',
      'ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1',
      'RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\',
      '    && rm -rf /var/lib/apt/lists/*',
      'WORKDIR /app',
      'COPY requirements.txt .',
      'RUN python -m venv /opt/venv',
      'ENV PATH=/opt/venv/bin:$PATH',
      'RUN pip install -r requirements.txt',
      'COPY . .',
      '',
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*',
      'COPY --from=build /opt/venv /opt/venv',
      'ENV PATH=/opt/venv/bin:$PATH',
      'WORKDIR /app',
      'ENV PYTHONUNBUFFERED=1',
      'COPY . .',
      'EXPOSE 8000',
      'CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]',
    ),
  },
  {
    name: 'Maven: JRE runtime with the jar and a default ENTRYPOINT',
    text: MAVEN,
    expect: ['1:6-1:34'],
    fixed: df(
      'FROM maven:3.9-eclipse-temurin-17 AS build',
      'WORKDIR /app',
      'COPY pom.xml .',
      'RUN mvn -B dependency:go-offline',
      'COPY src ./src',
      'RUN mvn -B package -DskipTests',
      '',
      'FROM eclipse-temurin:17-jre',
      'WORKDIR /app',
      'COPY --from=build /app/target/*.jar /app/app.jar',
      'EXPOSE 8080',
      'ENTRYPOINT ["java", "-jar", "/app/app.jar"]',
    ),
  },
  {
    name: 'C on debian: slim runtime reinstalls only the non-build packages and copies the WORKDIR',
    text: C,
    expect: ['2:42-2:57'],
    fixed: df(
      'FROM debian:12 AS build',
      'RUN apt-get update && apt-get install -y build-essential cmake ca-certificates',
      'WORKDIR /src',
      'COPY . .',
      'RUN make',
      '',
      'FROM debian:12-slim',
      'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*',
      'WORKDIR /src',
      '# TODO: copy only the built artifacts',
      'COPY --from=build /src /src',
      'EXPOSE 9000',
      'CMD ["./myapp"]',
    ),
  },
  {
    name: 'Go: `CMD go run` becomes a go build in the builder and an exec-form CMD of the binary',
    text: df('FROM golang:1.21', 'WORKDIR /app', 'COPY . .', 'CMD go run ./cmd/web --addr :80'),
    expect: ['1:6-1:17'],
    fixed: df(
      'FROM golang:1.21 AS build',
      'WORKDIR /app',
      'COPY . .',
      'ENV CGO_ENABLED=0',
      'RUN go build -o /out/web ./cmd/web',
      '',
      'FROM gcr.io/distroless/static-debian12:nonroot',
      'COPY --from=build /out/web /app/web',
      'CMD ["/app/web", "--addr", ":80"]',
    ),
  },
  {
    name: 'yarn build in a chain on a non-toolchain image; CRLF kept',
    text: 'FROM node:20-alpine\r\nWORKDIR /app\r\nCOPY package.json yarn.lock ./\r\nRUN yarn install --frozen-lockfile && yarn build\r\nCMD ["node", "dist/main.js"]\r\n',
    expect: ['4:39-4:43'],
    messages: [/`yarn build`/],
    fixed:
      'FROM node:20-alpine AS build\r\nWORKDIR /app\r\nCOPY package.json yarn.lock ./\r\nRUN yarn install --frozen-lockfile && yarn build\r\n\r\n' +
      'FROM node:20-alpine\r\nWORKDIR /app\r\nENV NODE_ENV=production\r\nCOPY package.json yarn.lock ./\r\nRUN yarn install --frozen-lockfile --production\r\n' +
      'COPY --from=build /app/dist ./dist\r\nCMD ["node", "dist/main.js"]\r\n',
  },
  {
    name: 'multi-stage file whose final stage is a runtime image',
    text: df('FROM golang:1.22 AS build', 'RUN go build -o /bin/app .', 'FROM gcr.io/distroless/static-debian12', 'COPY --from=build /bin/app /app', 'CMD ["/app"]'),
    expect: [],
  },
  {
    name: 'python:slim that only pip installs pure dependencies',
    text: df('FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .', 'CMD ["python", "app.py"]'),
    expect: [],
  },
  {
    name: 'node:20 running npm ci only',
    text: df('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["node", "index.js"]'),
    expect: [],
  },
  {
    name: 'build deps removed again in the same RUN (apk virtual group)',
    text: df(
      'FROM python:3.12-alpine',
      'RUN apk add --no-cache --virtual .build-deps gcc musl-dev \\',
      '    && pip install --no-cache-dir psycopg2 \\',
      '    && apk del .build-deps',
    ),
    expect: [],
  },
  { name: 'a JRE image running a prebuilt jar', text: df('FROM eclipse-temurin:21-jre', 'COPY app.jar /app.jar', 'CMD ["java", "-jar", "/app.jar"]'), expect: [] },
  { name: 'a build word that is only an echoed string', text: df('FROM debian:12', 'RUN echo "go build and apt-get install gcc"'), expect: [] },
]);

describe('build-tools-in-final-stage outside the table', () => {
  before(() => initShellParser());

  it('stays silent for dev container and dev/test Dockerfiles', () => {
    for (const path of ['/w/.devcontainer/Dockerfile', '/w/Dockerfile.dev', '/w/test.Dockerfile']) {
      assert.deepEqual(analyzeDockerfile(GO, { rules: [buildToolsInFinalStage], path }), [], path);
    }
    assert.equal(analyzeDockerfile(GO, { rules: [buildToolsInFinalStage], path: '/w/Dockerfile' }).length, 1);
  });

  it('reports the ecosystem in data', () => {
    const ecosystems = [GO, NODE, PYTHON, MAVEN, C].map((text) => runRule(buildToolsInFinalStage, { text })[0]?.data?.ecosystem);
    assert.deepEqual(ecosystems, ['go', 'node', 'python', 'java', 'c']);
  });
});
