// Buttons over the graph (bottom right, beside the legend): fit to view, show system
// namespaces, and the closed lesson.
import { Panel, useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { LESSON_REOPEN_ID, reopenLesson } from '../lesson/LessonStrip';
import { setHighlight } from '../store/actions';
import { useStore } from '../store/state';
import { GIcon } from './icons';

/**
 * Room around the fitted graph for the buttons over it: this toolbar and the legend share
 * the bottom edge, so the picture has the whole height above them (on a 1280×720
 * projector a band at the top as well cost the graph a tenth of its height).
 */
export const FIT_PADDING = { top: '16px', right: '16px', bottom: '48px', left: '16px' } as const;

export const GraphToolbar = memo(function GraphToolbar({ showSystem, onShowSystem, onFit }: { showSystem: boolean; onShowSystem: (v: boolean) => void; onFit: () => void }) {
  const { fitView } = useReactFlow();
  const highlighting = useStore((s) => s.highlight !== null);
  const lessonClosed = useStore((s) => !!s.lesson?.dismissed);
  return (
    <Panel position="bottom-right" className="gtoolbar nokey">
      {lessonClosed && (
        <button id={LESSON_REOPEN_ID} type="button" onClick={reopenLesson} title="Show the example's lesson again">
          Lesson
        </button>
      )}
      {highlighting && (
        <button type="button" onClick={() => setHighlight(null)}>
          Clear highlight
        </button>
      )}
      <button type="button" aria-pressed={showSystem} onClick={() => onShowSystem(!showSystem)} title="Draw the pods and Services of kube-system and ingress-nginx">
        System pods
      </button>
      <button type="button" onClick={() => {
          onFit();
          fitView({ padding: FIT_PADDING, duration: 0 });
        }} aria-label="Fit graph to view">
        <GIcon name="expand" /> Fit
      </button>
    </Panel>
  );
});
