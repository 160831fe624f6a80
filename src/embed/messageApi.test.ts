import { describe, expect, it } from 'vitest';
import { changesCluster } from '../scenarios/tryThis';
import {
  acceptsOrigin,
  envelope,
  EventBudget,
  eventOrigin,
  handleRequest,
  MAX_COMMAND_LENGTH,
  originOf,
  parseMessage,
  replyTarget,
  traceEvent,
  type ApiActions,
  type ApiRequest,
} from './messageApi';

const msg = (fields: Record<string, unknown>) => ({ source: 'services-playground', v: 1, ...fields });

/** Actions that record what they were asked to do. */
function fakeActions(opts: { readOnly?: boolean; running?: boolean } = {}) {
  const calls: string[] = [];
  const actions: ApiActions = {
    readOnly: () => opts.readOnly ?? false,
    running: () => opts.running ?? true,
    changesCluster,
    runCommand: (line) => {
      calls.push(`run ${line}`);
      return { stdout: `out of ${line}\n`, stderr: '', exitCode: 0 };
    },
    sendCommand: (url, from, host) =>
      from.kind === 'pod' && from.name === 'missing' ? { ok: false, message: 'no running pod default/missing has curl or wget' } : { ok: true, command: `curl -s ${host ? `-H 'Host: ${host}' ` : ''}${url}` },
    loadScenario: (id) => {
      calls.push(`scenario ${id}`);
      return id === 'selector-typo';
    },
    setTheme: (theme) => calls.push(`theme ${theme}`),
  };
  return { actions, calls };
}

