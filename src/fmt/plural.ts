/** 1 → "1 walk-out", 3 → "3 walk-outs": English plurals formed with an s, the only kind parley prints. */
export const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
