// Types for the <bahth-search> element (bahth-search.js). See the README,
// "Embedding the widget".
import type { Correction } from './bahth.js';

export interface BahthResultsDetail {
  query: string;
  total: number;
  total_is_estimate: boolean;
  relaxed: boolean;
  /** Results shown. */
  shown: number;
  corrections: Correction[];
}

export interface BahthSelectDetail {
  id: string;
  url: string | null;
  /** Where the result links: its url, or the href-template filled in. */
  href: string;
}

/**
 * <bahth-search placeholder limit href-template pkg chunks worker>
 *
 * Attributes: placeholder; limit (results shown, 1–100, default 10); href-template (a link for documents
 * without a url, {id} replaced); pkg (URL of the engine's bahth.js); chunks (a split index's chunks folder);
 * worker ("off": search on the page's main thread).
 */
export interface BahthSearchElement extends HTMLElement {
  /** The query in the box; setting it searches at once. */
  value: string;
}

/** The Arabic phrase for a count of results ("٣ نتائج", "نحو ٤٬١٢٤ نتيجة"). */
export function countText(n: number, estimate?: boolean): string;
/** An Arabic count phrase for n from plural forms ({ zero, one, two, few, many, other }; '#' becomes n). */
export function arabicCount(n: number, forms: Record<string, string>): string;

declare global {
  interface HTMLElementTagNameMap {
    'bahth-search': BahthSearchElement;
  }
  interface HTMLElementEventMap {
    /** After each render. */
    'bahth-results': CustomEvent<BahthResultsDetail>;
    /** Before a result is opened (cancelable: preventDefault keeps the page). */
    'bahth-select': CustomEvent<BahthSelectDetail>;
  }
}
