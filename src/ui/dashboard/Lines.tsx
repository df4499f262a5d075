// Renders precomputed lines: each is cut to `width` and at most `rows` are drawn, so a panel's
// budget holds whatever its content. `truncate-end` is only a guard: lines already fit.
import {Box, Text} from 'ink';
import {fitLine, type Line} from './format.js';

export interface LinesProps {
  readonly lines: readonly Line[];
  readonly width: number;
  /** At most this many lines are drawn. @default all */
  readonly rows?: number;
}

export function Lines({lines, width, rows = lines.length}: LinesProps) {
  return (
    <Box flexDirection="column">
      {lines.slice(0, Math.max(0, rows)).map((line, i) => {
        const segs = fitLine(line, width);
        return (
          <Text key={i} wrap="truncate-end">
            {/* An empty Text takes no row; a space keeps blank lines in place. */}
            {segs.length === 0
              ? ' '
              : segs.map((s, j) => (
                  <Text key={j} color={s.color} bold={s.bold} dimColor={s.dim} inverse={s.inverse}>
                    {s.text}
                  </Text>
                ))}
          </Text>
        );
      })}
    </Box>
  );
}
