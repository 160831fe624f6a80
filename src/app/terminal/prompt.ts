// What the terminal prints around commands: the prompt, the comment that names
// where a clicked command came from, output with stderr in the error colour, and
// the help text. Pure string functions; ANSI colours map to theme tokens
// (xtermSetup.ts): red = --bad, cyan = --accent, bright black = --muted.
import { type ExecResult, type OutputChunk, orderedOutput } from '../../engine/exec';
import { COMMAND_LINE_MISSING, type TerminalEntry, type WaitingCommand } from '../store/state';

const RESET = '\x1b[0m';
const ERROR = '\x1b[31m';
const DIM = '\x1b[90m';
const PROMPT_COLOUR = '\x1b[1;36m';

export const PROMPT = { text: `${PROMPT_COLOUR}$${RESET} `, width: 2 };

const SOURCES: Record<TerminalEntry['source'], string> = {
  terminal: 'typed in the terminal',
  toolbar: 'from the toolbar',
  menu: 'from the graph menu',
  editor: 'from the editor',
  embed: 'from the embedding page',
  system: 'run when the example loaded',
  lesson: "from the example's lesson",
};

/** Terminal text uses CRLF line ends; commands print LF. */
export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/**
 * stdout as is, stderr in the order the command wrote it (curl -v's verbose lines
 * come before the body), each part ending on a fresh line. stderr is red when the
 * command failed; when it succeeded, stderr is commentary (curl -v, kubectl's
 * "If you don't see a command prompt" hint) and is shown muted, not as an error.
 */
export function formatResult(result: Pick<ExecResult, 'stdout' | 'stderr' | 'chunks'> & { exitCode?: number }): string {
  let out = '';
  const errColour = result.exitCode === 0 ? DIM : ERROR;
  for (const chunk of orderedOutput({ ...result, exitCode: result.exitCode ?? 1 })) {
    if (chunk.stream === 'stdout') {
      out += toCrlf(chunk.text.endsWith('\n') ? chunk.text : `${chunk.text}\n`);
    } else {
      const err = chunk.text.endsWith('\n') ? chunk.text.slice(0, -1) : chunk.text;
      // Colour each line on its own, so a line scrolled into view alone keeps its colour.
      out += err.split('\n').map((l) => `${errColour}${l}${RESET}`).join('\r\n') + '\r\n';
    }
  }
  return out;
}

/** Output of a running command as the terminal shows it: stderr muted while it runs, red once it failed. */
export function formatChunks(chunks: OutputChunk[], exitCode: number | undefined): string {
  // Nothing new (most looks while a command runs): no work.
  if (chunks.length === 0) return '';
  return formatResult({ stdout: '', stderr: '', chunks, exitCode: exitCode ?? 0 });
}

/** The dim comment that says where a clicked command came from, and the command line. */
function formatCommand(command: Pick<TerminalEntry, 'line' | 'source'>): string {
  const comment = command.source === 'terminal' ? '' : `${DIM}# ${SOURCES[command.source]}${RESET}\r\n`;
  return `${comment}${PROMPT.text}${command.line}\r\n`;
}

/** A command someone clicked, echoed as a dim comment, the command line and its output. */
export function formatEcho(entry: Pick<TerminalEntry, 'line' | 'result' | 'source'>): string {
  return formatCommand(entry) + formatResult(entry.result);
}

export const INTERRUPT = '^C';

export const READ_ONLY_NOTICE = `${DIM}# This playground is read-only: commands run by the page appear here.${RESET}\r\n`;

/** Under a line entered while the page starts: it runs once the cluster is ready (terminalSession.ts). */
export const WAITING_FOR_START = `${DIM}# waiting for the cluster to start…${RESET}\r\n`;

/** A command clicked while the page starts (a lesson's try-this): where it came from, the line, and that it waits. */
export function formatWaiting(command: Pick<WaitingCommand, 'line' | 'source'>): string {
  return formatCommand(command) + WAITING_FOR_START;
}

/** The answer to a line when the command line's code could not load: what a clicked command answers too (runCommand). */
export const STARTUP_FAILED = formatResult({ stdout: '', stderr: COMMAND_LINE_MISSING, exitCode: 1 });

export const WELCOME = `${DIM}# A shell on your machine, next to a simulated cluster. Type 'help' to see what you can run.${RESET}\r\n`;

/** The intro `help` prints before `sim help`. */
export const HELP_INTRO = [
  'Commands you can type here:',
  '  kubectl ...            talk to the simulated cluster (kubectl help lists all commands)',
  '  curl URL, wget URL     send a request from your machine, e.g. curl http://192.168.49.2:NODEPORT',
  '  nslookup NAME, dig NAME   ask DNS',
  '  kubectl exec POD -- curl http://SERVICE   send a request from inside a pod',
  '  sim ...                change the simulation (faults, nodes, cloud, kube-proxy mode), below',
  '  clear                  clear the screen (also Ctrl+L)',
  '',
  'Keys: Tab completes, Up/Down walk through history, Ctrl+C abandons the line, Esc leaves the terminal.',
  '',
  '',
].join('\r\n');
