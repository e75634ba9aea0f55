import { create } from 'zustand';
import type { EngineClient } from '../engine/engine-client';

/** The view engine started with the transport; tests put an in-process one here. */
interface EngineState {
  readonly engine: EngineClient | null;
}

export const useEngineStore = create<EngineState>()(() => ({ engine: null }));

export function setEngine(engine: EngineClient | null): void {
  useEngineStore.setState({ engine }, true);
}

export function useEngine(): EngineClient | null {
  return useEngineStore((s) => s.engine);
}
