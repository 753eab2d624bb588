// The API server's name and label syntax, checked against cases from apimachinery's own validation tests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dns1035Label, dns1123Label, dns1123Subdomain, generateNamePrefix, ianaSvcName, labelValue, nameValidatorFor, qualifiedName } from '../../server/src/core/k8s/api-validation';

const ok = (errors: string[]) => errors.length === 0;

describe('API server syntax', () => {
  it('RFC 1123 labels and subdomains, DNS-1035 labels', () => {
    for (const v of ['a', 'ab', 'a-b', '0', 'a1', '1-a', 'a'.repeat(63)]) assert.ok(ok(dns1123Label(v)), v);
    for (const v of ['', 'A', 'a_b', 'a.b', '-a', 'a-', 'a'.repeat(64)]) assert.ok(!ok(dns1123Label(v)), v);
    for (const v of ['a.b', 'example.com', '1.2.3', `${'a'.repeat(63)}.${'b'.repeat(63)}`]) assert.ok(ok(dns1123Subdomain(v)), v);
    for (const v of ['a..b', '.a', 'a.', 'A.b', 'a_b.c', 'a'.repeat(254)]) assert.ok(!ok(dns1123Subdomain(v)), v);
    for (const v of ['a', 'a-1', 'abc']) assert.ok(ok(dns1035Label(v)), v);
    for (const v of ['1a', '-a', 'a.b', 'A']) assert.ok(!ok(dns1035Label(v)), v);
  });

  it('IANA service names', () => {
    for (const v of ['http', 'grpc-web', 'h2c', 'a1', 'x'.repeat(15)]) assert.ok(ok(ianaSvcName(v)), v);
    assert.deepEqual(ianaSvcName('metrics-endpoint'), ['must be no more than 15 characters']);
    assert.deepEqual(ianaSvcName('80'), ['must contain at least one letter (a-z)']);
    assert.deepEqual(ianaSvcName('a--b'), ['must contain consecutive hyphens'.replace('must', 'must not')]);
    assert.deepEqual(ianaSvcName('-a'), ['must not begin or end with a hyphen']);
    assert.ok(!ok(ianaSvcName('HTTP')));
  });

  it('qualified names (label and annotation keys) and label values', () => {
    for (const v of ['app', 'app.kubernetes.io/name', 'Example_Key', 'a/b', 'x.y/Z-1']) assert.ok(ok(qualifiedName(v)), v);
    for (const v of ['', '/a', 'a/', 'a/b/c', 'A.com/b', 'a b', `${'a'.repeat(64)}`, `p/${'a'.repeat(64)}`, '_a']) assert.ok(!ok(qualifiedName(v)), v);
    for (const v of ['', 'a', 'A-b_c.d', '1', 'a'.repeat(63)]) assert.ok(ok(labelValue(v)), v);
    for (const v of ['-a', 'a-', 'a b', 'a/b', 'a+b', 'a'.repeat(64)]) assert.ok(!ok(labelValue(v)), v);
  });

  it('which rule names a kind, and generateName prefixes', () => {
    assert.equal(nameValidatorFor('Service').what, 'a DNS-1035 label');
    assert.equal(nameValidatorFor('Namespace').what, 'an RFC 1123 label');
    assert.equal(nameValidatorFor('Deployment').what, 'an RFC 1123 subdomain');
    assert.equal(generateNamePrefix('job-'), 'job');
    assert.equal(generateNamePrefix('job'), 'job');
  });
});
