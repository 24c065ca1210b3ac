import type { Decider } from '../../src/shared/decider';
import { ruleBroken } from '../../src/shared/domain-error';
import { deciderSpecification } from './decider-specification';

// A counter that may not go above a limit: small enough that every outcome is obvious.
type Command = { type: 'Add'; amount: number } | { type: 'Crash' };
type Event = { type: 'Added'; amount: number } | { type: 'Unfoldable' };
type Context = { limit: number };

const counter: Decider<Command, Event, number, Context> = {
  initialState: () => 0,
  evolve: (total, event) => {
    if (event.type === 'Unfoldable') throw new Error('evolve refuses this event');
    return total + event.amount;
  },
  decide: (command, total, { limit }) => {
    if (command.type === 'Crash') throw new Error('not a domain error');
    if (command.amount < 0) return [{ type: 'Unfoldable' }];
    if (total + command.amount > limit) throw ruleBroken('over_limit', 'over the limit', 'amount');
    return [{ type: 'Added', amount: command.amount }];
  },
};

const spec = deciderSpecification(counter);
const context = { limit: 10 };

describe('deciderSpecification', () => {
  describe('then', () => {
    it('passes when the decided events are the expected ones, and hands over the evolved state', () => {
      let seen: number | undefined;
      spec
        .given([{ type: 'Added', amount: 4 }])
        .when({ type: 'Add', amount: 6 }, context)
        .then([{ type: 'Added', amount: 6 }], (state) => (seen = state));
      expect(seen).toBe(10);
    });

    it('fails when the state check fails', () => {
      expect(() =>
        spec
          .given([])
          .when({ type: 'Add', amount: 6 }, context)
          .then([{ type: 'Added', amount: 6 }], (state) => expect(state).toBe(7)),
      ).toThrow();
    });

    it('fails when the decided events differ', () => {
      expect(() =>
        spec
          .given([])
          .when({ type: 'Add', amount: 6 }, context)
          .then([{ type: 'Added', amount: 7 }]),
      ).toThrow();
    });

    it('fails when decide refuses', () => {
      expect(() =>
        spec
          .given([{ type: 'Added', amount: 10 }])
          .when({ type: 'Add', amount: 1 }, context)
          .then([]),
      ).toThrow('over the limit');
    });

    it('fails when evolve cannot fold what decide emitted', () => {
      expect(() =>
        spec
          .given([])
          .when({ type: 'Add', amount: -1 }, context)
          .then([{ type: 'Unfoldable' }]),
      ).toThrow('evolve refuses this event');
    });
  });

  describe('thenThrows', () => {
    const full = spec
      .given([{ type: 'Added', amount: 10 }])
      .when({ type: 'Add', amount: 1 }, context);

    it('passes on the expected code, kind, field and message', () => {
      full.thenThrows('over_limit', { kind: 'rule', field: 'amount', message: 'over the limit' });
      full.thenThrows('over_limit', { message: /limit/ });
    });

    it('fails on another message', () => {
      expect(() => full.thenThrows('over_limit', { message: 'under' })).toThrow();
      expect(() => full.thenThrows('over_limit', { message: /under/ })).toThrow();
    });

    it('fails on another code', () => {
      expect(() => full.thenThrows('under_limit')).toThrow();
    });

    it('fails on another kind or field', () => {
      expect(() => full.thenThrows('over_limit', { kind: 'invalid_state' })).toThrow();
      expect(() => full.thenThrows('over_limit', { field: 'total' })).toThrow();
    });

    it('fails when decide returns events instead', () => {
      expect(() =>
        spec.given([]).when({ type: 'Add', amount: 1 }, context).thenThrows('over_limit'),
      ).toThrow(/returned \[\{"type":"Added","amount":1\}\]/);
    });

    it('fails when decide throws something other than a DomainError', () => {
      expect(() =>
        spec.given([]).when({ type: 'Crash' }, context).thenThrows('over_limit'),
      ).toThrow(/threw Error: not a domain error/);
    });
  });
});
