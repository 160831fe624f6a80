// What a simulated container does: which ports it listens on, whether it exits
// on its own, how it reacts to SIGTERM, and the fully qualified image name the
// container runtime (containerd) reports. Known images are matched by the
// repository basename, ignoring registry and tag (`docker.io/library/nginx:1.27`
// and `nginx` are both "nginx").

import type { Container } from '../core/types';

interface ImageTraits {
  /** TCP ports the image serves on by default. */
  ports: number[];
  /** The image's default command is a shell: with no command it exits at once (busybox, alpine …). */
  shellDefault?: boolean;
}

/** Bound on the per-image caches below (images come from user input). */
const IMAGE_CACHE_LIMIT = 1024;

const KNOWN_IMAGES: Record<string, ImageTraits> = {
  nginx: { ports: [80] },
  'nginx-unprivileged': { ports: [8080] },
  httpd: { ports: [80] },
  caddy: { ports: [80] },
  traefik: { ports: [80] },
  whoami: { ports: [80] },
  echoserver: { ports: [8080] },
  'http-echo': { ports: [5678] },
  'hello-app': { ports: [8080] },
  // The "Debug Services" task's server: its hostname over HTTP on 9376 (agnhost serve-hostname's default port).
  serve_hostname: { ports: [9376] },
  // The Kubernetes Basics tutorial's Node.js app on 8080 (gcr.io/google-samples/kubernetes-bootcamp).
  'kubernetes-bootcamp': { ports: [8080] },
  agnhost: { ports: [] },
  redis: { ports: [6379] },
  postgres: { ports: [5432] },
  mysql: { ports: [3306] },
  mariadb: { ports: [3306] },
  mongo: { ports: [27017] },
  memcached: { ports: [11211] },
  rabbitmq: { ports: [5672] },
  coredns: { ports: [53, 8080, 8181, 9153] },
  // The control plane (kubeadm's static pods): etcd's client, peer and metrics ports, the API
  // server's secure port, the controller manager's and the scheduler's secure ports.
  etcd: { ports: [2379, 2380, 2381] },
  'kube-apiserver': { ports: [6443] },
  'kube-controller-manager': { ports: [10257] },
  'kube-scheduler': { ports: [10259] },
  // registry.k8s.io/ingress-nginx/controller: nginx on 80/443, the admission webhook on 8443, /healthz on 10254.
  controller: { ports: [80, 443, 8443, 10254] },
  busybox: { ports: [], shellDefault: true },
  alpine: { ports: [], shellDefault: true },
  ubuntu: { ports: [], shellDefault: true },
  debian: { ports: [], shellDefault: true },
  curl: { ports: [], shellDefault: true },
  netshoot: { ports: [], shellDefault: true },
  'dnsutils': { ports: [], shellDefault: true },
};

/** `registry.k8s.io/coredns/coredns:v1.11.3@sha256:…` → `coredns`. */
export function imageBasename(image: string | undefined): string {
  let ref = (image ?? '').split('@')[0];
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) ref = ref.slice(0, colon);
  return ref.slice(slash + 1);
}

/** Traits by image reference: thousands of pods run a handful of images. */
const traitsByImage = new Map<string, ImageTraits | null>();

function traitsOf(container: Container): ImageTraits | undefined {
  const image = container.image ?? '';
  let traits = traitsByImage.get(image);
  if (traits === undefined) {
    if (traitsByImage.size >= IMAGE_CACHE_LIMIT) traitsByImage.clear();
    // Own properties only: an image named "constructor" is not a known image.
    const base = imageBasename(image);
    traits = Object.prototype.hasOwnProperty.call(KNOWN_IMAGES, base) ? KNOWN_IMAGES[base] : null;
    traitsByImage.set(image, traits);
  }
  return traits ?? undefined;
}

/**
 * TCP ports something listens on inside the container: the declared
 * containerPorts (the built-in app serves on them) plus the image's well-known ports.
 */
