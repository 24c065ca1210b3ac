import { replay } from '../../shared/decider';
import { ev, historyOf } from '../../../test/support/projects/project-fixtures';
import { projectDecider } from './project.decider';
import { projectView } from './project.view';

/**
 * decide refuses an amount whose total would overflow, so such events are never decided; but a
 * stream is a record (imported, or written by an older version) and a projection folding it
 * must not stall. The totals stop at the largest amount kept exactly instead.
 */
describe('recorded money whose totals pass the largest safe amount', () => {
  const MAX = Number.MAX_SAFE_INTEGER;

  it('folds without throwing, each total clamped at Number.MAX_SAFE_INTEGER', () => {
    const history = [
      ...historyOf.in_execution,
      ev.advance(MAX),
      ev.advance(MAX),
      ev.accepted(),
      ev.payment(MAX),
      ev.recovered(MAX - 1),
      ev.recovered(MAX - 1),
    ];
    const state = replay(projectDecider, history);
    expect(state.status).toBe('accepted');
    expect('disbursed' in state && state.disbursed).toMatchObject({
      advancesVnd: MAX,
      paymentsVnd: MAX,
      recoveredVnd: MAX,
    });
    expect(projectView(state)).toMatchObject({
      advancesVnd: MAX,
      paymentsVnd: MAX,
      recoveredVnd: MAX,
      netDisbursedVnd: 0,
    });
  });

  it('shows the net disbursed clamped when advances and payments together pass it', () => {
    const history = [...historyOf.in_execution, ev.advance(MAX), ev.accepted(), ev.payment(10)];
    expect(projectView(replay(projectDecider, history))).toMatchObject({
      advancesVnd: MAX,
      paymentsVnd: 10,
      netDisbursedVnd: MAX,
    });
  });
});
