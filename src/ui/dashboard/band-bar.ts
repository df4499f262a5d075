// One side of `parley replay --compare` as a bar: the record's cumulative releases filled from the
// left, and the model's 10–90% band and median marked on the same scale. Told apart without
// colour: █ the record alone, ░ the band alone, ▓ both (the record inside the band), ┃ the median.
import type {BandView} from '../../host/history-view.js';
import type {Color, Seg} from './format.js';

export const BAND_CHAR = {record: '█', both: '▓', band: '░', median: '┃', empty: '·'} as const;
type Cell = keyof typeof BAND_CHAR;

const STYLE: Record<Cell, Omit<Seg, 'text'>> = {
  record: {},
  both: {},
  band: {color: 'gray'},
  median: {bold: true},
  empty: {dim: true},
};

/** The kind of each of `width` cells covering 0..scale; each cell is judged at its middle. */
export function bandCells(observed: number, band: BandView, scale: number, width: number): Cell[] {
  if (width <= 0) return [];
  const per = Math.max(1, scale) / width;
  const cellOf = (v: number): number => Math.min(width - 1, Math.max(0, Math.floor(v / per)));
  const cells: Cell[] = [];
  for (let c = 0; c < width; c++) {
    const mid = (c + 0.5) * per;
    const inRecord = mid < observed;
    // The band's own cells count too, so a band narrower than a cell still shows.
    const inBand = (mid >= band.p10 && mid <= band.p90) || (c >= cellOf(band.p10) && c <= cellOf(band.p90));
    cells.push(inRecord && inBand ? 'both' : inRecord ? 'record' : inBand ? 'band' : 'empty');
  }
  cells[cellOf(band.median)] = 'median';
  return cells;
}

/** The bar as styled runs; the record's cells take `color`. */
export function bandBar(observed: number, band: BandView, scale: number, width: number, color: Color): Seg[] {
  const segs: Seg[] = [];
  let prev: Cell | null = null;
  for (const cell of bandCells(observed, band, scale, width)) {
    const last = segs[segs.length - 1];
    if (last && cell === prev) segs[segs.length - 1] = {...last, text: last.text + BAND_CHAR[cell]};
    else segs.push({...STYLE[cell], ...(cell === 'record' || cell === 'both' ? {color} : {}), text: BAND_CHAR[cell]});
    prev = cell;
  }
  return segs;
}
