import { endpoint } from './endpoint';
import {
  BatchPresetList,
  BatchScheme,
  BatchSchemeList,
  BatchSchemeQuery,
  CreateBatchScheme,
} from './projects.contract';

/** The batches module's endpoints (the server registers them, the client calls them). */
export const batchesEndpoints = {
  listBatchSchemes: endpoint({
    method: 'GET',
    path: '/api/batch-schemes',
    summary: '批次方案（含各批次项目数）',
    tag: 'batches',
    query: BatchSchemeQuery,
    response: BatchSchemeList,
  }),
  createBatchScheme: endpoint({
    method: 'POST',
    path: '/api/batch-schemes',
    summary: '新建批次方案',
    tag: 'batches',
    body: CreateBatchScheme,
    response: BatchScheme,
  }),
  listBatchPresets: endpoint({
    method: 'GET',
    path: '/api/batch-presets',
    summary: '批次方案预设：四个一批、五个一批、三个一批',
    tag: 'batches',
    response: BatchPresetList,
  }),
} as const;
