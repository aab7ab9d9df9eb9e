/** The dictionaries module's public face: what other modules may import. */
export {
  createDictionaryEntry,
  ensureDefaultDictionaries,
  insertImportedDictionaryEntry,
  listDictionaries,
  updateDictionaryEntry,
} from './dictionaries';
