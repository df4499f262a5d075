// What a policy returns: its actions for the round, written into slots allocated once per run;
// the engine resolves them (resolve-*.ts).
import {REASON_ARGS, type ReasonArg} from './reason.js';
import type {Action, ActionKind} from './types.js';

const MAX_ACTIONS = 6;

/** Fixed slots for one agent's actions in a round, reused every round (no allocation). */
export class ActionBuffer {
  readonly slots: Action[] = [];
  length = 0;

  constructor() {
    for (let i = 0; i < MAX_ACTIONS; i++) {
      this.slots.push({
        kind: 'hold',
        count: 0,
        amount: 0,
        target: null,
        govCriteria: 'humanitarian',
        talCriteria: 'regular-first',
        filter: {list: 'on', allowSerious: false, allowCommanders: false},
        goodwill: false,
        settlesOffer: false,
        reason: '',
        reasonArgs: new Array<ReasonArg | undefined>(REASON_ARGS).fill(undefined),
      });
    }
  }

  clear(): void {
    this.length = 0;
  }

  /**
   * Adds an action with defaults and returns its slot for the caller to fill in. The reason is a
   * fixed text whose slots {0}, {1}, {2} take a0, a1, a2 (see reason.ts): no string is built here.
   */
  add(kind: ActionKind, reason: string, a0?: ReasonArg, a1?: ReasonArg, a2?: ReasonArg): Action {
    if (this.length >= MAX_ACTIONS) throw new Error(`a policy may take at most ${MAX_ACTIONS} actions a round`);
    const a = this.slots[this.length++]!;
    a.kind = kind;
    a.reason = reason;
    a.reasonArgs[0] = a0;
    a.reasonArgs[1] = a1;
    a.reasonArgs[2] = a2;
    a.count = 0;
    a.amount = 0;
    a.target = null;
    a.govCriteria = 'humanitarian';
    a.talCriteria = 'regular-first';
    a.filter.list = 'on';
    a.filter.allowSerious = false;
    a.filter.allowCommanders = false;
    a.goodwill = false;
    a.settlesOffer = false;
    return a;
  }
}
