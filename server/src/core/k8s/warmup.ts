// Warms the YAML parser and the manifest rules while the server is idle after start-up, so the first manifest a
// user opens is analyzed by optimised code (a cold 20,000-line open takes about twice as long as a warm one).
// The sample mixes the constructs real manifests use: block and flow collections, quoted and block scalars,
// comments, anchors, several kinds and cross-object references.
import { analyzeManifest } from './analyze';
import type { ManifestRule } from '../rule';

const SAMPLE = `# sample
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
  labels: {app.kubernetes.io/name: api, tier: "backend"}
  annotations:
    kubernetes.io/change-cause: 'deploy 1.2.0'
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: api
  template:
    metadata:
      labels: &labels
        app.kubernetes.io/name: api
    spec:
      securityContext: {runAsNonRoot: true, runAsUser: 10001}
      containers:
        - name: api
          image: registry.example.com/api:1.2.0
          args: ["--port", "8080"]
          command:
            - /bin/api
          ports:
            - name: http
              containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
            - name: CONFIG
              value: |
                a: 1
                b: true
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits:
              memory: 256Mi
          readinessProbe:
            httpGet: {path: /ready, port: http}
          livenessProbe:
            tcpSocket:
              port: 8080
            periodSeconds: 10
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: *labels
  ports:
    - port: 80
      targetPort: http
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api
  namespace: shop
spec:
  ingressClassName: nginx
  rules:
    - host: api.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: api, port: {name: http}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api
  namespace: shop
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: {type: Utilization, averageUtilization: 70}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: "fast"
  limit: '10'
...
`;

/**
 * Analyses the sample `rounds` times with `rules` (the registry's); a few ms a round once warm. Every document gets
 * a comment naming the round, so each round really parses (documents are cached by their text).
 */
export function warmUpManifests(rules: readonly ManifestRule[], rounds = 4): void {
  for (let i = 0; i < rounds; i++) {
    const text = SAMPLE.replace(/^(# sample|---)$/gm, (line) => `${line}\n# warm-up round ${i}`);
    analyzeManifest(text, { path: `/stevedore-warmup/${i}.yaml`, rules });
  }
}
