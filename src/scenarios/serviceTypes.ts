// Scenarios for the Service types and options beyond the welcome NodePort.

/** A headless Service gives each StatefulSet pod its own DNS name. */
export const HEADLESS_STATEFULSET = `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None # headless: DNS returns the pods, no virtual IP
  selector:
    app: db
  ports:
    - name: http
      port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 80
`;

/** An ExternalName Service is only a DNS alias (CNAME) for a name outside the cluster. */
export const EXTERNAL_NAME = `apiVersion: v1
kind: Service
metadata:
  name: payments
spec:
  type: ExternalName
  externalName: api.payments.example.com
`;

/** LoadBalancer with externalTrafficPolicy: Local keeps the client IP and skips nodes without a pod. */
export const LOADBALANCER_LOCAL = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2 # three nodes, two pods: one node has none
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
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
  name: shop
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector:
    app: shop
  ports:
    - port: 80
      targetPort: 80
`;

/** sessionAffinity: ClientIP sends one client to the same pod until the timeout. */
export const SESSION_AFFINITY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
spec:
  replicas: 3
  selector:
    matchLabels:
      app: cart
  template:
    metadata:
      labels:
        app: cart
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
  name: cart
spec:
  selector:
    app: cart
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 600
  ports:
    - port: 80
      targetPort: 80
`;
