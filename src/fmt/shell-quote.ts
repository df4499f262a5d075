// A word as a POSIX shell reads it back: plain when it is safe, in single quotes otherwise (the
// commands parley prints to re-run a row or resume a sweep).
export const shellQuote = (s: string): string => (/^[\w./=:@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
