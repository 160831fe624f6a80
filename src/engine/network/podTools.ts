// Which programs a container image ships. `kubectl exec` can only start what is
// on the image's PATH: busybox has wget and nslookup as applets but no curl or
// dig; Debian-based nginx has curl; distroless images (CoreDNS) have no shell at
// all. Looked up from the images' Dockerfiles (docker-library/official-images,
// curl/curl-container, nicolaka/netshoot, kubernetes/test/images/jessie-dnsutils).

import { imageBasename } from '../workloads/containerBehaviour';

export type ShellKind = 'busybox' | 'dash' | 'bash' | 'none';
export type NslookupFlavour = 'busybox' | 'busybox-legacy' | 'bind';

export interface ImageTools {
  /** Programs on PATH besides the shell utilities (cat, env, hostname, ls, echo, printenv). */
  programs: ReadonlySet<string>;
  /** Which nslookup the image has: busybox's applet (before 1.29: the libc-based one) or bind9's (dnsutils / bind-tools). */
  nslookup?: NslookupFlavour;
  shell: ShellKind;
  path: string;
}

const DEBIAN_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BUSYBOX_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const tools = (programs: string[], shell: ShellKind, nslookup?: NslookupFlavour, path = DEBIAN_PATH): ImageTools => ({
  programs: new Set(nslookup ? [...programs, 'nslookup'] : programs),
  nslookup,
  shell,
  path,
});

/** Image basename → tools. Alpine-based images carry busybox's wget and nslookup applets. */
const IMAGE_TOOLS: Record<string, ImageTools> = {
  busybox: tools(['wget'], 'busybox', 'busybox', BUSYBOX_PATH),
  alpine: tools(['wget'], 'busybox', 'busybox', BUSYBOX_PATH),
  // curlimages/curl is Alpine with curl on top (curl/curl-container).
  curl: tools(['curl', 'wget'], 'busybox', 'busybox', BUSYBOX_PATH),
  // radial/busyboxplus:curl ("Connecting Applications with Services"): BusyBox 1.22 with curl added.
  busyboxplus: tools(['curl', 'wget'], 'busybox', 'busybox-legacy', BUSYBOX_PATH),
  // nicolaka/netshoot: Alpine with bind-tools, curl and the rest of the network toolbox.
  netshoot: tools(['curl', 'wget', 'dig'], 'bash', 'bind', BUSYBOX_PATH),
  // The DNS debugging image from the Kubernetes docs (registry.k8s.io/e2e-test-images/jessie-dnsutils).
  'jessie-dnsutils': tools(['dig', 'wget'], 'bash', 'bind'),
  dnsutils: tools(['dig'], 'bash', 'bind'),
  // Debian-based nginx installs curl; httpd and the databases do not.
  nginx: tools(['curl'], 'dash'),
  // gcr.io/google-samples/kubernetes-bootcamp: a Debian-based Node.js image; the tutorial curls localhost:8080 in it.
  'kubernetes-bootcamp': tools(['curl'], 'bash'),
  httpd: tools([], 'dash'),
  ubuntu: tools([], 'dash'),
  debian: tools([], 'dash'),
  postgres: tools([], 'dash'),
  redis: tools([], 'dash'),
  mysql: tools([], 'bash'),
  mongo: tools([], 'dash'),
  // Distroless: nothing but the server binary.
  coredns: tools([], 'none', undefined, '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'),
  agnhost: tools(['curl', 'dig', 'wget'], 'busybox', 'busybox', BUSYBOX_PATH),
};

const LEGACY_BUSYBOX = tools(['wget'], 'busybox', 'busybox-legacy', BUSYBOX_PATH);

/** `1.28`, `1.28.4`, `1.27-glibc` → true; `1.29`, `1.37`, `latest`, `` → false. */
function isBefore129(tag: string): boolean {
  const m = /^1\.(\d+)(?:[.-]|$)/.exec(tag);
  return m !== null && Number(m[1]) <= 28;
}

/** Unknown images: a Debian-like base with a shell and coreutils, but no network tools. */
const DEFAULT_TOOLS = tools([], 'dash');

export function imageTools(image: string | undefined): ImageTools {
  const base = imageBasename(image);
  const tag = (image ?? '').split('@')[0].split('/').pop()!.split(':')[1] ?? '';
  const known = IMAGE_TOOLS[base];
  // BusyBox up to 1.28 (`busybox:1.28`, the tag the Kubernetes DNS docs pinned) has the libc-based nslookup.
  if (base === 'busybox' && isBefore129(tag)) return LEGACY_BUSYBOX;
  // `nginx:alpine`, `redis:7-alpine` …: the Alpine variants add busybox's applets.
  if (tag.includes('alpine') && (!known || known.shell !== 'busybox')) {
    return tools([...(known?.programs ?? []), 'wget'].filter((p) => p !== 'nslookup'), 'busybox', 'busybox', BUSYBOX_PATH);
  }
  return known ?? DEFAULT_TOOLS;
}

/** The shell utilities every image with a shell has (coreutils or busybox applets). */
export const SHELL_UTILITIES = new Set(['cat', 'env', 'printenv', 'hostname', 'ls', 'echo', 'sh', 'true', 'false', 'seq']);

export function hasProgram(t: ImageTools, name: string): boolean {
  const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  if (t.programs.has(base)) return true;
  if (t.shell === 'none') return false;
  return SHELL_UTILITIES.has(base) || (base === 'bash' && t.shell === 'bash');
}
