/** The public face of the batches module: what the rest of the server may use. */

export { createBatchScheme, setProjectBatches } from './batches';
export { registerBatchRoutes } from './batches.routes';
