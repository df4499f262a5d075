// A generated block of a document: the lines between two marker comments, written by a script
// from the code (npm run docs, npm run calibrate -- --write) and checked by a test, so the page
// cannot drift from what it documents.

export interface BlockMarkers {
  start: string;
  end: string;
}

/** Where the block's text lies (after the start marker, up to the end marker), or null when the document has no such block. */
function span(doc: string, m: BlockMarkers): {from: number; to: number} | null {
  const at = doc.indexOf(m.start);
  const to = doc.indexOf(m.end);
  return at < 0 || to < at ? null : {from: at + m.start.length, to};
}

/** The block's text, or null when the document has no such block. */
export function blockText(doc: string, m: BlockMarkers): string | null {
  const s = span(doc, m);
  return s && doc.slice(s.from, s.to);
}

/** The document with the block's text replaced by a line break and `body`, or null when it has no such block. */
export function withBlock(doc: string, m: BlockMarkers, body: string): string | null {
  const s = span(doc, m);
  return s && `${doc.slice(0, s.from)}\n${body}${doc.slice(s.to)}`;
}
