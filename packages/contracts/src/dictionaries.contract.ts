import { endpoint, IdParams } from './endpoint';
import {
  CreateDictionaryEntry,
  DictionaryEntry,
  DictionaryList,
  UpdateDictionaryEntry,
} from './projects.contract';

/** The dictionaries module's endpoints (the server registers them, the client calls them). */
export const dictionariesEndpoints = {
  listDictionaries: endpoint({
    method: 'GET',
    path: '/api/dictionaries',
    summary: '字典：领域、行业、标签、资金来源',
    tag: 'dictionaries',
    response: DictionaryList,
  }),
  createDictionaryEntry: endpoint({
    method: 'POST',
    path: '/api/dictionaries',
    summary: '新增字典项',
    tag: 'dictionaries',
    body: CreateDictionaryEntry,
    response: DictionaryEntry,
  }),
  updateDictionaryEntry: endpoint({
    method: 'PUT',
    path: '/api/dictionaries/:id',
    summary: '修改字典项',
    tag: 'dictionaries',
    params: IdParams,
    body: UpdateDictionaryEntry,
    response: DictionaryEntry,
  }),
} as const;
