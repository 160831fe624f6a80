import { describe, expect, it } from 'vitest';
import { formatEcho, formatResult, toCrlf } from './prompt';

describe('terminal output', () => {
  it('turns LF into CRLF, leaving CRLF alone', () => {
    expect(toCrlf('a\nb\r\nc')).toBe('a\r\nb\r\nc');
  });

  it('prints stderr in the error colour (red, themed to --bad), line by line, after stdout', () => {
    expect(formatResult({ stdout: 'ok', stderr: 'error: one\ntwo\n' })).toBe('ok\r\n\x1b[31merror: one\x1b[0m\r\n\x1b[31mtwo\x1b[0m\r\n');
    expect(formatResult({ stdout: '', stderr: '' })).toBe('');
  });

  it('names where a clicked command came from in a dim comment; typed ones need none', () => {
    const result = { stdout: 'pod "p" deleted\n', stderr: '', exitCode: 0 };
    expect(formatEcho({ line: 'kubectl delete pod p', source: 'menu', result })).toBe('\x1b[90m# from the graph menu\x1b[0m\r\n\x1b[1;36m$\x1b[0m kubectl delete pod p\r\npod "p" deleted\r\n');
    expect(formatEcho({ line: 'kubectl get ns', source: 'terminal', result: { ...result, stdout: '' } })).toBe('\x1b[1;36m$\x1b[0m kubectl get ns\r\n');
  });
});

describe('terminal output order', () => {
  it('interleaves streams in the order they were written (curl -v: verbose, body, closing line)', () => {
    const text = formatResult({
      exitCode: 0,
      stdout: 'body\n',
      stderr: '> GET /\n* left intact\n',
      chunks: [
        { stream: 'stderr', text: '> GET /\n' },
        { stream: 'stdout', text: 'body\n' },
        { stream: 'stderr', text: '* left intact\n' },
      ],
    });
    // The command succeeded, so its stderr is commentary: muted, not red.
    expect(text).toBe('\x1b[90m> GET /\x1b[0m\r\nbody\r\n\x1b[90m* left intact\x1b[0m\r\n');
  });
});
