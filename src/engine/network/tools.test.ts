// nslookup (busybox and bind9 layouts), dig, and commands inside pods through kubectl exec / run.
// Sources: busybox networking/nslookup.c; BIND 9.18 dig/nslookup; kubectl cmd/exec, cmd/run.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

const MANIFEST = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: bb, labels: {app: web}}
spec: {containers: [{name: bb, image: busybox, command: [sleep, infinity], env: [{name: MODE, value: demo}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: tools}
spec: {containers: [{name: t, image: nicolaka/netshoot, command: [sleep, infinity]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: two}
spec: {containers: [{name: a, image: nginx}, {name: b, image: busybox, command: [sleep, infinity]}]}
`;

function cluster() {
  const c = createCluster({ seed: 3 });
  c.writeFile('m.yaml', MANIFEST);
  expect(c.exec('kubectl apply -f m.yaml').exitCode).toBe(0);
  c.advance(30_000);
  const ip = (c.context.store.get('Service', 'default', 'web') as unknown as { spec: { clusterIP: string } }).spec.clusterIP;
  return { c, ip };
}

describe('nslookup', () => {
  const { c, ip } = cluster();

  it('busybox: queries every search suffix for A and AAAA and prints each reply (exit 1 on any NXDOMAIN)', () => {
    expect(c.exec('kubectl exec bb -- nslookup web')).toMatchObject({
      stdout: `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`
        + '** server can\'t find web.svc.cluster.local: NXDOMAIN\n\n** server can\'t find web.cluster.local: NXDOMAIN\n\n'
        + '*** Can\'t find web.default.svc.cluster.local: No answer\n\n'
        + '** server can\'t find web.svc.cluster.local: NXDOMAIN\n\n** server can\'t find web.cluster.local: NXDOMAIN\n\n',
      stderr: 'command terminated with exit code 1\n',
      exitCode: 1,
    });
  });

  it('bind9 (netshoot): follows the search path and prints the answer', () => {
    expect(c.exec('kubectl exec tools -- nslookup web')).toEqual({
      stdout: `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it('bind9: NXDOMAIN names the name as typed', () => {
    expect(c.exec('kubectl exec tools -- nslookup nope').stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nope: NXDOMAIN\n\n");
  });

  it('on the person\'s machine, cluster names do not resolve', () => {
    expect(c.exec('nslookup web')).toEqual({ stdout: "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find web: NXDOMAIN\n\n", stderr: '', exitCode: 1 });
  });

  it('reverse-looks-up a ClusterIP', () => {
    expect(c.exec('kubectl exec tools -- nslookup 10.96.0.10').stdout).toContain('10.0.96.10.in-addr.arpa\tname = kube-dns.kube-system.svc.cluster.local.\n');
  });
});

describe('dig', () => {
  const { c, ip } = cluster();

  it('prints BIND\'s layout for an authoritative CoreDNS answer', () => {
    const out = c.exec('kubectl exec tools -- dig web.default.svc.cluster.local').stdout;
    expect(out).toMatch(/^\n; <<>> DiG 9\.18\.\S+ <<>> web\.default\.svc\.cluster\.local\n;; global options: \+cmd\n;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \d+\n;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n/);
    expect(out).toContain(';; QUESTION SECTION:\n;web.default.svc.cluster.local.\tIN\tA\n\n;; ANSWER SECTION:\n');
    expect(out).toContain(`web.default.svc.cluster.local. 30 IN\tA\t${ip}\n`);
    expect(out).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n');
  });

  it('reports NXDOMAIN with the zone SOA', () => {
    const out = c.exec('kubectl exec tools -- dig nope.default.svc.cluster.local').stdout;
    expect(out).toContain('status: NXDOMAIN');
    expect(out).toMatch(/;; AUTHORITY SECTION:\ncluster\.local\.\t\t30\tIN\tSOA\tns\.dns\.cluster\.local\. hostmaster\.cluster\.local\. \d+ 7200 1800 86400 30\n/);
  });

  it('+short prints only the data; SRV with its target', () => {
    expect(c.exec('kubectl exec tools -- dig +short web.default.svc.cluster.local').stdout).toBe(`${ip}\n`);
    expect(c.exec('kubectl exec tools -- dig +short SRV _http._tcp.web.default.svc.cluster.local').stdout).toBe('0 100 80 web.default.svc.cluster.local.\n');
  });

  it('says no servers could be reached when CoreDNS is gone (exit 9)', () => {
    const d = cluster().c;
    d.exec('kubectl scale deployment coredns -n kube-system --replicas=0');
    d.advance(40_000);
    const r = d.exec('kubectl exec tools -- dig web.default.svc.cluster.local');
    expect(r.stdout).toContain(';; communications error to 10.96.0.10#53: connection refused\n');
    expect(r.stdout).toContain(';; no servers could be reached\n');
    expect(r.exitCode).toBe(9);
  });
});

describe('kubectl exec', () => {
  const { c, ip } = cluster();

  it('cat /etc/resolv.conf shows the ClusterFirst search path', () => {
    expect(c.exec('kubectl exec bb -- cat /etc/resolv.conf').stdout).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('env has the container env and Service links that existed at start, not later ones', () => {
    c.exec('kubectl create service clusterip later --tcp=80:80');
    const env = c.exec('kubectl exec bb -- env').stdout;
    expect(env).toContain('MODE=demo\n');
    expect(env).toContain('HOSTNAME=bb\n');
    expect(env).toContain(`WEB_SERVICE_HOST=${ip}\nWEB_SERVICE_PORT=80\nWEB_SERVICE_PORT_HTTP=80\nWEB_PORT=tcp://${ip}:80\n`);
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
    expect(env).not.toContain('LATER_SERVICE_HOST');
  });

  it('a tool missing from the image is refused by the runtime', () => {
    const r = c.exec('kubectl exec bb -- curl web');
    expect(r.stderr).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in \$PATH: unknown\n$/);
    expect(r.exitCode).toBe(1);
  });

  it('a failing command reports its exit code', () => {
    expect(c.exec('kubectl exec bb -- sh -c "curl web"')).toEqual({ stdout: '', stderr: 'sh: curl: not found\ncommand terminated with exit code 127\n', exitCode: 127 });
    expect(c.exec('kubectl exec bb -- cat /nope')).toEqual({ stdout: '', stderr: "cat: can't open '/nope': No such file or directory\ncommand terminated with exit code 1\n", exitCode: 1 });
  });

  it('hostname, and the default container notice', () => {
    expect(c.exec('kubectl exec bb -- hostname').stdout).toBe('bb\n');
    expect(c.exec('kubectl exec two -- hostname')).toMatchObject({ stdout: 'two\n', stderr: 'Defaulted container "a" out of: a, b\n', exitCode: 0 });
    expect(c.exec('kubectl exec two -c b -- nslookup web').stdout).toContain('Address:\t10.96.0.10:53');
  });

  it.each([
    ['kubectl exec nope -- ls', 'Error from server (NotFound): pods "nope" not found\n'],
    ['kubectl exec two -c zz -- ls', 'Error from server (BadRequest): container zz is not valid for pod two\n'],
    ['kubectl exec bb', "error: you must specify at least one command for the container\n"],
    ['kubectl exec bb ls', "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n"],
  ])('%s fails as kubectl does', (line, stderr) => {
    expect(c.exec(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});

describe('kubectl run --rm -it', () => {
  it('starts the pod, shows the command output, deletes the pod', () => {
    const { c, ip } = cluster();
    const r = c.exec('kubectl run dns-test --rm -it --restart=Never --image=busybox -- nslookup web.default.svc.cluster.local');
    expect(r.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n*** Can't find web.default.svc.cluster.local: No answer\n\npod "dns-test" deleted\n`);
    expect(r.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(r.exitCode).toBe(0);
    expect(c.context.store.get('Pod', 'default', 'dns-test')).toBeUndefined();
  });

  it('returns the container\'s exit code with --restart=Never', () => {
    const { c } = cluster();
    const r = c.exec('kubectl run t --rm -i --restart=Never --image=busybox -- wget -q -O- http://nope');
    expect(r.stdout.endsWith('pod "t" deleted\n')).toBe(true);
    expect(r.stderr.endsWith('pod default/t terminated (Error)\n')).toBe(true);
    expect(r.exitCode).not.toBe(0);
  });

  it('without --rm the pod stays; --rm without -i is refused', () => {
    const { c } = cluster();
    expect(c.exec('kubectl run keep -i --restart=Never --image=busybox -- hostname').stdout).toBe('keep\n');
    expect(c.context.store.get('Pod', 'default', 'keep')).toBeDefined();
    expect(c.exec('kubectl run x --rm --image=busybox')).toEqual({ stdout: '', stderr: 'error: --rm should only be used for attached containers\n', exitCode: 1 });
  });
});
