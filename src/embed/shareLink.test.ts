import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeWorkspace,
  encodeWorkspace,
  fromBase64Url,
  linkLengthProblem,
  MAX_FILES,
  MAX_JSON_BYTES,
  MAX_URL_LENGTH,
  shareUrls,
  toBase64Url,
  type DecodeResult,
  type SharedWorkspace,
} from './shareLink';
import { parsePageParams } from './params';

/** A payload made of any bytes, compressed the way real links are. */
async function packBytes(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

const pack = (json: string) => packBytes(new TextEncoder().encode(json));
const packValue = (value: unknown) => pack(JSON.stringify(value));

function reasonOf(result: DecodeResult): string {
  expect(result.ok, 'expected the link to be refused').toBe(false);
  return result.ok ? '' : result.reason;
}

const TWO: SharedWorkspace = {
  files: [
    ['web.yaml', 'apiVersion: v1\nkind: Service\n'],
    ['app.yml', 'kind: Deployment\n'],
  ],
  open: 'app.yml',
};

describe('base64url', () => {
  it('round-trips every length and byte', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect([...(fromBase64Url(toBase64Url(bytes)) ?? [-1])]).toEqual([...bytes]);
      }));
  });

  it('uses only URL-safe characters and no padding', () => {
    expect(toBase64Url(new Uint8Array([251, 255, 190]))).toBe('-_--');
    expect(toBase64Url(new Uint8Array([1]))).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses other characters and impossible lengths', () => {
    expect(fromBase64Url('ab+c')).toBeUndefined();
    expect(fromBase64Url('ab=c')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
    expect(fromBase64Url('ab c')).toBeUndefined();
  });
});

describe('encodeWorkspace / decodeWorkspace', () => {
  it('round-trips files in order and the open tab', async () => {
    const result = await decodeWorkspace(await encodeWorkspace(TWO));
    expect(result).toEqual({ ok: true, workspace: TWO });
  });

  it('keeps unicode, CRLF line ends and empty files exactly', async () => {
    const ws: SharedWorkspace = {
      files: [
        ['ünïcode-名前.yaml', 'metadata:\r\n  annotations:\r\n    note: "héllo 👋 — 日本"\r\n'],
        ['empty.yaml', ''],
        ['lone-surrogate-free.yaml', '\u0000\t\u2028 end'],
      ],
      open: 'empty.yaml',
    };
    expect(await decodeWorkspace(await encodeWorkspace(ws))).toEqual({ ok: true, workspace: ws });
  });

  it('round-trips any valid workspace (property)', async () => {
    const name = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,12}$/).map((n) => `${n}.yaml`);
    const workspace = fc
      .uniqueArray(fc.tuple(name, fc.string({ unit: 'grapheme', maxLength: 200 })), { minLength: 1, maxLength: 6, selector: ([n]) => n })
      .chain((files) => fc.constantFrom(...files.map(([n]) => n)).map((open): SharedWorkspace => ({ files, open })));
    await fc.assert(
      fc.asyncProperty(workspace, async (ws) => {
        expect(await decodeWorkspace(await encodeWorkspace(ws))).toEqual({ ok: true, workspace: ws });
      }),
      { numRuns: 60 },
    );
  });

  it('refuses to encode what it would refuse to open', async () => {
    await expect(encodeWorkspace({ files: [], open: 'a.yaml' })).rejects.toThrow(/no files/);
    await expect(encodeWorkspace({ files: [['a b.yaml', '']], open: 'a b.yaml' })).rejects.toThrow(/spaces/);
  });
});

