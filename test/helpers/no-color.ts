// Import first in UI tests: chalk reads FORCE_COLOR when Ink loads, and frames without colour
// codes can be compared as plain text (the same frames a NO_COLOR user sees).
process.env.FORCE_COLOR = '0';
