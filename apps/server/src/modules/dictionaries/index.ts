/** The dictionaries module's public face: what other modules may import. */
export {
  createDictionaryEntry,
  ensureDefaultDictionaries,
  listDictionaries,
  updateDictionaryEntry,
} from './dictionaries';
