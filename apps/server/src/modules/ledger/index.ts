/** The ledger module's public face: what other modules may import. */
export { importLedger } from './import-ledger';
export { parseLedger } from './parse-ledger';
