// The three agents: name and policy, the state that drives them, and their last action with
// its reason. Stacked, each gets a third of the rows (1 line: all in one, plus a line of last
// actions when a row is spare; 2: state, then action; 3: name, state, action). From WIDE
// columns up they sit side by side with all the rows each. In a replay each actor shows its
// latest act in the record instead: trust, pressure and violence are not observed there.
import {AGENT_COLOR, AGENT_LABEL, count, decimal, fit, fitLine, joinFitting, keptPieces, padLine, percent, type Color, type Line, type Piece, type Seg} from '../format.js';
import type {ReplayView} from '../../../host/history-view.js';
import type {PanelSpec} from '../panel.js';
import {panelComponent} from '../panel-component.js';
import type {AgentView, ModelSnapshot, RecordSnapshot} from '../../../host/snapshot.js';
import {wrap} from '../../../text/plain.js';
import type {AgentId} from '../../../sim/types.js';

/** From this width the three agents sit side by side. */
export const WIDE = 110;
const SEPARATOR: Seg = {text: ' │ ', dim: true};

/** A labelled value; the short label is for narrow widths. */
interface Item {
  readonly label: string;
  readonly short: string;
  readonly value: string;
  readonly color?: Color;
}

/** Drop order when a line is short of room: the last items first, then the policy. */
const ITEM_PRIORITY = [9, 8, 6, 5];
const POLICY_PRIORITY = 7;

const item = (label: string, short: string, value: string, color?: Color): Item => ({label, short, value, color});

/** The few numbers that explain each agent's next move, most telling first. */
export function stateItems(s: ModelSnapshot, id: AgentId): Item[] {
  if (id === 'government') {
    const g = s.government;
    const ratColor = g.ratification === 'approved' ? 'green' : g.ratification === 'rejected' ? 'red' : g.ratification === 'pending' ? 'yellow' : undefined;
    return [
      item('trust in Taliban', 'trust', percent(g.trustInTaliban)),
      item('pressure', 'press.', percent(g.pressure)),
      item('aid', 'aid', percent(g.aid), g.aid < 1 ? 'yellow' : undefined),
      item('ratification', 'ratif.', g.ratification, ratColor),
    ];
  }
  if (id === 'taliban') {
    const t = s.taliban;
    return [
      item('trust in government', 'trust', percent(t.trustInGovernment)),
      item('violence now / target', 'viol.', `${decimal(s.violence, 2)} / ${decimal(t.violenceTarget, 2)}`, s.violence > t.violenceTarget ? 'red' : undefined),
      item('pressure', 'press.', percent(t.pressure)),
      item('priority demand', 'prio.', t.priorityDemand > 0 ? count(t.priorityDemand) : 'none'),
    ];
  }
  const u = s.us;
  const deadline =
    u.deadline === null ? 'none' : u.deadline < s.day ? `day ${u.deadline} (passed)` : `day ${u.deadline} (in ${u.deadline - s.day} d)`;
  return [
    item('troops now / start', 'troops', `${count(u.troops)} / ${count(u.troopsStart)}`),
    item('deadline', 'dl.', deadline),
    item('leverage', 'lev.', percent(u.leverage)),
  ];
}

const itemLine = (it: Item, short: boolean): Line => [{text: `${short ? it.short : it.label} `, dim: true}, {text: it.value, bold: true, color: it.color}];

const viewOf = (s: ModelSnapshot, id: AgentId): AgentView => (id === 'government' ? s.government : id === 'taliban' ? s.taliban : s.us);

/** Long labels, unless short ones let more items fit. */
function labelled(items: readonly Item[], fits: (pieces: readonly Piece[]) => number): Piece[] {
  const [long, short] = [false, true].map((sh) => items.map((it, i) => ({line: itemLine(it, sh), priority: ITEM_PRIORITY[i] ?? 1})));
  return fits(short!) > fits(long!) ? short! : long!;
}

/** One item a line when there is room; else packed greedily, whole items dropped from the last line. */
function pack(items: readonly Item[], width: number, max: number): Line[] {
  if (items.length <= max) return items.map((it) => itemLine(it, false));
  const packed = (pieces: readonly Piece[]): Piece[][] => {
    const lines: Piece[][] = [[]];
    for (const p of pieces) {
      const cur = lines[lines.length - 1]!;
      if (cur.length > 0 && keptPieces([...cur, p], width).length <= cur.length && lines.length < max) lines.push([p]);
      else cur.push(p);
    }
    return lines;
  };
  const kept = (pieces: readonly Piece[]): number => packed(pieces).reduce((n, l) => n + keptPieces(l, width).length, 0);
  return packed(labelled(items, kept)).map((l) => joinFitting(l, width));
}

/** "▸ hold: between phases…" over at most `max` lines, the reason wrapped. */
function actionLines(v: AgentView, width: number, max: number): Line[] {
  const prefix = `▸ ${v.lastAction}`;
  const reason = v.lastReason.trim();
  const text = reason ? wrap(reason, width, `${prefix}: `, 4).split('\n') : [prefix];
  if (text.length > max) {
    // The last line takes the rest of the reason, cut with an ellipsis.
    const rest = text.splice(max - 1).map((t) => t.trim()).join(' ');
    text.push(fit((max > 1 ? '    ' : '') + rest, width));
  }
  return text.map((t, i) => (i === 0 ? [{text: '▸ ', dim: true}, {text: v.lastAction, bold: true}, {text: t.slice(prefix.length), dim: true}] : [{text: t, dim: true}]));
}

