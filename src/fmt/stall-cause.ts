// The cause a stall-risk estimate expects, in words for the summary and the dashboard (docs/model.md §5).
type Cause = 'breakdown' | 'walk-out' | 'no-progress';

export const CAUSE_WORDS: Readonly<Record<Cause, string>> = {
  breakdown: 'a breakdown',
  'walk-out': 'a long walk-out',
  'no-progress': 'no progress',
};