describe('decodeWorkspace refuses hostile links with a reason', () => {
  it('an empty payload', async () => {
    expect(reasonOf(await decodeWorkspace(''))).toMatch(/no workspace/);
  });

  it('text that is not base64url', async () => {
    expect(reasonOf(await decodeWorkspace('abc$%^'))).toMatch(/not base64url/);
    expect(reasonOf(await decodeWorkspace('a'))).toMatch(/not base64url/);
  });

  it('bytes that are not deflate data', async () => {
    expect(reasonOf(await decodeWorkspace(toBase64Url(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x12]))))).toMatch(/damaged or cut short/);
  });

  it('a truncated link', async () => {
    const full = await encodeWorkspace(TWO);
    expect(reasonOf(await decodeWorkspace(full.slice(0, Math.floor(full.length / 8) * 4)))).toMatch(/damaged or cut short/);
    expect(reasonOf(await decodeWorkspace(full.slice(0, -1 - ((full.length - 1) % 4 === 1 ? 1 : 0))))).toMatch(/damaged or cut short/);
  });

  it('a decompression bomb, stopping at the byte cap', async () => {
    const bomb = await packBytes(new Uint8Array(MAX_JSON_BYTES * 8).fill(0x20));
    expect(bomb.length).toBeLessThan(20_000); // small link, huge content
    expect(reasonOf(await decodeWorkspace(bomb))).toBe('the shared workspace is larger than 1 MiB');
  });

  it('a link longer than any share link', async () => {
    expect(reasonOf(await decodeWorkspace('A'.repeat(70_000)))).toMatch(/too long/);
  });

  it('content that is not UTF-8', async () => {
    expect(reasonOf(await decodeWorkspace(await packBytes(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))))).toMatch(/not UTF-8/);
  });

  it('content that is not JSON', async () => {
    expect(reasonOf(await decodeWorkspace(await pack('{v: 1, files: nope')))).toMatch(/not JSON/);
  });

  it('deeply nested JSON, before parsing it', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(reasonOf(await decodeWorkspace(await pack(deep)))).toMatch(/nested deeper/);
    const inFiles = JSON.stringify({ v: 1, files: [[['[[[[[[[[[[', ']']]], open: 'a.yaml' }).replace('"[[[[[[[[[["', '[[[[[[[[[[0]]]]]]]]]]');
    expect(reasonOf(await decodeWorkspace(await pack(inFiles)))).toMatch(/nested deeper/);
  });

  it('brackets inside file text do not count as nesting', async () => {
    const ws: SharedWorkspace = { files: [['deep.yaml', '[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{{{\\"']], open: 'deep.yaml' };
    expect(await decodeWorkspace(await encodeWorkspace(ws))).toEqual({ ok: true, workspace: ws });
  });

  it.each([
    ['a list', [], /not a workspace/],
    ['a string', 'hello', /not a workspace/],
    ['null', null, /not a workspace/],
  ])('top level %s', async (_what, value, reason) => {
    expect(reasonOf(await decodeWorkspace(await packValue(value)))).toMatch(reason);
  });

  it.each([
    ['missing', { files: [['a.yaml', '']], open: 'a.yaml' }, /version missing/],
    ['2', { v: 2, files: [['a.yaml', '']], open: 'a.yaml' }, /different version.*version 2/],
    ['"1"', { v: '1', files: [['a.yaml', '']], open: 'a.yaml' }, /different version/],
  ])('version %s', async (_what, value, reason) => {
    expect(reasonOf(await decodeWorkspace(await packValue(value)))).toMatch(reason);
  });

  it.each([
    ['files not a list', { v: 1, files: { 'a.yaml': '' }, open: 'a.yaml' }, /"files" is not a list/],
    ['a file not a pair', { v: 1, files: [['a.yaml']], open: 'a.yaml' }, /file 1 is not a \[name, text\]/],
    ['a file with three parts', { v: 1, files: [['a.yaml', '', '']], open: 'a.yaml' }, /file 1 is not/],
    ['text not a string', { v: 1, files: [['a.yaml', 3]], open: 'a.yaml' }, /file 1 is not/],
    ['a file as an object', { v: 1, files: [{ name: 'a.yaml', text: '' }], open: 'a.yaml' }, /file 1 is not/],
    ['no files', { v: 1, files: [], open: 'a.yaml' }, /no files/],
    ['open missing', { v: 1, files: [['a.yaml', '']] }, /which tab is open/],
    ['open not a file', { v: 1, files: [['a.yaml', '']], open: 'b.yaml' }, /open tab "b.yaml" is not one of its files/],
    ['duplicate names', { v: 1, files: [['a.yaml', ''], ['a.yaml', 'x']], open: 'a.yaml' }, /two files are named a.yaml/],
  ])('wrong shape: %s', async (_what, value, reason) => {
    expect(reasonOf(await decodeWorkspace(await packValue(value)))).toMatch(reason);
  });

  it('too many files', async () => {
    const files = Array.from({ length: MAX_FILES + 1 }, (_, i) => [`f${i}.yaml`, '']);
    expect(reasonOf(await decodeWorkspace(await packValue({ v: 1, files, open: 'f0.yaml' })))).toMatch(/31 files, more than the 30/);
  });

  it('a huge single file', async () => {
    const big = 'x'.repeat(300 * 1024);
    expect(reasonOf(await decodeWorkspace(await packValue({ v: 1, files: [['big.yaml', big]], open: 'big.yaml' })))).toMatch(/big.yaml is longer than 256 KB/);
  });

  it.each([
    ['a slash', '../etc/passwd.yaml', /slashes/],
    ['a backslash', 'a\\b.yaml', /slashes/],
    ['a space', 'my file.yaml', /spaces/],
    ['spaces around it', ' a.yaml', /spaces around it/],
    ['no .yaml ending', 'notes.txt', /end in .yaml/],
    ['an empty name', '', /needs a name/],
    ['__proto__', '__proto__', /not allowed/],
    ['constructor', 'constructor', /not allowed/],
  ])('an invalid file name: %s', async (_what, name, reason) => {
    expect(reasonOf(await decodeWorkspace(await packValue({ v: 1, files: [[name, 'x']], open: name })))).toMatch(reason);
  });

  it('__proto__ and constructor keys are data, never prototypes', async () => {
    const json = '{"__proto__":{"polluted":true,"open":"x.yaml"},"constructor":{"prototype":{"polluted":true}},"v":1,"files":[["__proto__.yaml","a"],["constructor.yaml","b"]],"open":"constructor.yaml"}';
    const result = await decodeWorkspace(await pack(json));
    expect(result).toEqual({
      ok: true,
      workspace: {
        files: [
          ['__proto__.yaml', 'a'],
          ['constructor.yaml', 'b'],
        ],
        open: 'constructor.yaml',
      },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // `open` only from the payload's own key, never through a __proto__ key.
    const viaProto = '{"v":1,"files":[["a.yaml",""]],"__proto__":{"open":"a.yaml"}}';
    expect(reasonOf(await decodeWorkspace(await pack(viaProto)))).toMatch(/which tab is open/);
  });
});