/** One agent in at most `n` lines of `width` columns. */
export function agentBlock(s: ModelSnapshot, id: AgentId, n: number, width: number): Line[] {
  const v = viewOf(s, id);
  const name: Piece = {line: [{text: AGENT_LABEL[id], bold: true, color: AGENT_COLOR[id]}], priority: 10};
  const policy: Piece = {line: [{text: v.policy}], priority: POLICY_PRIORITY};
  const stateList = stateItems(s, id);
  const items = (others: readonly Piece[]): Piece[] => labelled(stateList, (ps) => keptPieces([...others, ...ps], width).length);
  const act = actionLines(v, width, 1)[0]!;
  if (n <= 1) return [joinFitting([name, policy, ...items([name, policy]), {line: act, priority: 0}], width)];
  if (n === 2) return [joinFitting([name, policy, ...items([name, policy])], width), act];
  const head = joinFitting([name, policy], width);
  if (n === 3) return [head, joinFitting(items([]), width), act];
  const wanted = actionLines(v, width, n).length;
  const state = pack(stateList, width, Math.max(1, n - 1 - Math.min(wanted, n - 2)));
  return [head, ...state, ...actionLines(v, width, n - 1 - state.length)];
}

const IDS: readonly AgentId[] = ['government', 'taliban', 'us'];

/** "▸ government hold · taliban walk-out · US facilitate". */
function actionsLine(s: ModelSnapshot, width: number): Line {
  const pieces: Piece[] = IDS.map((id, i) => ({
    line: [{text: AGENT_LABEL[id], color: AGENT_COLOR[id]}, {text: ` ${viewOf(s, id).lastAction}`, bold: true}],
    priority: 3 - i,
  }));
  return [{text: '▸ ', dim: true}, ...joinFitting(pieces, width - 2)];
}

/** An actor's latest act in the record: on one line, or a head line and its summary wrapped. */
function recordBlock(r: ReplayView, id: AgentId, n: number, width: number): Line[] {
  const act = r.actors[id];
  const name: Seg = {text: AGENT_LABEL[id].padEnd(11), bold: true, color: AGENT_COLOR[id]};
  if (!act) return [[name, {text: 'nothing yet in the record', dim: true}]];
  const head: Line = [name, {text: `${act.date} `}, {text: act.type, bold: true}];
  if (n <= 1) return [[...head, {text: `: ${act.summary}`, dim: true}]];
  // The summary under the head line, indented; its last line takes the rest, cut with an ellipsis.
  const wrapped = wrap(act.summary, width, '  ', 2).split('\n');
  const room = n - 1;
  const shown = wrapped.length <= room ? wrapped : [...wrapped.slice(0, room - 1), fit(`  ${wrapped.slice(room - 1).map((t) => t.trim()).join(' ')}`, width)];
  return [[...head, {text: ` [${act.id}]`, dim: true}], ...shown.map((t): Line => [{text: t, dim: true}])];
}

function recordLines({replay: r}: RecordSnapshot, width: number, rows: number): Line[] {
  const note = rows >= 4;
  const each = Math.max(1, Math.floor((rows - (note ? 1 : 0)) / 3));
  const lines = IDS.flatMap((id) => recordBlock(r, id, each, width));
  if (note) lines.push([{text: 'trust, pressure, violence: model quantities, not observed in the record', dim: true}]);
  return lines.slice(0, rows);
}

function modelLines(s: ModelSnapshot, width: number, rows: number): Line[] {
  if (width < WIDE) {
    const each = Math.max(1, Math.floor(rows / 3));
    const lines = IDS.flatMap((id) => agentBlock(s, id, each, width));
    // One line each and a row to spare: their last actions, without the reasons.
    if (each === 1 && rows > 3) lines.push(actionsLine(s, width));
    return lines.slice(0, rows);
  }
  const col = Math.floor((width - 2 * SEPARATOR.text.length) / 3);
  const blocks = IDS.map((id) => agentBlock(s, id, rows, col));
  const lines: Line[] = [];
  for (let i = 0; i < rows; i++) {
    const cells = blocks.map((b) => b[i] ?? []);
    if (cells.every((c) => c.length === 0)) break;
    lines.push([...padLine(cells[0]!, col), SEPARATOR, ...padLine(cells[1]!, col), SEPARATOR, ...fitLine(cells[2]!, col)]);
  }
  return lines;
}

export const panel: PanelSpec = {
  id: 'agents',
  title: 'Agents',
  priority: 50,
  model: {lines: modelLines, minRows: 6, maxRows: 9},
  // A replay has one act a side to show, so the selected event gets the rows.
  record: {lines: recordLines, minRows: 3, maxRows: 7},
};

export const AgentsPanel = panelComponent(panel);
