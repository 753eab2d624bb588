// "Create Ingress" on a Service: an nginx Ingress routing to the Service's http (or first TCP) port.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONFIG, DEPLOY, ING, run, SERVICE, titles } from '../helpers/create-object';

describe('generate: Service', () => {
  it('creates an nginx Ingress routing to the named port', () => {
    assert.deepEqual(titles(SERVICE), [ING]);
    assert.equal(
      run(SERVICE, ING, 'Ingress'),
      `${SERVICE}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: my-service
spec:
  ingressClassName: nginx
  rules:
    - host: my-service.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: my-service
                port:
                  name: http
`,
    );
  });

  it('routes to the port number when the port is unnamed, after the Service in a multi-document file', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 8080\n';
    const text = `${DEPLOY}---\n${svc}---\n${CONFIG}`;
    const out = run(text, ING, 'Ingress', { offset: text.indexOf('port: 8080') });
    assert.equal(
      out,
      `${DEPLOY}---\n${svc}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  ingressClassName: nginx
  rules:
  - host: web.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 8080
---\n${CONFIG}`,
    );
  });

  it('prefers the http port and skips UDP ports', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: dns\nspec:\n  ports:\n  - name: dns\n    port: 53\n    protocol: UDP\n  - name: metrics\n    port: 9153\n  - name: http\n    port: 8080\n';
    assert.ok(run(svc, ING, 'Ingress').endsWith('            port:\n              name: http\n'));
    assert.deepEqual(titles('apiVersion: v1\nkind: Service\nmetadata:\n  name: dns\nspec:\n  ports:\n  - port: 53\n    protocol: UDP\n'), []);
  });
});