export function listeningPorts(container: Container): Set<number> {
  const ports = new Set<number>(traitsOf(container)?.ports ?? []);
  for (const p of container.ports ?? []) {
    if ((p.protocol ?? 'TCP') === 'TCP') ports.add(p.containerPort);
  }
  return ports;
}

export function listensOn(container: Container, port: number): boolean {
  return listeningPorts(container).has(port);
}

/** The program the container runs: command + args, or the image's default. */
function argv(container: Container): string[] {
  return [...(container.command ?? []), ...(container.args ?? [])];
}

/** Seconds from `sleep N` (also inside `sh -c "… sleep N"`); Infinity for `sleep infinity`. */
function sleepSeconds(words: string[]): number | undefined {
  const text = words.join(' ');
  const m = /(?:^|[\s;&|])sleep\s+(infinity|\d+)/.exec(text);
  if (!m) return undefined;
  return m[1] === 'infinity' ? Infinity : Number(m[1]);
}

/**
 * How long the container runs before its main process exits by itself (exit
 * code 0), or Infinity for a server. A shell image with no command exits at
 * once (no TTY), which is why `kubectl run x --image=busybox` crash-loops.
 */
export function runDurationSeconds(container: Container): number {
  // The image's default program (no command, no args): its traits decide, no text to scan.
  if (!container.command?.length && !container.args?.length) return traitsOf(container)?.shellDefault ? 0 : Infinity;
  // Container specs are frozen and shared across restarts: compute once per spec.
  let d = runDurations.get(container);
  if (d === undefined) runDurations.set(container, (d = computeRunDuration(container)));
  return d;
}

const runDurations = new WeakMap<Container, number>();

function computeRunDuration(container: Container): number {
  const words = argv(container);
  const sleep = sleepSeconds(words);
  if (sleep !== undefined) return /while|until/.test(words.join(' ')) ? Infinity : sleep;
  if (words.length === 0) return traitsOf(container)?.shellDefault ? 0 : Infinity;
  if (traitsOf(container)?.shellDefault) {
    // A shell running a loop or a long-lived command keeps going; a one-shot command ends.
    return /while|until|tail\s+-f|httpd|nc\s+-l/.test(words.join(' ')) ? Infinity : 0;
  }
  return Infinity;
}

/**
 * Whether PID 1 exits promptly on SIGTERM. Servers install a handler and stop
 * in about a second; a shell or `sleep` as PID 1 ignores SIGTERM, so the
 * kubelet waits out the whole grace period and then sends SIGKILL.
 */
export function exitsOnSigterm(container: Container): boolean {
  const words = argv(container);
  if (sleepSeconds(words) !== undefined) return false;
  if (traitsOf(container)?.shellDefault) return false;
  return true;
}

/**
 * The image reference containerd reports in status.containerStatuses[].image:
 * docker.io/library/ prefix for Docker Hub official images, `:latest` when no tag.
 */
export function qualifiedImage(image: string | undefined): string {
  const key = image ?? '';
  let ref = qualified.get(key);
  if (ref === undefined) {
    if (qualified.size >= IMAGE_CACHE_LIMIT) qualified.clear();
    qualified.set(key, (ref = qualify(key)));
  }
  return ref;
}

/** qualifiedImage by image reference (a pure function of the text, asked for every status write). */
const qualified = new Map<string, string>();

function qualify(image: string): string {
  let ref = image;
  const firstSlash = ref.indexOf('/');
  const first = firstSlash < 0 ? '' : ref.slice(0, firstSlash);
  const hasRegistry = firstSlash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) ref = `docker.io/${firstSlash < 0 ? `library/${ref}` : ref}`;
  const lastSlash = ref.lastIndexOf('/');
  if (!ref.includes('@') && ref.lastIndexOf(':') <= lastSlash) ref += ':latest';
  return ref;
}

/** `docker.io/library/nginx:latest` → `docker.io/library/nginx` (the repository part, for imageID). */
export function imageRepository(image: string | undefined): string {
  const q = qualifiedImage(image).split('@')[0];
  const lastSlash = q.lastIndexOf('/');
  const colon = q.lastIndexOf(':');
  return colon > lastSlash ? q.slice(0, colon) : q;
}
