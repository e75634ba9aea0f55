import { hostEngine, type EngineScope } from './engine-host';

/**
 * The view engine's worker. In web mode it hears of new snapshots on a WebSocket of its own (the
 * page's connection carries everything else) and fetches them, so the megabytes of a
 * 100,000-partition poll are read here, never on the page.
 */
hostEngine(self as unknown as EngineScope);
