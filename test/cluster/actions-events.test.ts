// "Events": a Deployment's, its ReplicaSets' and Pods' events in one table, warnings first then newest first, against
// the test API server (whose kubelet stand-in records pod events, and BackOff warnings for crash-looping pods).
import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { showDeploymentEvents, warningsFirst } from '../../client/src/cluster/events';
import { startTestCluster, type TestCluster } from '../support/apiserver/index';
import { kubectl, waitFor } from '../support/apiserver/kubectl';
import { actionSetup, commandsRun } from './actions-support';
import { tempDir } from './support';

const tmp = tempDir();
after(tmp.cleanup);

let cluster: TestCluster;
beforeEach(async () => (cluster = await startTestCluster({ tickMs: 50 })));
afterEach(() => cluster?.close());

const AGE_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
const seconds = (age: string) => Number(age.slice(0, -1)) * AGE_SECONDS[age.slice(-1)];

describe('deployment events', () => {
  test('the Deployment, its ReplicaSets and Pods (also deleted ones), newest first, as a table; nothing of worker', async () => {
    const s = actionSetup(cluster, tmp.dir);
    const events = await showDeploymentEvents(s.commands, s.deps, { name: 'web', namespace: 'shop' });
    assert.deepEqual(s.ui.errors, []);
    assert.ok(events && events.length > 20, `${events?.length} events`);
    const { title, text } = s.ui.texts[0];
    assert.equal(title, 'Events: web');
    const lines = text.split('\n');
    assert.equal(lines[0], `Events of deployment/web, its ReplicaSets and Pods (context stevedore-test, namespace shop): ${events.length}, 0 warnings; warnings first, then newest first.`);
    assert.match(lines[2], /^TYPE\s+REASON\s+AGE\s+OBJECT\s+MESSAGE$/);
    const rows = lines.slice(3).filter(Boolean).map((l) => l.split(/\s{2,}/));
    assert.equal(rows.length, events.length);
    assert.deepEqual([...new Set(rows.map((r) => r[3].replace(/-[a-z0-9]+(-[a-z0-9]+)?$/, '')))].sort(), ['deployment/web', 'pod/web', 'replicaset/web']);
    assert.ok(!text.includes('worker'));
    assert.ok(rows.some((r) => r[1] === 'ScalingReplicaSet' && r[3] === 'deployment/web' && /^Scaled up replica set web-\w+ from 0 to 3$/.test(r[4])), 'the deployment controller');
    assert.ok(rows.some((r) => r[1] === 'SuccessfulCreate' && r[3].startsWith('replicaset/web-')), 'the ReplicaSet controller');
    const live = new Set((await kubectl(cluster, ['get', 'pods', '-n', 'shop', '-l', 'app=web', '-o', 'name'])).stdout.trim().split('\n'));
    const podRows = rows.filter((r) => r[3].startsWith('pod/'));
    assert.ok(podRows.some((r) => r[1] === 'Started' && !live.has(r[3])), 'events of pods deleted by earlier rollouts');
    assert.ok(podRows.some((r) => r[1] === 'Scheduled' && live.has(r[3]) && r[4] === `Successfully assigned shop/${r[3].slice(4)} to stevedore-node-1`));
    const ages = rows.map((r) => seconds(r[2]));
    assert.deepEqual(ages, [...ages].sort((a, b) => a - b), 'newest first');
    assert.deepEqual(commandsRun(s.log).slice(-3), ['get deployment/web -o json', 'get replicasets,pods -l app=web -o json', 'get events -o json']);
  });

  test('a crash-looping rollout: its BackOff warnings come first, counted, then the newest normal events', async () => {
    const s = actionSetup(cluster, tmp.dir);
    cluster.setFailRollouts(true);
    await s.deps.kubectl().run(['rollout', 'restart', 'deployment/web'], { context: 'stevedore-test', namespace: 'shop' });
    await waitFor('a pod restarted twice', async () => {
      const r = await kubectl(cluster, ['get', 'events', '-n', 'shop', '--field-selector', 'reason=BackOff', '-o', 'json']);
      return (JSON.parse(r.stdout).items as { count: number }[]).some((e) => e.count >= 2);
    }, 20000);
    const events = await showDeploymentEvents(s.commands, s.deps, { name: 'web', namespace: 'shop' });
    assert.ok(events);
    const lines = s.ui.texts[0].text.split('\n');
    const warnings = events.filter((e) => e.event.type === 'Warning');
    assert.ok(warnings.length >= 1);
    assert.match(lines[0], new RegExp(`: ${events.length}, ${warnings.length} warnings?; warnings first`));
    const first = lines[3].split(/\s{2,}/);
    assert.equal(first[0], 'Warning');
    assert.equal(first[1], 'BackOff');
    assert.match(first[2], /^\d+s \(×\d+\)$/);
    assert.match(first[3], /^pod\/web-[a-z0-9]+-[a-z0-9]+$/);
    assert.equal(first[4].replace(/\(.*\)$/, ''), `Back-off restarting failed container web in pod ${first[3].slice(4)}_shop`);
    assert.deepEqual(events.slice(0, warnings.length).map((e) => e.event.type), warnings.map(() => 'Warning'));
    const next = lines[3 + warnings.length].split(/\s{2,}/);
    assert.equal(next[0], 'Normal');
    assert.match(next[2], /^\d+s$/, 'the newest normal event follows the warnings');
  });

  test('warnings first, each part newest first', () => {
    const ev = (name: string, type: string, at: string) => ({ event: { metadata: { name }, type, lastTimestamp: at }, object: '' });
    const sorted = warningsFirst([ev('n-old', 'Normal', '2026-01-01T00:00:00Z'), ev('w-old', 'Warning', '2026-01-01T00:00:01Z'), ev('n-new', 'Normal', '2026-01-01T00:00:09Z'), ev('w-new', 'Warning', '2026-01-01T00:00:05Z')]);
    assert.deepEqual(sorted.map((e) => e.event.metadata.name), ['w-new', 'w-old', 'n-new', 'n-old']);
  });
});
