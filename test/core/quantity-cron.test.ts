// Kubernetes quantities and CronJob schedules as the API server reads them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cronError, isTimeZone } from '../../server/src/core/k8s/cron';
import { parseQuantity } from '../../server/src/core/k8s/quantity';

describe('quantities', () => {
  it('accept the API server\'s spellings with their values', () => {
    const cases: Array<[string | number, number]> = [['100m', 0.1], ['1', 1], [2, 2], ['0.5', 0.5], ['.5', 0.5], ['1.', 1], ['1Ki', 1024], ['1.5Gi', 1.5 * 2 ** 30], ['128Mi', 128 * 2 ** 20], ['1k', 1000], ['1M', 1e6], ['1e3', 1000], ['1E-2', 0.01], ['500u', 0.0005], ['+1', 1], ['0', 0]];
    for (const [raw, value] of cases) assert.equal(parseQuantity(raw)?.value, value, String(raw));
  });

  it('refuse what it refuses, and know negatives', () => {
    for (const raw of ['1GB', '100 m', 'one', '1.2.3', '', 'Mi', '1KI', '1mi', '1e', '--1']) assert.equal(parseQuantity(raw), undefined, raw);
    assert.equal(parseQuantity('-1')?.negative, true);
    assert.equal(parseQuantity('-0')?.negative, false);
  });
});

describe('cron schedules', () => {
  it('accept five fields, names, ranges, steps and descriptors', () => {
    for (const s of ['*/5 * * * *', '0 3 * * 1-5', '15,45 9-17 * jan-jun MON', '0 0 1 */2 *', '@hourly', '@daily', '@every 5m', '0 0 ? * sun']) assert.equal(cronError(s), undefined, s);
  });

  it('refuse the rest, saying why', () => {
    assert.match(cronError('*/5 * * *')!, /expected exactly 5 fields, found 4/);
    assert.match(cronError('60 * * * *')!, /minute out of range \(0-59\): 60/);
    assert.match(cronError('0 0 * * 7')!, /day of week out of range/);
    assert.match(cronError('0 5-3 * * *')!, /beginning of range \(5\) beyond end of range \(3\)/);
    assert.match(cronError('*/0 * * * *')!, /step of range should be a positive number/);
    assert.match(cronError('TZ=UTC 0 * * * *')!, /use timeZone field instead/);
    assert.match(cronError('@fortnightly')!, /unrecognized descriptor/);
    assert.match(cronError('0 0 * foo *')!, /failed to parse month: foo/);
  });

  it('time zones by IANA name', () => {
    assert.ok(isTimeZone('Europe/Berlin'));
    assert.ok(isTimeZone('UTC'));
    assert.ok(!isTimeZone('Europe/Atlantis'));
    assert.ok(!isTimeZone('Local'));
  });
});
