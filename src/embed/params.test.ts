import { describe, expect, it } from 'vitest';
import { initialCollapsed, parsePageParams } from './params';

describe('parsePageParams', () => {
  it.each([
    ['', { embed: false, readOnly: false, testHooks: false }],
    ['?embed=1&readonly=1', { embed: true, readOnly: true, testHooks: false }],
    ['?embed=true&theme=dark&scenario=selector-typo', { embed: true, readOnly: false, testHooks: false, theme: 'dark', scenario: 'selector-typo' }],
    ['?panes=graph,terminal', { embed: false, readOnly: false, testHooks: false, panes: ['graph', 'terminal'] }],
    ['?test-hooks=1', { embed: false, readOnly: false, testHooks: true }],
  ])('%s', (search, expected) => {
    expect(parsePageParams(search)).toEqual(expected);
  });

  it('ignores unknown and hostile values', () => {
    const p = parsePageParams('?embed=<script>&theme=javascript:alert(1)&scenario=__proto__&panes=<img>,constructor&readonly=0');
    // The unknown example's id is kept as text only, to be shown (React escapes it).
    expect(p).toEqual({ embed: false, readOnly: false, testHooks: false, unknownScenario: '__proto__' });
  });

  it('ignores an absurdly long query', () => {
    expect(parsePageParams(`?embed=1&x=${'a'.repeat(10_000)}`).embed).toBe(false);
  });
});

describe('origin=', () => {
  it.each([
    ['https://blog.example', 'https://blog.example'],
    ['https://blog.example/', 'https://blog.example'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['https://blog.example/posts', undefined],
    ['https://user:pw@blog.example', undefined],
    ['javascript:alert(1)', undefined],
    ['null', undefined],
    ['*', undefined],
  ])('%s', (value, expected) => {
    expect(parsePageParams(`?embed=1&origin=${encodeURIComponent(value)}`).origin).toBe(expected);
  });
});

describe('initialCollapsed', () => {
  it('collapses editor and inspector in an embed', () => {
    expect(initialCollapsed(parsePageParams('?embed=1'))).toEqual({ editor: true, terminal: true, inspector: true });
  });
  it('opens exactly the listed panes', () => {
    expect(initialCollapsed(parsePageParams('?embed=1&panes=graph,editor'))).toEqual({ editor: false, terminal: true, inspector: true });
  });
  it('leaves the full app alone', () => {
    expect(initialCollapsed(parsePageParams(''))).toBeUndefined();
  });

  it('keeps an unknown scenario id, cut short, so the page can say there is no such example', () => {
    expect(parsePageParams('?embed=1&scenario=lb-local')).toMatchObject({ embed: true, unknownScenario: 'lb-local' });
    expect(parsePageParams('?embed=1&scenario=lb-local').scenario).toBeUndefined();
    expect(parsePageParams(`?scenario=${'x'.repeat(500)}`).unknownScenario).toBe(`${'x'.repeat(60)}…`);
    expect(parsePageParams('?scenario=welcome').unknownScenario).toBeUndefined();
    expect(parsePageParams('?scenario=').unknownScenario).toBeUndefined();
  });
});
