// The interactive app: the scenario picker (when no scenario was given), then the dashboard.
// Exits through Ink's exit(result): the CLI turns the result into the process's exit code.
import {Text, useApp} from 'ink';
import {useEffect, useState} from 'react';
import {Dashboard} from './dashboard/Dashboard.js';
import type {Loop} from '../host/sim-loop.js';
import {Picker} from './picker/Picker.js';
import {useKeys} from './use-keys.js';

export interface AppResult {
  code: number;
  /** A message for stderr once the terminal is restored (e.g. an invalid scenario). */
  error?: Error;
}

export interface AppProps {
  readonly scenarios: readonly {name: string; description: string}[];
  /** The scenario to open directly; without it, the picker comes first. */
  readonly initial?: string;
  readonly startLoop: (scenario: string) => Promise<Loop>;
  /** Called once with the loop, so the caller can dispose of it after exit. */
  readonly onLoop?: (loop: Loop) => void;
}

export function App({scenarios, initial, startLoop, onLoop}: AppProps) {
  const {exit} = useApp();
  const [chosen, setChosen] = useState<string | undefined>(initial);
  const [loop, setLoop] = useState<Loop | null>(null);
  // Ctrl-C before the dashboard is up (in the picker, while starting); the dashboard has its own.
  useKeys(
    (input, key) => {
      if (key.ctrl && input === 'c') exit({code: 130} satisfies AppResult);
    },
    {isActive: loop === null},
  );

  useEffect(() => {
    if (chosen === undefined) return;
    let live = true;
    startLoop(chosen).then(
      (l) => {
        if (!live) return l.dispose();
        onLoop?.(l);
        // The engine stopping mid-run ends the app with its error, reported once the terminal is restored.
        l.onFailure?.((error) => exit({code: 1, error} satisfies AppResult));
        setLoop(l);
      },
      (error: unknown) => exit({code: 2, error: error instanceof Error ? error : new Error(String(error))} satisfies AppResult),
    );
    return () => {
      live = false;
    };
  }, [chosen, startLoop, onLoop, exit]);

  if (chosen === undefined) {
    return <Picker items={scenarios} onSelect={setChosen} onCancel={() => exit({code: 0} satisfies AppResult)} />;
  }
  if (!loop) return <Text dimColor>starting {chosen}…</Text>;
  return <Dashboard loop={loop} onQuit={() => exit({code: 0} satisfies AppResult)} onInterrupt={() => exit({code: 130} satisfies AppResult)} />;
}
