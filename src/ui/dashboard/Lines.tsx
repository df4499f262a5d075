// Renders precomputed lines: each is cut to `width` and at most `rows` are drawn, so a panel's
// budget holds whatever its content. `truncate-end` is only a guard: lines already fit. Two
// exceptions, for URLs: a segment with `link` is an OSC 8 hyperlink where the terminal supports
// them (Hyperlinks), and a line with a `whole` segment is printed uncut, past the width, in a
// box as wide as itself, for the terminal to wrap (its parents must not clip it sideways).
import {Box, Text} from 'ink';
import {createContext, useContext} from 'react';
import {fitLine, lineWidth, type Line, type Seg} from './format.js';

/** Whether to emit OSC 8 hyperlinks (decided once, from the terminal: cli/mode.ts). @default false */
export const Hyperlinks = createContext(false);

/** `text` as a link to `url` (OSC 8, ST-terminated; Ink keeps it, and measures only the text). */
export const hyperlink = (url: string, text: string): string => `\u001B]8;;${url}\u001B\\${text}\u001B]8;;\u001B\\`;

export interface LinesProps {
  readonly lines: readonly Line[];
  readonly width: number;
  /** At most this many lines are drawn. @default all */
  readonly rows?: number;
}

function Segs({segs, links}: {segs: readonly Seg[]; links: boolean}) {
  return segs.map((s, j) => (
    <Text key={j} color={s.color} bold={s.bold} dimColor={s.dim} inverse={s.inverse}>
      {links && s.link ? hyperlink(s.link, s.text) : s.text}
    </Text>
  ));
}

export function Lines({lines, width, rows = lines.length}: LinesProps) {
  const links = useContext(Hyperlinks);
  return (
    <Box flexDirection="column" overflowX="visible">
      {lines.slice(0, Math.max(0, rows)).map((line, i) => {
        if (line.some((s) => s.whole)) {
          return (
            <Box key={i} width={Math.max(width, lineWidth(line))} flexShrink={0}>
              <Text>
                <Segs segs={line} links={links} />
              </Text>
            </Box>
          );
        }
        const segs = fitLine(line, width);
        return (
          <Text key={i} wrap="truncate-end">
            {/* An empty Text takes no row; a space keeps blank lines in place. */}
            {segs.length === 0 ? ' ' : <Segs segs={segs} links={links} />}
          </Text>
        );
      })}
    </Box>
  );
}
