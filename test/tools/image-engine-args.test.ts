// The docker and buildah paths share the podman code; what differs is the arguments and the output formats, checked
// here without the engines (docker cannot run on these machines): argument arrays, docker's history lines, and
// what docker's build logs (BuildKit and the legacy builder) say about a failure.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyBuildLog, failingLine } from '../../server/src/core/image/build-log';
import { buildArgs, EngineError, historyArgs, parseHistory, saveArgs } from '../../server/src/tools/image-engine';

const build = { dockerfile: '/w/app/Dockerfile.prod', context: '/w/app', iidfile: '/tmp/x/iid' };

test('build arguments: explicit --file and --iidfile, the context as given, --target for a stage', () => {
  assert.deepEqual(buildArgs('docker', build), ['build', '--file', '/w/app/Dockerfile.prod', '--iidfile', '/tmp/x/iid', '/w/app']);
  assert.deepEqual(buildArgs('podman', { ...build, target: 'builder' }), ['build', '--file', '/w/app/Dockerfile.prod', '--iidfile', '/tmp/x/iid', '--target', 'builder', '/w/app']);
  assert.deepEqual(buildArgs('buildah', build), ['bud', '--layers', '--file', '/w/app/Dockerfile.prod', '--iidfile', '/tmp/x/iid', '/w/app']);
});

test('history and save arguments per engine; buildah has no history', () => {
  assert.deepEqual(historyArgs('docker', 'sha256:abc'), ['history', '--no-trunc', '--human=false', '--format', '{{json .}}', 'sha256:abc']);
  assert.deepEqual(historyArgs('podman', 'abc'), ['history', '--no-trunc', '--format', 'json', 'abc']);
  assert.throws(() => historyArgs('buildah', 'abc'), (e: unknown) => e instanceof EngineError && e.kind === 'failed' && /podman or docker/.test(e.message));
  assert.deepEqual(saveArgs('docker', 'abc'), ['save', 'abc']);
  assert.deepEqual(saveArgs('podman', 'abc'), ['save', '--format', 'docker-archive', 'abc']);
  assert.deepEqual(saveArgs('buildah', 'abc'), ['push', 'abc', 'docker-archive:/dev/stdout']);
});

test("docker's history lines (newest first, sizes as strings) read oldest first in bytes", () => {
  const lines = [
    '{"Comment":"","CreatedAt":"2026-12-01T10:00:02Z","CreatedBy":"RUN /bin/sh -c apt-get install -y curl # buildkit","CreatedSince":"5 days ago","ID":"<missing>","Size":"17912345"}',
    '{"Comment":"buildkit.dockerfile.v0","CreatedAt":"2026-12-01T10:00:01Z","CreatedBy":"ENV A=1","CreatedSince":"5 days ago","ID":"<missing>","Size":"0"}',
    '{"Comment":"","CreatedAt":"2026-11-20T00:00:00Z","CreatedBy":"/bin/sh -c #(nop) ADD file:abc in / ","CreatedSince":"2 weeks ago","ID":"sha256:0123","Size":"121054720"}',
  ].join('\n');
  assert.deepEqual(parseHistory(lines), [
    { id: 'sha256:0123', createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', size: 121054720, created: '2026-11-20T00:00:00Z', comment: undefined },
    { id: '<missing>', createdBy: 'ENV A=1', size: 0, created: '2026-12-01T10:00:01Z', comment: 'buildkit.dockerfile.v0' },
    { id: '<missing>', createdBy: 'RUN /bin/sh -c apt-get install -y curl # buildkit', size: 17912345, created: '2026-12-01T10:00:02Z', comment: undefined },
  ]);
});

const dockerfile = 'ARG V=12\nFROM debian:${V} AS base\nRUN true\n\nFROM base\nENV A=1\nRUN exit 1\n';

test('a BuildKit log: the failing RUN from "Dockerfile:N"', () => {
  const log = [
    '#7 [stage-1 2/2] RUN exit 1',
    '#7 ERROR: process "/bin/sh -c exit 1" did not complete successfully: exit code: 1',
    '------',
    ' > [stage-1 2/2] RUN exit 1:',
    '------',
    'Dockerfile:7',
    '--------------------',
    '   5 |     FROM base',
    '   6 |     ENV A=1',
    '   7 | >>> RUN exit 1',
    '--------------------',
    'ERROR: failed to solve: process "/bin/sh -c exit 1" did not complete successfully: exit code: 1',
  ].join('\n');
  assert.equal(classifyBuildLog(log), 'run-failed');
  assert.equal(failingLine(log, dockerfile), 6);
});

test("the legacy builder's log: Step k/n counted over all stages, without the global ARG", () => {
  const log = 'Step 1/5 : FROM debian:12 AS base\n ---> 49063765e884\nStep 2/5 : RUN true\nStep 3/5 : FROM base\nStep 4/5 : ENV A=1\nStep 5/5 : RUN exit 1\n ---> Running in 5d2f\nThe command \'/bin/sh -c exit 1\' returned a non-zero code: 1\n';
  assert.equal(classifyBuildLog(log), 'run-failed');
  assert.equal(failingLine(log, dockerfile), 6);
});

test('daemon, permission and base-image messages of docker', () => {
  assert.equal(classifyBuildLog('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'), 'daemon-not-running');
  assert.equal(
    classifyBuildLog('permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/_ping": dial unix /var/run/docker.sock: connect: permission denied'),
    'permission-denied',
  );
  const pull = 'ERROR: failed to solve: nope:1: failed to resolve source metadata for docker.io/library/nope:1: pull access denied, repository does not exist or may require authorization';
  assert.equal(classifyBuildLog(pull), 'base-image-not-found');
  assert.equal(failingLine(pull, 'FROM debian:12\nRUN true\nFROM nope:1\n'), 2);
  assert.equal(classifyBuildLog('Error: something else broke'), 'failed');
});
