import type { StateMachine } from 'aws-local-stepfunctions';
import type { TaskKind } from './rewrite.ts';

type EngineEvent = Awaited<ReturnType<ReturnType<StateMachine['run']>['eventLogs']['next']>>['value'];
type Event = Exclude<EngineEvent, void>;

/**
 * History events as Step Functions writes them, from the engine's own event log. AWS records each
 * state's entry and exit, and for a Task each attempt's Scheduled, Started and end (a callback task
 * also its Submitted); a Parallel or Map adds Started and its end. A Wait is a Task in the engine's
 * copy (rewrite.ts) but only enters and exits on AWS. Close to AWS's count, which is what the
 * 25,000-event limit is measured in.
 */
export function historyWeight(event: Event, kindOf: (state: string) => TaskKind | undefined): number {
  const perAttempt = (state: string) => {
    const kind = kindOf(state);
    return kind === 'wait' ? 0 : kind === 'callback' ? 4 : 3;
  };
  const grouping = (type: string) => type === 'Parallel' || type === 'Map';
  switch (event.type) {
    case 'ExecutionStarted':
    case 'ExecutionSucceeded':
    case 'ExecutionFailed':
    case 'MapIterationStarted':
    case 'MapIterationSucceeded':
    case 'MapIterationFailed':
      return 1;
    case 'StateEntered':
      return 1 + (event.state.type === 'Task' ? perAttempt(event.state.name) : grouping(event.state.type) ? 1 : 0);
    case 'StateExited':
      return 1 + (grouping(event.state.type) ? 1 : 0);
    case 'StateRetried':
      return event.state.type === 'Task' ? perAttempt(event.state.name) : 0;
    default:
      return 0;
  }
}

export type HistoryEvent = Event;
