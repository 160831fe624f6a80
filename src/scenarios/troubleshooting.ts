// Scenarios that show the three classic reasons a Service does not answer:
// a selector that matches nothing, a targetPort nothing listens on, and a pod
// that a readiness probe keeps out of the endpoints.

const deployment = (name: string, labels: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 3
  selector:
    matchLabels:
      ${labels}
  template:
    metadata:
      labels:
        ${labels}
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80${extra}
`;

/** The pods say app=wbe, the Service asks for app=web: no endpoints. */
export const SELECTOR_TYPO = `${deployment('web', 'app: wbe # typo: should be web')}---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
`;

/** The Service sends to port 8080 but nginx listens on 80: connection refused. */
export const TARGET_PORT_MISTAKE = `${deployment('web', 'app: web')}---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080 # nothing listens here; nginx serves on 80
`;

/** A canary whose readiness probe checks a port nothing serves: never Ready, never an endpoint. */
export const READINESS_PROBE = `${deployment('web', 'app: web')}---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-canary
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
      track: canary
  template:
    metadata:
      labels:
        app: web
        track: canary
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
          readinessProbe:
            httpGet:
              path: /healthz
              port: 8080 # nothing listens on 8080: the probe fails
            periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
`;
