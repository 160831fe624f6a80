// The running example's lesson: its title, the sentence it teaches, and its
// "try this" commands as buttons that run through the one command path (the
// terminal opens to show the output), plus the packet tools every example
// benefits from. It is the first row of the graph pane's column (GraphPane's
// .graph-pane), not a card over the graph: the graph fits itself to the room
// left below it. Folds to one line and closes; the graph's toolbar reopens it.
// Part of the graph's lazy chunk, so the first picture does not carry it.

import { memo, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { changesCluster, findScenario, type TryCommand } from '../../scenarios';
import { EXTERNAL_IP } from '../../scenarios/tryThis';
import { toggleTrafficGenerator } from '../packets/LazyPanels';
import { openSendRequest } from '../packets/sendRequestOpener';
import { Icon } from '../shell/Icon';
import { resolveLessonCommand, runLessonCommand } from './lessonCommand';
import { setLessonCollapsed, setLessonDismissed } from '../store/lesson';
import { useStore } from '../store/state';
import './lesson.css';

/** The graph toolbar's button that reopens a closed lesson (focus goes there on close). */
export const LESSON_REOPEN_ID = 'lesson-reopen';
const BODY_ID = 'lesson-body';
const SUMMARY_ID = 'lesson-summary';
const TOGGLE_ID = 'lesson-toggle';

// Memoised: GraphPane re-renders with every snapshot; this reads three small values.
export const LessonStrip = memo(function LessonStrip() {
  const lesson = useStore((s) => s.lesson);
  const readOnly = useStore((s) => s.embed.readOnly);
  const scenario = lesson && !lesson.dismissed ? findScenario(lesson.scenario) : undefined;
  if (!lesson || !scenario) return null;
  const { collapsed } = lesson;
  const tryThis = scenario.tryThis ?? [];

  const close = () => {
    setLessonDismissed(true);
    // The strip is gone: keep the keyboard near it, on the button that brings it back.
    requestAnimationFrame(() => document.getElementById(LESSON_REOPEN_ID)?.focus());
  };

  return (
    <section className={`lesson-strip nokey${collapsed ? ' is-collapsed' : ''}`} aria-label={`Example: ${scenario.title}`}>
      {/* The title and the sentence it teaches share a line when the pane is wide enough: the graph keeps that height. */}
      <div className="lesson-bar">
        <div className="lesson-head">
          <button id={TOGGLE_ID} type="button" className="lesson-toggle" aria-expanded={!collapsed} aria-controls={`${SUMMARY_ID} ${BODY_ID}`} title={collapsed ? 'Show what this example teaches' : 'Fold the lesson to one line'} onClick={() => setLessonCollapsed(!collapsed)}>
            <Icon name={collapsed ? 'chevronRight' : 'chevronDown'} size={16} />
            <span className="lesson-kicker">Example</span>
            <span className="lesson-title">{scenario.title}</span>
          </button>{' '}
          {/* Kept in the page while folded (hidden), so the toggle's aria-controls always points at it. */}
          <p id={SUMMARY_ID} className="lesson-summary" hidden={collapsed}>
            {scenario.summary}
          </p>
        </div>
        <button type="button" className="lesson-close" aria-label="Close the lesson" title="Close the lesson (the graph's Lesson button brings it back)" onClick={close}>
          <Icon name="close" size={16} />
        </button>
      </div>
      <div id={BODY_ID} className="lesson-body" hidden={collapsed}>
        <div className="lesson-try">
          {tryThis.length > 0 && (
            <>
              <span className="lesson-try-label" aria-hidden="true">
                Try
              </span>
              <ol className="lesson-commands" aria-label="Commands to try">
                {tryThis.map((c, i) => (
                  // A line may come twice (before and after a fix): the index keeps keys apart.
                  <li key={`${i} ${c.line}`}>
                    <TryButton command={c} readOnly={readOnly} />
                  </li>
                ))}
              </ol>
            </>
          )}
          <div className="lesson-actions" role="group" aria-label="Packets">
            <button type="button" onClick={() => openSendRequest()}>
              Send a request…
            </button>
            <button type="button" onClick={() => toggleTrafficGenerator(true)}>
              Generate traffic
            </button>
          </div>
          {readOnly && tryThis.some((c) => changesCluster(c.line)) && <p className="lesson-note">Read-only view: the dashed commands change the cluster, so they are shown, not run.</p>}
        </div>
      </div>
    </section>
  );
});

/**
 * A command as a button that runs it; on a read-only page, one that would change the
 * cluster is only text. A line naming a Service's external IP shows the IP the cluster
 * has now; without one it shows `<external-ip>` and why, and does not run.
 */
function TryButton({ command, readOnly }: { command: TryCommand; readOnly: boolean }) {
  // Shallow: the resolved line is new with every snapshot, its fields change only with the IP.
  const resolved = useStore(useShallow((s) => resolveLessonCommand(command, s)));
  const reasonId = useId();
  if (readOnly && changesCluster(resolved.line)) {
    return (
      <code className="lesson-cmd is-text" title="This changes the cluster, so it cannot run in this read-only view">
        {resolved.line}
      </code>
    );
  }
  if (!resolved.ready) {
    // aria-disabled, not disabled: it stays focusable, so the reason can be heard and seen.
    return (
      <button type="button" className="lesson-cmd is-waiting" aria-disabled="true" aria-describedby={reasonId} title={resolved.reason}>
        <span className="lesson-prompt" aria-hidden="true">
          $
        </span>
        <code>{withPlaceholders(resolved.line)}</code>
        <span className="lesson-cmd-status" aria-hidden="true">
          IP pending
        </span>
        <span id={reasonId} className="visually-hidden">
          {resolved.reason}
        </span>
      </button>
    );
  }
  return (
    <button type="button" className="lesson-cmd" title="Run in the terminal" onClick={() => runLessonCommand(command)}>
      <span className="lesson-prompt" aria-hidden="true">
        $
      </span>
      <code>{resolved.line}</code>
    </button>
  );
}

/** The line with each `<external-ip>` set apart as a placeholder to be filled in. */
function withPlaceholders(line: string) {
  return line.split(EXTERNAL_IP).flatMap((part, i) => (i === 0 ? [part] : [<var key={i} className="lesson-placeholder">{EXTERNAL_IP}</var>, part]));
}

/** Reopens a closed lesson and puts the keyboard on it. */
export function reopenLesson(): void {
  setLessonDismissed(false);
  requestAnimationFrame(() => document.getElementById(TOGGLE_ID)?.focus());
}
