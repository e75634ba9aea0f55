/**
 * Type stubs for the two non-public kafkajs 2.2.4 modules that `kafkajs-internals.ts`
 * imports. kafkajs ships typings only for its public entry point; these declare just
 * enough to import the modules, and everything read from them is treated as
 * `unknown` and narrowed at runtime in `kafkajs-internals.ts`.
 */
declare module 'kafkajs/src/protocol/encoder.js' {
  /** kafkajs's request encoder; `Connection.send` only accepts payloads built with it. */
  class Encoder {
    writeBuffer(value: Buffer): Encoder;
  }
  export default Encoder;
}

declare module 'kafkajs/src/protocol/error.js' {
  /** The module's exports object; its `errorCodes` table is validated before use. */
  const protocolErrors: { readonly errorCodes: unknown };
  export default protocolErrors;
}
