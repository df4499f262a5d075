// useInput, a key at a time: the one input hook of parley's screens (the picker, the dashboard,
// the app's own Ctrl-C). It listens where Ink's useInput listens (the stdin context's input
// events, which carry the raw text) and calls the handler once for every keypress in it
// (keys.ts), so keys typed fast, a held key or a paste each do what they say. Inactive without
// raw mode (piped stdin), where Ink would throw.
import {useStdin, type Key} from 'ink';
import {useEffect, useLayoutEffect, useRef} from 'react';
import {keypresses} from './keys.js';

export type KeyHandler = (input: string, key: Key) => void;

export function useKeys(handler: KeyHandler, options: {isActive?: boolean} = {}): void {
  const {internal_eventEmitter: events, internal_exitOnCtrlC: exitOnCtrlC, isRawModeSupported, setRawMode} = useStdin();
  const active = options.isActive !== false && isRawModeSupported;
  // The latest handler, so a new function each render neither re-subscribes nor misses a key.
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!active) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [active, setRawMode]);
  // Subscribed as the frame commits (not a passive effect later), so a key typed the moment the screen shows counts.
  useLayoutEffect(() => {
    if (!active) return;
    const onInput = (raw: string | Buffer): void => {
      for (const {input, key} of keypresses(String(raw))) {
        // As useInput: Ctrl-C is Ink's own when it exits on it.
        if (exitOnCtrlC && key.ctrl && input === 'c') continue;
        latest.current(input, key);
      }
    };
    events.on('input', onInput);
    return () => {
      events.removeListener('input', onInput);
    };
  }, [active, events, exitOnCtrlC]);
}
