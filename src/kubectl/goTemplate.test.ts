// kubectl get -o go-template / --template, as the Kubernetes tutorials use them.
// Sources: kubernetes/website tasks/debug/debug-application/debug-service.md and
// tutorials/kubernetes-basics/expose/expose-intro.md (the commands); k8s.io/cli-runtime
// pkg/genericclioptions/template_flags.go and pkg/printers/template.go (flags, errors);
// Go text/template (exec.go, funcs.go) for what a template prints.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index';

function cluster() {
  const c = createCluster({ seed: 5 });
  expect(c.exec('kubectl create deployment hostnames --image=registry.k8s.io/serve_hostname --replicas=3').exitCode).toBe(0);
  expect(c.exec('kubectl expose deployment hostnames --type=NodePort --port=80 --target-port=9376').exitCode).toBe(0);
  c.advance(30_000);
  return c;
}

describe('kubectl get -o go-template (cli-runtime printers/template.go)', () => {
  const c = cluster();
  const podIPs = c.exec('kubectl get pods -l app=hostnames -o jsonpath={.items[*].status.podIP}').stdout.split(' ');
  const podNames = c.exec('kubectl get pods -o jsonpath={.items[*].metadata.name}').stdout.split(' ');
  const nodePort = c.exec('kubectl get svc hostnames -o jsonpath={.spec.ports[0].nodePort}').stdout;

  it('"Debug Services": one pod IP per line from {{range .items}}…{{"\\n"}}{{end}}', () => {
    const r = c.exec(`kubectl get pods -l app=hostnames -o go-template='{{range .items}}{{.status.podIP}}{{"\\n"}}{{end}}'`);
    expect(r).toMatchObject({ stderr: '', exitCode: 0 });
    expect(r.stdout).toBe(podIPs.map((ip) => `${ip}\n`).join(''));
  });

  it('"Using a Service to Expose Your App": the NodePort from (index .spec.ports 0).nodePort, no newline', () => {
    const r = c.exec(`kubectl get services/hostnames -o go-template='{{(index .spec.ports 0).nodePort}}'`);
    expect(r).toEqual({ stdout: nodePort, stderr: '', exitCode: 0 });
    expect(nodePort).toMatch(/^3\d{4}$/);
  });

  it('-o go-template with the template in --template, and --template alone', () => {
    const names = podNames.map((n) => `${n}\n`).join('');
    expect(c.exec(`kubectl get pods -o go-template --template '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`).stdout).toBe(names);
    expect(c.exec(`kubectl get pods --template='{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`).stdout).toBe(names);
    expect(c.exec(`kubectl get svc hostnames -o template='{{.metadata.name}}'`).stdout).toBe('hostnames');
  });

  it('prints maps and slices as fmt does, a missing key as <no value>; len, if/else, range over a map, printf', () => {
    const r = c.exec(`kubectl get svc hostnames -o go-template='{{.spec.selector}} {{.spec.nope}} {{len .spec.ports}} {{.spec.ipFamilies}}'`);
    expect(r.stdout).toBe('map[app:hostnames] <no value> 1 [IPv4]');
    const t = `{{range $k, $v := .metadata.labels}}{{$k}}={{$v}}{{end}} {{if eq .spec.type "ClusterIP"}}internal{{else if eq .spec.type "NodePort"}}node{{else}}other{{end}} {{printf "%s/%d" .kind 7}}`;
    expect(c.exec(`kubectl get svc hostnames -o go-template='${t}'`).stdout).toBe('app=hostnames node Service/7');
    // {{- and -}} trim the text around an action.
    expect(c.exec(`kubectl get svc hostnames -o go-template='a  {{- .metadata.name -}}  b'`).stdout).toBe('ahostnamesb');
  });

  it('--allow-missing-template-keys=false: the debugging text on stdout, the error on stderr, exit 1', () => {
    const r = c.exec(`kubectl get svc hostnames -o go-template='{{.spec.nope}}' --allow-missing-template-keys=false`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: error executing template "{{.spec.nope}}": template: output:1:2: executing "output" at <.spec.nope>: map has no entry for key "nope"\n');
    expect(r.stdout).toMatch(/^Error executing template: template: output:1:2: executing "output" at <.spec.nope>: map has no entry for key "nope"\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\{\.spec\.nope\}\}\n\traw data was:\n\t\t\{"apiVersion":"v1",/);
  });

  it('parse errors are reported before anything is fetched, as ToPrinter reports them', () => {
    expect(c.exec(`kubectl get svc nothing-here -o go-template='{{.metadata.name'`)).toEqual({
      stdout: '', stderr: 'error: error parsing template {{.metadata.name, template: output:1: unclosed action\n', exitCode: 1,
    });
    expect(c.exec(`kubectl get svc hostnames -o go-template='{{nosuchfunc .x}}'`).stderr).toBe('error: error parsing template {{nosuchfunc .x}}, template: output:1: function "nosuchfunc" not defined\n');
    expect(c.exec(`kubectl get svc hostnames -o go-template='{{end}}'`).stderr).toBe('error: error parsing template {{end}}, template: output:1: unexpected {{end}}\n');
    expect(c.exec('kubectl get svc hostnames -o go-template').stderr).toBe('error: template format specified but no template given\n');
  });

  it('index out of range is an execution error naming the call', () => {
    const r = c.exec(`kubectl get svc hostnames -o go-template='{{index .spec.ports 3}}'`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: error executing template "{{index .spec.ports 3}}": template: output:1:2: executing "output" at <index .spec.ports 3>: error calling index: index out of range: 3\n');
  });
});