describe('parseMessage', () => {
  it.each([
    ['run', msg({ type: 'run', id: 'a', command: ' kubectl get pods ' }), { type: 'run', id: 'a', command: 'kubectl get pods' }],
    ['run, numeric id', msg({ type: 'run', id: 7, command: 'kubectl get svc' }), { type: 'run', id: 7, command: 'kubectl get svc' }],
    ['send', msg({ type: 'send', url: 'http://192.168.49.2:30080/' }), { type: 'send', url: 'http://192.168.49.2:30080/' }],
    ['send from a pod', msg({ type: 'send', url: 'http://web/', from: 'shop/client' }), { type: 'send', url: 'http://web/', from: { kind: 'pod', namespace: 'shop', name: 'client' } }],
    ['send from a pod in default', msg({ type: 'send', url: 'http://web/', from: 'client' }), { type: 'send', url: 'http://web/', from: { kind: 'pod', namespace: 'default', name: 'client' } }],
    ['send with a Host', msg({ type: 'send', url: 'http://203.0.113.1/', from: 'workstation', host: 'shop.example' }), { type: 'send', url: 'http://203.0.113.1/', from: { kind: 'workstation' }, host: 'shop.example' }],
    ['scenario', msg({ type: 'scenario', id: 'x', scenario: 'selector-typo' }), { type: 'scenario', id: 'x', scenario: 'selector-typo' }],
    ['theme', msg({ type: 'theme', theme: 'dark' }), { type: 'theme', theme: 'dark' }],
    ['ping, extra fields ignored', msg({ type: 'ping', extra: { deep: true } }), { type: 'ping' }],
  ])('reads %s', (_name, data, request) => {
    expect(parseMessage(data)).toEqual({ kind: 'request', request });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'services-playground'],
    ['a number', 1],
    ['an array', [msg({ type: 'ping' })]],
    ['another source', { source: 'react-devtools-bridge', v: 1, type: 'run', command: 'kubectl delete pod x' }],
    ['no source', { v: 1, type: 'ping' }],
    ['a source from the prototype', Object.create({ source: 'services-playground', v: 1, type: 'ping' })],
    ['a class instance', new (class { source = 'services-playground'; v = 1; type = 'ping'; })()],
    ['a Map', new Map([['source', 'services-playground']])],
  ])('ignores %s silently', (_name, data) => {
    expect(parseMessage(data)).toEqual({ kind: 'ignore' });
  });

  it.each([
    ['a wrong version', msg({ v: 2, type: 'ping', id: 1 }), /unsupported version 2.*"v": 1/, 1],
    ['a version as a string', msg({ v: '1', type: 'ping' }), /unsupported version "1"/, undefined],
    ['no type', msg({ id: 'q' }), /unknown "type" undefined: expected one of run, send, scenario, theme, ping/, 'q'],
    ['an unknown type', msg({ type: 'eval', id: 'q' }), /unknown "type" "eval"/, 'q'],
    ['a prototype key as the type', msg({ type: '__proto__' }), /unknown "type" "__proto__"/, undefined],
    ['a constructor type', msg({ type: 'constructor' }), /unknown "type"/, undefined],
    ['a run without a command', msg({ type: 'run', id: 'r' }), /"command" is missing/, 'r'],
    ['a run with a number', msg({ type: 'run', command: 42 }), /"command" must be a string, not 42/, undefined],
    ['a run with an object', msg({ type: 'run', command: { toString: 'x' } }), /"command" must be a string, not object/, undefined],
    ['an empty command', msg({ type: 'run', command: '   ' }), /"command" is empty/, undefined],
    ['two lines', msg({ type: 'run', command: 'kubectl get pods\nkubectl delete pod x' }), /one line/, undefined],
    ['a huge command', msg({ type: 'run', command: 'x'.repeat(MAX_COMMAND_LENGTH + 1) }), /longer than 1000 characters/, undefined],
    ['a huge id', msg({ type: 'ping', id: 'i'.repeat(101) }), /"id" must be a string of at most 100 characters or a finite number/, undefined],
    ['an object id', msg({ type: 'ping', id: {} }), /"id" must be/, undefined],
    ['a NaN id', msg({ type: 'ping', id: NaN }), /"id" must be/, undefined],
    ['a javascript: url', msg({ type: 'send', url: 'javascript:alert(1)' }), /"url" must be an http:\/\/ or https:\/\/ URL/, undefined],
    ['a url with spaces', msg({ type: 'send', url: 'http://web/ ; kubectl delete pod x' }), /without spaces/, undefined],
    ['a huge url', msg({ type: 'send', url: `http://web/${'a'.repeat(3000)}` }), /longer than 2000 characters/, undefined],
    ['a bad from', msg({ type: 'send', url: 'http://web/', from: 'a/b/c' }), /"from" must be "workstation", "POD" or "NAMESPACE\/POD"/, undefined],
    ['a from with shell', msg({ type: 'send', url: 'http://web/', from: '$(reboot)' }), /"from" must be/, undefined],
    ['a bad host', msg({ type: 'send', url: 'http://web/', host: 'a b' }), /"host" must be a host name/, undefined],
    ['a scenario given as id only', msg({ type: 'scenario', id: 'selector-typo' }), /"scenario" is missing/, 'selector-typo'],
    ['a type with a newline', msg({ type: 'run\nrun' }), /^unknown "type" "run\\nrun"/, undefined],
    ['a bad theme', msg({ type: 'theme', theme: 'solarized' }), /"theme" must be "light" or "dark", not "solarized"/, undefined],
  ])('answers %s with an error that says what is wrong', (_name, data, message, id) => {
    const parsed = parseMessage(data);
    expect(parsed.kind).toBe('error');
    if (parsed.kind !== 'error') return;
    expect(parsed.message).toMatch(message);
    expect(parsed.id).toEqual(id);
    expect(parsed.message.length).toBeLessThan(200);
  });

  it('reads only own properties: a __proto__ key from JSON neither counts nor pollutes', () => {
    const data: unknown = JSON.parse('{"source":"services-playground","v":1,"type":"theme","__proto__":{"theme":"dark","polluted":true}}');
    expect(parseMessage(data)).toEqual({ kind: 'error', message: '"theme" must be "light" or "dark", not undefined' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not mutate the message', () => {
    const data = msg({ type: 'run', id: 'a', command: ' kubectl get pods ' });
    const copy = structuredClone(data);
    parseMessage(data);
    expect(data).toEqual(copy);
  });

  it('never throws on getters or proxies', () => {
    const hostile = new Proxy(msg({ type: 'ping' }), {
      getPrototypeOf: () => {
        throw new Error('boom');
      },
    });
    expect(parseMessage(hostile)).toEqual({ kind: 'ignore' });
  });
});

describe('handleRequest', () => {
  const run = (request: ApiRequest, opts?: Parameters<typeof fakeActions>[0]) => {
    const { actions, calls } = fakeActions(opts);
    return { reply: handleRequest(request, actions), calls };
  };

  it('runs a command through the command path and returns its output', () => {
    expect(run({ type: 'run', id: 'a', command: 'kubectl get pods' })).toEqual({
      reply: { type: 'result', id: 'a', stdout: 'out of kubectl get pods\n', stderr: '', exitCode: 0 },
      calls: ['run kubectl get pods'],
    });
  });

  it.each(['kubectl get pods', 'kubectl describe svc web', 'curl -s http://web/', 'nslookup web'])('a read-only embed runs %s', (command) => {
    expect(run({ type: 'run', command }, { readOnly: true }).reply.type).toBe('result');
  });

  it.each(['kubectl delete pod web-1', 'kubectl apply -f web.yaml', 'sim fail-readiness web-1', 'kubectl -n x delete pod y', 'rm -rf /'])('a read-only embed refuses %s', (command) => {
    const { reply, calls } = run({ type: 'run', id: 9, command }, { readOnly: true });
    expect(reply).toEqual({ type: 'error', id: 9, message: expect.stringMatching(/^this embed is read-only: ".*" would change the cluster, so it was not run$/) });
    expect(calls).toEqual([]);
  });

  it('sends a request as the dialog does, with the command it ran', () => {
    expect(run({ type: 'send', id: 's', url: 'http://192.168.49.2:30080/' }, { readOnly: true })).toEqual({
      reply: { type: 'result', id: 's', command: 'curl -s http://192.168.49.2:30080/', stdout: 'out of curl -s http://192.168.49.2:30080/\n', stderr: '', exitCode: 0 },
      calls: ['run curl -s http://192.168.49.2:30080/'],
    });
  });

  it('says why a request cannot be sent', () => {
    expect(run({ type: 'send', url: 'http://web/', from: { kind: 'pod', namespace: 'default', name: 'missing' } }).reply).toEqual({ type: 'error', message: 'no running pod default/missing has curl or wget' });
  });

  it('opens known examples only', () => {
    expect(run({ type: 'scenario', id: 1, scenario: 'selector-typo' })).toEqual({ reply: { type: 'ok', id: 1 }, calls: ['scenario selector-typo'] });
    expect(run({ type: 'scenario', scenario: 'nope' }).reply).toEqual({ type: 'error', message: 'there is no example "nope"' });
  });

  it('sets the theme and answers pings', () => {
    expect(run({ type: 'theme', theme: 'dark' })).toEqual({ reply: { type: 'ok' }, calls: ['theme dark'] });
    expect(run({ type: 'ping', id: 'p' })).toEqual({ reply: { type: 'ok', id: 'p' }, calls: [] });
  });

  it('refuses cluster requests when the command line could not start', () => {
    expect(run({ type: 'run', command: 'kubectl get pods' }, { running: false }).reply).toMatchObject({ type: 'error', message: /could not start/ });
  });

  it('turns an action that throws into an error reply', () => {
    const { actions } = fakeActions();
    actions.runCommand = () => {
      throw new Error('engine bug');
    };
    expect(handleRequest({ type: 'run', id: 'x', command: 'kubectl get pods' }, actions)).toEqual({ type: 'error', id: 'x', message: 'the playground failed: engine bug' });
  });
});

describe('traceEvent', () => {
  it('summarises a response: where it went, which pod answered, in how many hops', () => {
    const trace = {
      request: { url: 'http://192.168.49.2:30080/', from: { kind: 'workstation' } },
      hops: [{}, {}, {}, {}],
      outcome: { kind: 'response' as const, status: 200, statusText: 'OK', headers: [], body: '<html>', servedBy: { namespace: 'default', pod: 'web-abc', container: 'nginx', ip: '10.244.1.2', node: 'node-1', port: 80 }, reason: 'nginx answered' },
    };
    expect(traceEvent(trace)).toEqual({ type: 'trace', url: 'http://192.168.49.2:30080/', from: 'workstation', outcome: 'response', status: 200, pod: { namespace: 'default', name: 'web-abc' }, hops: 4, reason: 'nginx answered' });
  });

  it('summarises a refusal from a pod', () => {
    const trace = { request: { url: 'http://web/', from: { kind: 'pod', namespace: 'shop', name: 'client' } }, hops: [{}], outcome: { kind: 'refused' as const, ip: '10.96.0.12', port: 80, reason: 'no endpoints' } };
    expect(traceEvent(trace)).toEqual({ type: 'trace', url: 'http://web/', from: 'shop/client', outcome: 'refused', hops: 1, reason: 'no endpoints' });
  });
});

describe('EventBudget', () => {
  it('allows N per second and counts the rest', () => {
    const budget = new EventBudget(2);
    expect([budget.take(0), budget.take(10), budget.take(20), budget.take(999)]).toEqual([true, true, false, false]);
    expect(budget.dropped).toBe(2);
    expect(budget.take(1000)).toBe(true);
  });
});

describe('origins', () => {
  it('reads http(s) origins only', () => {
    expect(originOf('https://blog.example/posts/services?x=1#y')).toBe('https://blog.example');
    expect(originOf('')).toBeUndefined();
    expect(originOf('file:///home/me/post.html')).toBeUndefined();
    expect(originOf('not a url')).toBeUndefined();
  });

  it('posts events to the named origin, else the last request, else the referrer', () => {
    expect(eventOrigin({ param: 'https://a.example', lastRequest: 'https://b.example', referrer: 'https://c.example' })).toBe('https://a.example');
    expect(eventOrigin({ lastRequest: 'https://b.example', referrer: 'https://c.example' })).toBe('https://b.example');
    expect(eventOrigin({ lastRequest: 'null', referrer: 'https://c.example' })).toBe('https://c.example');
    expect(eventOrigin({})).toBeUndefined();
  });

  it('hears any origin unless the page named one', () => {
    expect(acceptsOrigin('https://evil.example', undefined)).toBe(true);
    expect(acceptsOrigin('https://evil.example', 'https://blog.example')).toBe(false);
    expect(acceptsOrigin('https://blog.example', 'https://blog.example')).toBe(true);
  });

  it("replies to a request's origin; an opaque one cannot be named", () => {
    expect(replyTarget('https://blog.example')).toBe('https://blog.example');
    expect(replyTarget('null')).toBe('*');
  });

  it('wraps every message in the envelope', () => {
    expect(envelope({ type: 'ready', readOnly: true })).toEqual({ source: 'services-playground', v: 1, type: 'ready', readOnly: true });
  });
});
