import type { BulletinSectionKey, BulletinSnapshot } from '@tuijin/contracts';

/**
 * What the three renderers (Word, PDF, Excel annex) draw a bulletin from: the frozen snapshot and the
 * template's wording already filled in. Nothing else — no clock, no database — so the same document
 * renders to the same bytes every time.
 */
export interface BulletinDocument {
  title: string;
  /** 文号 once issued (宁重点办通报〔2026〕3号); null on a draft (the files say 草稿). */
  serial: string | null;
  issuer: string;
  addressee: string;
  /** The date on the document: issued on, or the snapshot's day for a draft (YYYY-MM-DD). */
  dated: string;
  sections: { key: BulletinSectionKey; heading: string; lead: string }[];
  closing: string;
  snapshot: BulletinSnapshot;
}
