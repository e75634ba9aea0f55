import { hostEngine, type EngineScope } from './engine-host';

/**
 * The view engine's worker. In web mode it takes the snapshots on a WebSocket of its own (the page's
 * connection carries everything else), so the 25 MiB of a 100,000-partition poll are parsed here.
 */
hostEngine(self as unknown as EngineScope);
