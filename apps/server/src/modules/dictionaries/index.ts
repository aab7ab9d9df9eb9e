/** The dictionaries module's public face: what other modules may import. */
export { createDictionaryEntry, listDictionaries, updateDictionaryEntry } from './dictionaries';
