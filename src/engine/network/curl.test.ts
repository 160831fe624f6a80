// curl (8.5) and BusyBox wget as people type them, from the workstation and
// inside pods: outputs, error texts and exit codes (libcurl-errors, BusyBox
// networking/wget.c), and the request lines the serving container logs.

import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../index';
import type { Pod, Service } from '../core/types';
import { containerLog } from './containerLog';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx, ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, nodePort: 30080}]
---
apiVersion: v1
kind: Service
metadata: {name: empty}
spec:
  selector: {app: nothing}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: curlimages/curl, command: [sleep, infinity]}]
---
apiVersion: v1
kind: Pod
metadata: {name: box}
spec:
  containers: [{name: box, image: busybox, command: [sleep, "3600"]}]
`;

function setup(): Cluster {
  const c = createCluster({ seed: 3 });
  c.writeFile('app.yaml', APP);
  c.exec('kubectl apply -f app.yaml');
  c.advance(30_000);
  return c;
}

const ip = (c: Cluster, name: string) => c.context.store.get<Service>('Service', 'default', name)!.spec.clusterIP!;

describe('curl', () => {
  it('prints the page that names the serving pod, and its headers with -i', () => {
    const c = setup();
    const r = c.exec('curl -i http://192.168.49.2:30080/');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.27\.4\r\nDate: Thu, 01 Jan 2026 00:01:30 GMT\r\n/);
    expect(r.stdout).toMatch(/<title>Welcome to nginx!<\/title>[\s\S]*Served by pod web-\w+-\w+ \(10\.244\.\d+\.\d+\) on node node-\d\./);
  });

  it('cannot resolve cluster names on the workstation: curl (6)', () => {
    const r = setup().exec('curl web');
    expect(r).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: web\n', exitCode: 6 });
  });

  it('is refused at once by a Service with no endpoints: curl (7), silent without -S', () => {
    const c = setup();
    expect(c.exec('kubectl exec client -- curl -s empty').stderr).toBe('command terminated with exit code 7\n');
    expect(c.exec(`kubectl exec client -- curl ${ip(c, 'empty')}`).stderr).toContain(`curl: (7) Failed to connect to ${ip(c, 'empty')} port 80 after 0 ms: Couldn't connect to server\n`);
  });

  it('times out on a ClusterIP from the workstation: (28) after -m, or after the kernel gives up', () => {
    const c = setup();
    const cip = ip(c, 'web');
    expect(c.exec(`curl -m 5 http://${cip}/`)).toEqual({ stdout: '', stderr: 'curl: (28) Connection timed out after 5002 milliseconds\n', exitCode: 28 });
    expect(c.exec(`curl --max-time 2 ${cip}`).stderr).toBe('curl: (28) Connection timed out after 2002 milliseconds\n');
    expect(c.exec(`curl ${cip}`).stderr).toBe(`curl: (28) Failed to connect to ${cip} port 80 after 134003 ms: Couldn't connect to server\n`);
    expect(c.now()).toBe(createCluster({ seed: 3 }).now() + 30_000); // no simulated time passed
  });

  it('-v prints curl\'s verbose lines with the kube-proxy hops as comments', () => {
    const c = setup();
    const r = c.exec('kubectl exec client -- curl -sv web');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('* [dns] CoreDNS answered web.default.svc.cluster.local. A ' + ip(c, 'web') + '.');
    expect(lines[1]).toBe(`*   Trying ${ip(c, 'web')}:80...`);
    expect(lines[2]).toMatch(/^\* \[kube-proxy\] kube-proxy on node-\d rewrote the destination [\d.]+:80 to 10\.244\.\d+\.\d+:80 \(pod default\/web-/);
    expect(r.stderr).toContain(`* Connected to web (${ip(c, 'web')}) port 80\n> GET / HTTP/1.1\n> Host: web\n> User-Agent: curl/8.5.0\n> Accept: */*\n> \n< HTTP/1.1 200 OK\n`);
    expect(r.stderr).toContain('* Connection #0 to host web left intact\n');
  });

  it('-w writes the status code and remote IP, -o /dev/null discards the body, -o FILE writes the workspace', () => {
    const c = setup();
    expect(c.exec("curl -s -o /dev/null -w '%{http_code} %{remote_ip}\\n' 192.168.49.3:30080").stdout).toBe('200 192.168.49.3\n');
    expect(c.exec("curl -s -w '%{http_code}' -m 1 10.96.0.99").stdout).toBe('000');
    const r = c.exec('curl -o page.html 192.168.49.2:30080');
    expect(r.stderr).toMatch(/^ {2}% Total {4}% Received % Xferd/);
    expect(c.readFile('page.html')).toContain('Welcome to nginx!');
  });

  it('-I sends HEAD, -f fails on 404 with (22), unknown options and missing URLs exit 2', () => {
    const c = setup();
    const head = c.exec('curl -I 192.168.49.2:30080');
    expect(head.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\n$/);
    expect(head.stdout).not.toContain('<html>');
    expect(c.exec('curl -sSf 192.168.49.2:30080/missing')).toEqual({ stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n', exitCode: 22 });
    expect(c.exec('curl 192.168.49.2:30080/missing').stdout).toContain('<title>404 Not Found</title>');
    expect(c.exec('curl --bogus x')).toEqual({ stdout: '', stderr: "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 });
    expect(c.exec('curl').stderr).toBe("curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
  });

  it('logs each request in the container in nginx\'s combined format, with the client address it saw', () => {
    const c = setup();
    const t = c.trace({ from: { kind: 'pod', namespace: 'default', name: 'client' }, url: 'http://web/' });
    if (t.outcome.kind !== 'response') throw new Error(t.outcome.kind);
    const by = t.outcome.servedBy!;
    const clientIP = c.context.store.get<Pod>('Pod', 'default', 'client')!.status!.podIP!;
    expect(containerLog(c.context, 'default', by.pod, 'nginx')).toBe(
      `${clientIP} - - [01/Jan/2026:00:01:30 +0000] "GET / HTTP/1.1" 200 ${t.outcome.body.length} "-" "curl/8.5.0" "-"\n`,
    );
    // kubectl logs shows it after the image's start-up lines.
    expect(c.exec(`kubectl logs ${by.pod}`).stdout).toContain(`${clientIP} - - [01/Jan/2026:00:01:30 +0000] "GET / HTTP/1.1" 200`);
  });
});

describe('wget (BusyBox)', () => {
  it('wget -qO- prints the body; without -q it says where it connects', () => {
    const c = setup();
    expect(c.exec('kubectl exec box -- wget -qO- web').stdout).toContain('Welcome to nginx!');
    const r = c.exec('kubectl exec box -- wget -O- web');
    expect(r.stderr).toBe(`Connecting to web (${ip(c, 'web')}:80)\nwriting to stdout\n-                    100% |********************************| ${String(r.stdout.length).padStart(5)}  0:00:00 ETA\nwritten to stdout\n`);
  });

  it('reports bad address, refused, timed out and HTTP errors in BusyBox\'s words', () => {
    const c = setup();
    expect(c.exec('kubectl exec box -- wget -qO- nope').stderr).toBe("wget: bad address 'nope'\ncommand terminated with exit code 1\n");
    expect(c.exec('kubectl exec box -- wget -qO- empty').stderr).toBe(`wget: can't connect to remote host (${ip(c, 'empty')}): Connection refused\ncommand terminated with exit code 1\n`);
    expect(c.exec('wget -qO- -T 5 ' + ip(c, 'web')).stderr).toBe('wget: download timed out\n');
    expect(c.exec('kubectl exec box -- wget -qO- web/nope').stderr).toBe('wget: server returned error: HTTP/1.1 404 Not Found\ncommand terminated with exit code 1\n');
  });
});

describe('curl -v output order (what a terminal shows)', () => {
  it('prints verbose lines, then the body, then the closing verbose line, in that order', async () => {
    const { createCluster } = await import('../index');
    const c = createCluster({ seed: 4 });
    c.exec('kubectl create deployment web --image=nginx --replicas=1');
    c.exec('kubectl expose deployment web --port=80 --type=NodePort');
    c.advance(30_000);
    const np = (c.snapshot().objects.Service.find((s) => s.metadata.name === 'web') as unknown as { spec: { ports: { nodePort: number }[] } }).spec.ports[0].nodePort;
    const r = c.exec(`curl -v http://192.168.49.2:${np}/`);
    expect(r.chunks?.map((ch) => ch.stream)).toEqual(['stderr', 'stdout', 'stderr']);
    expect(r.chunks?.[0].text).toMatch(/^\* {3}Trying 192\.168\.49\.2:\d+\.\.\.\n[\s\S]*< HTTP\/1\.1 200 OK\n[\s\S]*< \n$/);
    expect(r.chunks?.[2].text).toBe('* Connection #0 to host 192.168.49.2 left intact\n');
    // The separate streams stay as before.
    expect(r.stderr).toBe(r.chunks![0].text + r.chunks![2].text);
    expect(r.stdout).toBe(r.chunks![1].text);
  });
});
