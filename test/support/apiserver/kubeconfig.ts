// The kubeconfig of the test cluster: a working context, a "production" one on the same server, one whose server
// refuses connections and one with a wrong token. The server's self-signed certificate is the trusted CA.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const USER = 'stevedore-test';
export const CONTEXTS = { main: 'stevedore-test', prod: 'prod-eu', unreachable: 'unreachable', badToken: 'bad-token' } as const;

/** Writes `<dir>/kubeconfig` and returns its absolute path. */
export function writeKubeconfig(dir: string, url: string, token: string, caPem: string): string {
  const file = path.resolve(dir, 'kubeconfig');
  const ca = Buffer.from(caPem).toString('base64');
  const text = `apiVersion: v1
kind: Config
preferences: {}
clusters:
- name: stevedore-test
  cluster:
    server: ${url}
    certificate-authority-data: ${ca}
- name: unreachable
  cluster:
    server: https://127.0.0.1:1
    certificate-authority-data: ${ca}
users:
- name: ${USER}
  user:
    token: ${token}
- name: bad-token
  user:
    token: not-${token}
contexts:
- name: ${CONTEXTS.main}
  context:
    cluster: stevedore-test
    user: ${USER}
    namespace: shop
- name: ${CONTEXTS.prod}
  context:
    cluster: stevedore-test
    user: ${USER}
    namespace: shop
- name: ${CONTEXTS.unreachable}
  context:
    cluster: unreachable
    user: ${USER}
    namespace: shop
- name: ${CONTEXTS.badToken}
  context:
    cluster: stevedore-test
    user: bad-token
    namespace: shop
current-context: ${CONTEXTS.main}
`;
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}
