// Scenarios for traffic above and around Services: Ingress and NetworkPolicy.

const app = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
    - port: 80
      targetPort: 80
`;

export const INGRESS_APPS = `${app('web')}---
${app('api')}`;

/** One Ingress, two paths: /api goes to the api Service, everything else to web. */
export const INGRESS_TWO_PATHS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 80
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`;

export const POLICY_APPS = `${app('web')}---
apiVersion: v1
kind: Pod
metadata:
  name: client
  labels:
    role: frontend
spec:
  containers:
    - name: shell
      image: busybox:1.36
      command: ["sleep", "infinity"]
`;

/** Selects every pod in the namespace and allows no ingress: all traffic to them is dropped. */
export const DEFAULT_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes:
    - Ingress
`;

/** Lets pods labelled role=frontend reach the web pods on port 80. */
export const ALLOW_FRONTEND = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-frontend-to-web
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              role: frontend
      ports:
        - port: 80
`;