describe('share URLs', () => {
  it('puts the payload in the fragment of this page, without its query', () => {
    const urls = shareUrls('https://example.org/play/index.html?scenario=welcome#old', 'PAYLOAD', { readOnly: false });
    expect(urls.link).toBe('https://example.org/play/index.html#w=PAYLOAD');
    expect(urls.embedUrl).toBe('https://example.org/play/index.html?embed=1#w=PAYLOAD');
    expect(urls.iframe).toMatch(/^<iframe src="https:\/\/example.org\/play\/index.html\?embed=1#w=PAYLOAD" width="700" height="450"/);
    expect(shareUrls('https://example.org/', 'P', { readOnly: true }).embedUrl).toBe('https://example.org/?embed=1&readonly=1#w=P');
  });

  it('escapes the iframe attribute', () => {
    expect(shareUrls('https://example.org/a"b&c', 'P', { readOnly: true }).iframe).toContain('src="https://example.org/a%22b&amp;c?embed=1&amp;readonly=1#w=P"');
  });

  it('the page reads the payload only from a #w= fragment', () => {
    expect(parsePageParams('?embed=1', '#w=abc')).toMatchObject({ embed: true, share: 'abc' });
    expect(parsePageParams('', '#x=abc').share).toBeUndefined();
    expect(parsePageParams('').share).toBeUndefined();
  });

  it('refuses links over the limit', () => {
    expect(linkLengthProblem(MAX_URL_LENGTH)).toBeUndefined();
    expect(linkLengthProblem(MAX_URL_LENGTH + 1)).toMatch(/more than the 32 KB/);
  });
});
