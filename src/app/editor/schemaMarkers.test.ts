import { describe, expect, it } from 'vitest';
import { createMarkerMerger, isMisspellingOf, PENDING, schemaMarkersBesideKubectl, SCHEMA_OWNER, typoDistance, withoutMissingExplainedByTypos } from './schemaMarkers';

// The texts each checker gives a misspelt key: yaml-language-server's "Property {0} is not
// allowed." (jsonParser applyAdditionalProperties) and kubectl's strict decoding error.
const TEXT = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selecter:\n    app: shop\n  ports:\n    - port: 80\n      targetport: 8080\n';
const schema = (line: number, message: string) => ({ startLineNumber: line, message, severity: 4, source: 'yaml-schema' });
const kubectl = (line: number, field: string) => ({
  startLineNumber: line,
  message: `Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "${field}"`,
  severity: 8,
});
const SELECTER = schema(6, 'Property selecter is not allowed.');
const TARGETPORT = schema(10, 'Property targetport is not allowed.');
const BAD_ENUM = schema(11, 'Value is not accepted. Valid values: "TCP", "UDP", "SCTP".');

describe('schemaMarkersBesideKubectl', () => {
  it('drops the schema\'s warning on a key kubectl names as an unknown field, keeping its other markers', () => {
    const verdict = { text: TEXT, markers: [kubectl(6, 'spec.selecter'), kubectl(10, 'spec.ports[0].targetport')] };
    expect(schemaMarkersBesideKubectl([SELECTER, TARGETPORT, BAD_ENUM], verdict, TEXT)).toEqual([BAD_ENUM]);
  });

  it('keeps the schema\'s warning where kubectl said nothing about that key (another error came first)', () => {
    const typeError = { startLineNumber: 9, message: 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32' };
    expect(schemaMarkersBesideKubectl([SELECTER, TARGETPORT], { text: TEXT, markers: [typeError] }, TEXT)).toEqual([SELECTER, TARGETPORT]);
    expect(schemaMarkersBesideKubectl([SELECTER], { text: TEXT, markers: [] }, TEXT)).toEqual([SELECTER]);
  });

  it('keeps every schema marker when kubectl\'s check is not available (the command line has not loaded)', () => {
    expect(schemaMarkersBesideKubectl([SELECTER, TARGETPORT, BAD_ENUM], undefined, TEXT)).toEqual([SELECTER, TARGETPORT, BAD_ENUM]);
  });

  it('while kubectl\'s verdict is on an older text, shows no warning about a key\'s name or value (kubectl\'s own is on its way)', () => {
    const older = { text: TEXT.replace('selecter', 'selecte'), markers: [kubectl(6, 'spec.selecte')] };
    const missing = schema(5, 'Missing property "ports".');
    expect(schemaMarkersBesideKubectl([SELECTER, BAD_ENUM, missing], older, TEXT)).toEqual([missing]);
    // A file just opened: the checks run, but have not judged it yet.
    expect(schemaMarkersBesideKubectl([SELECTER, BAD_ENUM, missing], PENDING, TEXT)).toEqual([missing]);
  });

  it('a wrong value has kubectl\'s marker alone where kubectl judged it (Unsupported value), the schema\'s where it did not', () => {
    const unsupported = { startLineNumber: 11, severity: 8, message: 'The Service "shop" is invalid: spec.ports[0].protocol: Unsupported value: "TCPX": supported values: "SCTP", "TCP", "UDP"' };
    const wrongType = schema(9, 'Incorrect type. Expected "integer".');
    expect(schemaMarkersBesideKubectl([BAD_ENUM, wrongType], { text: TEXT, markers: [unsupported] }, TEXT)).toEqual([wrongType]);
  });
});

describe('a misspelt required field is one problem, not also a missing one', () => {
  it('reads common typos as misspellings (case, transposition, a dropped or doubled letter), not other fields', () => {
    expect(typoDistance('prot', 'port')).toBe(1);
    expect(isMisspellingOf('containerport', 'containerPort')).toBe(true);
    expect(isMisspellingOf('prot', 'port')).toBe(true);
    expect(isMisspellingOf('contaners', 'containers')).toBe(true);
    expect(isMisspellingOf('imagee', 'image')).toBe(true);
    expect(isMisspellingOf('name', 'port')).toBe(false);
    expect(isMisspellingOf('hostPort', 'containerPort')).toBe(false);
  });

  it('drops the schema\'s "Missing property" when a misspelt key at or below it explains it', () => {
    // `- containerport: 80`: both on the list item's first key.
    const missing = schema(11, 'Missing property "containerPort".');
    const unknown = schema(11, 'Property containerport is not allowed.');
    expect(withoutMissingExplainedByTypos([missing, unknown])).toEqual([unknown]);
    // `spec:` (line 5) lacking `containers`, misspelt below it.
    const noContainers = schema(5, 'Missing property "containers".');
    expect(withoutMissingExplainedByTypos([noContainers, schema(6, 'Property contaners is not allowed.')])).toHaveLength(1);
    // A truly missing field stays: no key reads like it, or the only lookalike is above the object.
    expect(withoutMissingExplainedByTypos([missing, schema(11, 'Property hostprt is not allowed.')])).toHaveLength(2);
    expect(withoutMissingExplainedByTypos([noContainers, schema(3, 'Property contaners is not allowed.')])).toHaveLength(2);
  });

  it('so with kubectl\'s verdict the misspelt required field has kubectl\'s marker alone', () => {
    const raw = [schema(11, 'Missing property "containerPort".'), schema(11, 'Property containerport is not allowed.')];
    expect(schemaMarkersBesideKubectl(raw, { text: TEXT, markers: [kubectl(11, 'spec.containers[0].ports[0].containerport')] }, TEXT)).toEqual([]);
    expect(schemaMarkersBesideKubectl(raw, undefined, TEXT)).toEqual([raw[1]]);
  });
});

describe('createMarkerMerger', () => {
  type Model = { getValue(): string; name: string };
  type Marker = { startLineNumber: number; message: string };
  function setup(checksAvailable = false) {
    const shown = new Map<string, Marker[]>();
    const merger = createMarkerMerger<Model, Marker>((model, owner, markers) => shown.set(`${model.name}/${owner}`, markers), () => checksAvailable);
    const model: Model = { name: 'web.yaml', getValue: () => TEXT };
    const onLine = (line: number) => [...shown.values()].flat().filter((m) => m.startLineNumber === line);
    return { shown, merger, model, onLine };
  }

  it('one marker per misspelt key, in kubectl\'s words, whichever checker answers first', () => {
    for (const kubectlFirst of [true, false]) {
      const { merger, model, onLine } = setup();
      const verdict = { text: TEXT, markers: [kubectl(6, 'spec.selecter'), kubectl(10, 'spec.ports[0].targetport')] };
      if (kubectlFirst) merger.setKubectlVerdict(model, verdict);
      merger.setModelMarkers(model, SCHEMA_OWNER, [SELECTER, TARGETPORT, BAD_ENUM]);
      if (!kubectlFirst) merger.setKubectlVerdict(model, verdict);
      expect(onLine(6)).toEqual([verdict.markers[0]]);
      expect(onLine(10)).toEqual([verdict.markers[1]]);
      expect(onLine(11)).toEqual([BAD_ENUM]);
    }
  });

  it('before any kubectl verdict the schema\'s warning stands alone; kubectl\'s then takes its place; a fix leaves none', () => {
    const { merger, model, onLine } = setup();
    merger.setModelMarkers(model, SCHEMA_OWNER, [SELECTER]);
    expect(onLine(6)).toEqual([SELECTER]);
    const verdict = { text: TEXT, markers: [kubectl(6, 'spec.selecter')] };
    merger.setKubectlVerdict(model, verdict);
    expect(onLine(6)).toEqual(verdict.markers);
    // Fixed: the schema answers first (nothing), then kubectl (nothing).
    const fixed = TEXT.replace('selecter', 'selector');
    model.getValue = () => fixed;
    merger.setModelMarkers(model, SCHEMA_OWNER, []);
    merger.setKubectlVerdict(model, { text: fixed, markers: [] });
    expect(onLine(6)).toEqual([]);
  });

  it('a file just opened, while kubectl\'s checks run: the schema\'s warning waits for kubectl\'s verdict', () => {
    const { merger, model, onLine } = setup(true);
    merger.setModelMarkers(model, SCHEMA_OWNER, [SELECTER, BAD_ENUM]);
    expect(onLine(6)).toEqual([]);
    expect(onLine(11)).toEqual([]);
    const verdict = { text: TEXT, markers: [kubectl(6, 'spec.selecter')] };
    merger.setKubectlVerdict(model, verdict);
    expect(onLine(6)).toEqual(verdict.markers);
    // kubectl said nothing about line 11 (its strict error came first): the schema's stands.
    expect(onLine(11)).toEqual([BAD_ENUM]);
  });

  it('passes other owners\' markers straight through', () => {
    const { merger, model, shown } = setup();
    merger.setModelMarkers(model, 'other', [SELECTER]);
    expect(shown.get('web.yaml/other')).toEqual([SELECTER]);
  });
});
