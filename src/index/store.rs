//! The stored documents, kept as the words they are made of.
//!
//! A document's title and text are stored as a sequence of *written forms*
//! (each word as written, vowels and all: اللَّهِ) and the *separators*
//! between them (spaces, punctuation), each an id into a dictionary. A
//! written form stands for one index word (its folded form) or, rarely,
//! several (a ligature such as ﷺ) or none (a run of marks alone), so the
//! same ids give back both the original text, byte for byte, and the words
//! the matcher reads positions from. Repetitive Arabic text (isnads, formulas,
//! refrains) then costs a few bytes a word, and no second copy of the
//! documents' words is kept for phrases.
//!
//! ```text
//! written     form count u32 · single-word form count u32
//!             · words bitmap: per form of one word, bit set where its word
//!               differs from the previous form's (forms are grouped by word,
//!               in word id order, most frequent form first), u64 LE words
//!             · rank samples: per bitmap word, u32 set bits before it
//!             · form offsets: per 32 forms, u32 offset of the first one's bytes
//!             · offsets of the other forms' word lists (u32 each), then the
//!               lists (varint count, varint word ids)
//!             · forms: varint byte length, UTF-8 bytes
//! separators  count u32 · offsets u32 × (count + 1) · UTF-8 bytes; id 0 is
//!             the most common
//! docs        per document: u32 offset into `stream`; then per 16
//!             documents: u32 offset into `meta`
//! meta        per document: its id and url, each as the bytes it shares with
//!             the previous document's (none at every 16th) and the rest:
//!             varint shared, varint rest length, bytes (for the url, shared
//!             + 1, 0 meaning none)
//! stream      per document: form counts of title and text (varints) · for
//!             each form: varint (form id << 1 | 1 if its separator is not 0)
//!             [· varint separator id] · the field's final separator id
//! ```

use super::format::{get_u32, get_varint, put_varint};
use crate::analyzer::tokenize::{runs, token_count};
use std::collections::HashMap;
use std::ops::Range;

/// Forms per offset sample.
const SAMPLE: usize = 32;
/// Documents per group of front-coded ids and urls.
const META_GROUP: usize = 16;

/// One document as stored, rebuilt: its text and where each token stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDoc {
    pub id: String,
    pub url: Option<String>,
    pub title: String,
    pub text: String,
    /// Byte ranges of the title's tokens in `title`, then of the text's
    /// in `text`: one per position (a form of several words repeats its
    /// range, a form of none has no position).
    pub title_ranges: Vec<(usize, usize)>,
    pub text_ranges: Vec<(usize, usize)>,
    /// The text holds only a window: tokens were left out before it, after it.
    pub cut: (bool, bool),
}

impl StoredDoc {
    /// A document from its two rebuilt fields (the text's window decides `cut`).
    fn from_fields(id: String, url: Option<String>, [title, text]: [Field; 2]) -> StoredDoc {
        StoredDoc {
            id,
            url,
            title: title.text,
            title_ranges: title.ranges,
            text: text.text,
            text_ranges: text.ranges,
            cut: text.cut,
        }
    }
}

/// Collects documents while they are read; written out once word ids are
/// known.
#[derive(Default)]
pub struct StoreBuilder {
    forms: Vec<FormBuild>,
    form_ids: HashMap<String, usize>,
    separators: Vec<(String, u64)>,
    separator_ids: HashMap<String, usize>,
    docs: Vec<DocBuild>,
}

struct FormBuild {
    text: String,
    count: u64,
    /// The words it reads as (builder's word numbers).
    words: Vec<usize>,
}

struct DocBuild {
    id: String,
    url: Option<String>,
    /// Title, then text: (separator, form) pairs, and the final separator.
    fields: [(Vec<(usize, usize)>, usize); 2],
}

/// A form seen for the first time: the caller analyzes it.
pub enum Form {
    New(usize),
    Known(usize),
}

impl StoreBuilder {
    /// Starts a document.
    pub fn start(&mut self, id: &str, url: Option<&str>) {
        let empty = || (Vec::new(), 0);
        self.docs.push(DocBuild { id: id.to_string(), url: url.map(str::to_string), fields: [empty(), empty()] });
    }

    /// Adds a form (preceded by `separator`) to field 0 (title) or 1 (text)
    /// of the current document.
    pub fn push(&mut self, field: usize, separator: &str, form: &str) -> Form {
        let separator = self.separator(separator);
        let (id, new) = match self.form_ids.get(form) {
            Some(&id) => (id, false),
            None => {
                self.forms.push(FormBuild { text: form.to_string(), count: 0, words: Vec::new() });
                self.form_ids.insert(form.to_string(), self.forms.len() - 1);
                (self.forms.len() - 1, true)
            }
        };
        self.forms[id].count += 1;
        if let Some(doc) = self.docs.last_mut() {
            doc.fields[field].0.push((separator, id));
        }
        if new {
            Form::New(id)
        } else {
            Form::Known(id)
        }
    }

    /// Ends a field with the text after its last form.
    pub fn end_field(&mut self, field: usize, separator: &str) {
        let separator = self.separator(separator);
        if let Some(doc) = self.docs.last_mut() {
            doc.fields[field].1 = separator;
        }
    }

    /// The words a new form reads as.
    pub fn set_words(&mut self, form: usize, words: Vec<usize>) {
        self.forms[form].words = words;
    }

    pub fn words_of(&self, form: usize) -> &[usize] {
        &self.forms[form].words
    }

    /// Per builder word, its most frequent form of one word (ties: the
    /// first in text order), as a whole index's `written_word` gives it.
    pub fn most_common_forms(&self, words: usize) -> Vec<Option<&str>> {
        let mut best: Vec<Option<&FormBuild>> = vec![None; words];
        for form in &self.forms {
            if let [w] = form.words.as_slice() {
                let better = best[*w].is_none_or(|b| {
                    (form.count, std::cmp::Reverse(&form.text)) > (b.count, std::cmp::Reverse(&b.text))
                });
                if better {
                    best[*w] = Some(form);
                }
            }
        }
        best.into_iter().map(|f| f.map(|f| f.text.as_str())).collect()
    }

    fn separator(&mut self, text: &str) -> usize {
        let id = *self.separator_ids.entry(text.to_string()).or_insert_with(|| {
            self.separators.push((text.to_string(), 0));
            self.separators.len() - 1
        });
        self.separators[id].1 += 1;
        id
    }

    /// The separators table (one per index, shared by a split index's
    /// documents chunks) and each separator's id: the most frequent first.
    pub fn write_separators(&self) -> (Vec<u8>, Vec<u32>) {
        let mut order: Vec<usize> = (0..self.separators.len()).collect();
        order.sort_by(|&a, &b| {
            let (sa, sb) = (&self.separators[a], &self.separators[b]);
            sb.1.cmp(&sa.1).then(sa.0.cmp(&sb.0))
        });
        let mut ids = vec![0u32; self.separators.len()];
        for (id, &s) in order.iter().enumerate() {
            ids[s] = id as u32;
        }
        let mut out = Vec::new();
        out.extend_from_slice(&(order.len() as u32).to_le_bytes());
        let mut offset = 0u32;
        for &s in &order {
            out.extend_from_slice(&offset.to_le_bytes());
            offset += self.separators[s].0.len() as u32;
        }
        out.extend_from_slice(&offset.to_le_bytes());
        for &s in &order {
            out.extend_from_slice(self.separators[s].0.as_bytes());
        }
        (out, ids)
    }

    /// Writes the documents of a whole index: `[written, docs, meta,
    /// stream]`. `rank` gives each builder word its id; words that some
    /// single-word form reads as must come before the others (see
    /// [`word_order`]).
    pub fn write_docs(&self, rank: &[u32], separator_ids: &[u32]) -> [Vec<u8>; 4] {
        // Forms of one word, grouped by word id, most frequent first; then the others.
        let mut order: Vec<usize> = (0..self.forms.len()).collect();
        let key = |f: usize| {
            let form = &self.forms[f];
            let word = match form.words.as_slice() {
                [w] => rank[*w],
                _ => u32::MAX,
            };
            (word, std::cmp::Reverse(form.count), form.text.as_str())
        };
        order.sort_by(|&a, &b| key(a).cmp(&key(b)));
        let mut form_id = vec![0u32; self.forms.len()];
        for (id, &f) in order.iter().enumerate() {
            form_id[f] = id as u32;
        }
        let single = order.iter().take_while(|&&f| self.forms[f].words.len() == 1).count();

        let mut written = Vec::new();
        written.extend_from_slice(&(order.len() as u32).to_le_bytes());
        written.extend_from_slice(&(single as u32).to_le_bytes());
        let mut bitmap = vec![0u64; single.div_ceil(64)];
        let mut previous = None;
        for (i, &f) in order[..single].iter().enumerate() {
            let word = rank[self.forms[f].words[0]];
            if previous != Some(word) {
                bitmap[i / 64] |= 1 << (i % 64);
            }
            previous = Some(word);
        }
        let mut ones = 0u32;
        for bits in &bitmap {
            written.extend_from_slice(&bits.to_le_bytes());
        }
        for bits in &bitmap {
            written.extend_from_slice(&ones.to_le_bytes());
            ones += bits.count_ones();
        }
        let mut strings = Vec::new();
        let mut samples = Vec::new();
        for (i, &f) in order.iter().enumerate() {
            if i % SAMPLE == 0 {
                samples.push(strings.len() as u32);
            }
            put_varint(&mut strings, self.forms[f].text.len() as u32);
            strings.extend_from_slice(self.forms[f].text.as_bytes());
        }
        let mut lists = Vec::new();
        let mut list_offsets = Vec::new();
        for &f in &order[single..] {
            list_offsets.push(lists.len() as u32);
            put_varint(&mut lists, self.forms[f].words.len() as u32);
            for &w in &self.forms[f].words {
                put_varint(&mut lists, rank[w]);
            }
        }
        for value in samples.iter().chain(&list_offsets) {
            written.extend_from_slice(&value.to_le_bytes());
        }
        written.extend_from_slice(&lists);
        written.extend_from_slice(&strings);

        let mut stream = Vec::new();
        let mut offsets = Vec::with_capacity(self.docs.len());
        for doc in &self.docs {
            offsets.push(stream.len() as u32);
            for (forms, _) in &doc.fields {
                put_varint(&mut stream, forms.len() as u32);
            }
            for (forms, tail) in &doc.fields {
                for &(separator, form) in forms {
                    let separator = separator_ids[separator];
                    put_varint(&mut stream, form_id[form] << 1 | u32::from(separator != 0));
                    if separator != 0 {
                        put_varint(&mut stream, separator);
                    }
                }
                put_varint(&mut stream, separator_ids[*tail]);
            }
        }
        let (table, meta) = self.write_table(0..self.docs.len(), &offsets);
        [written, table, meta, stream]
    }

    /// Writes documents `docs` as their text, for a split index's
    /// documents chunk: `[docs, meta, texts]` (`texts`: per document,
    /// varint length and bytes of its title, then of its text).
    pub fn write_texts(&self, docs: Range<usize>) -> [Vec<u8>; 3] {
        let mut texts = Vec::new();
        let mut offsets = Vec::with_capacity(docs.len());
        for doc in &self.docs[docs.clone()] {
            offsets.push(texts.len() as u32);
            for (forms, tail) in &doc.fields {
                let mut field = String::new();
                for &(separator, form) in forms {
                    field.push_str(&self.separators[separator].0);
                    field.push_str(&self.forms[form].text);
                }
                field.push_str(&self.separators[*tail].0);
                put_varint(&mut texts, field.len() as u32);
                texts.extend_from_slice(field.as_bytes());
            }
        }
        let (table, meta) = self.write_table(docs, &offsets);
        [table, meta, texts]
    }

    /// The `docs` table (per document its entries' offset, then per group
    /// the group's offset in `meta`) and `meta`, for documents `docs`.
    fn write_table(&self, docs: Range<usize>, offsets: &[u32]) -> (Vec<u8>, Vec<u8>) {
        let first = docs.start;
        let mut table = Vec::with_capacity(docs.len() * 5);
        let (mut meta, mut meta_samples) = (Vec::new(), Vec::new());
        for (i, doc) in self.docs[docs].iter().enumerate() {
            table.extend_from_slice(&offsets[i].to_le_bytes());
            let previous = (i % META_GROUP != 0).then(|| &self.docs[first + i - 1]);
            if previous.is_none() {
                meta_samples.extend_from_slice(&(meta.len() as u32).to_le_bytes());
            }
            front_code(&mut meta, previous.map(|p| p.id.as_str()), Some(&doc.id), false);
            front_code(&mut meta, previous.and_then(|p| p.url.as_deref()), doc.url.as_deref(), true);
        }
        table.extend_from_slice(&meta_samples);
        (table, meta)
    }
}

/// Writes `text` as what it shares with `previous` and the rest. `optional`:
/// the shared length is stored + 1, 0 meaning no text.
fn front_code(out: &mut Vec<u8>, previous: Option<&str>, text: Option<&str>, optional: bool) {
    let Some(text) = text else {
        put_varint(out, 0);
        return;
    };
    let shared = previous.map_or(0, |p| {
        let common = p.bytes().zip(text.bytes()).take_while(|(a, b)| a == b).count();
        (0..=common).rev().find(|&n| text.is_char_boundary(n)).unwrap_or(0)
    });
    put_varint(out, shared as u32 + u32::from(optional));
    put_varint(out, (text.len() - shared) as u32);
    out.extend_from_slice(&text.as_bytes()[shared..]);
}

/// Word ids for the builder's words, given how often each occurs: words
/// that some single-word form reads as first (each by frequency, then
/// text), then the others (only ever inside a ligature).
pub fn word_order(store: &StoreBuilder, occurrences: &[u64], texts: &[String]) -> Vec<u32> {
    let mut has_form = vec![false; occurrences.len()];
    for form in &store.forms {
        if let [w] = form.words.as_slice() {
            has_form[*w] = true;
        }
    }
    let mut order: Vec<usize> = (0..occurrences.len()).collect();
    order.sort_by(|&a, &b| {
        has_form[b].cmp(&has_form[a]).then(occurrences[b].cmp(&occurrences[a])).then(texts[a].cmp(&texts[b]))
    });
    let mut rank = vec![0u32; occurrences.len()];
    for (r, &w) in order.iter().enumerate() {
        rank[w] = r as u32;
    }
    rank
}

/// Per document: where its entries start, and its id and url (front-coded
/// in groups).
#[derive(Clone, Copy)]
struct DocTable<'a> {
    docs: &'a [u8],
    meta: &'a [u8],
    doc_count: usize,
}

impl<'a> DocTable<'a> {
    fn new(docs: &'a [u8], meta: &'a [u8], doc_count: usize) -> Option<DocTable<'a>> {
        (docs.len() == 4 * doc_count + 4 * doc_count.div_ceil(META_GROUP)).then_some(DocTable { docs, meta, doc_count })
    }

    /// Where a document's entries start.
    fn offset(&self, doc: u32) -> Option<usize> {
        if doc as usize >= self.doc_count {
            return None;
        }
        Some(get_u32(self.docs, doc as usize * 4)? as usize)
    }

    /// A document's id and url.
    fn meta(&self, doc: u32) -> Option<(String, Option<String>)> {
        if doc as usize >= self.doc_count {
            return None;
        }
        let group = doc as usize / META_GROUP;
        let mut pos = get_u32(self.docs, 4 * self.doc_count + 4 * group)? as usize;
        let (mut id, mut url) = (String::new(), None::<String>);
        for _ in group * META_GROUP..=doc as usize {
            id = self.front_decoded(&mut pos, Some(&id), false)?.unwrap_or_default();
            url = self.front_decoded(&mut pos, url.as_deref(), true)?;
        }
        Some((id, url))
    }

    fn front_decoded(&self, pos: &mut usize, previous: Option<&str>, optional: bool) -> Option<Option<String>> {
        let code = get_varint(self.meta, pos)? as usize;
        if optional && code == 0 {
            return Some(None);
        }
        let shared = code - usize::from(optional);
        let len = get_varint(self.meta, pos)? as usize;
        let rest = std::str::from_utf8(self.meta.get(*pos..pos.checked_add(len)?)?).ok()?;
        *pos += len;
        let mut text = previous.unwrap_or("").get(..shared)?.to_string();
        text.push_str(rest);
        Some(Some(text))
    }
}

/// Rebuilds one field, or the window of it holding the tokens at positions
/// `window`, from its entries (separator, form, words the form reads as).
struct Field {
    text: String,
    ranges: Vec<(usize, usize)>,
    window: Range<u32>,
    position: u32,
    /// Tokens were left out before the window, after it.
    cut: (bool, bool),
}

impl Field {
    fn new(window: Range<u32>) -> Field {
        Field { text: String::new(), ranges: Vec::new(), window, position: 0, cut: (false, false) }
    }

    /// Counts a form of `words` tokens; inside the window, appends it and
    /// the separator before it, which `text` gives (separator, form) only
    /// then: most of a long document lies outside the window.
    fn push<'s>(&mut self, words: u32, text: impl FnOnce() -> Option<(&'s str, &'s str)>) -> Option<()> {
        let position = self.position;
        self.position = position.saturating_add(words);
        if position >= self.window.end {
            self.cut.1 = words > 0 || self.cut.1;
            return Some(());
        }
        if position.saturating_add(words.max(1)) <= self.window.start {
            self.cut.0 = true;
            return Some(());
        }
        let (separator, form) = text()?;
        // The window starts at its first token, not before.
        if !(self.text.is_empty() && self.window.start > 0) {
            self.text.push_str(separator);
        }
        let start = self.text.len();
        self.text.push_str(form);
        // A form of several words may straddle the window's edges.
        let inside = (position..position.saturating_add(words)).filter(|p| self.window.contains(p)).count();
        self.ranges.extend(std::iter::repeat_n((start, self.text.len()), inside));
        Some(())
    }

    /// Whether the rest of the field can be left unread: a token after the
    /// window was seen.
    fn done(&self) -> bool {
        self.cut.1
    }

    /// Ends the field with the text after its last form (kept unless the
    /// window cut the field short).
    fn end(&mut self, tail: &str) {
        if !self.cut.1 {
            self.text.push_str(tail);
        }
    }
}

/// The reading half of a split index's documents chunk: documents as text.
#[derive(Clone, Copy)]
pub struct Texts<'a> {
    table: DocTable<'a>,
    texts: &'a [u8],
}

impl<'a> Texts<'a> {
    /// Checks the tables' sizes against each other (not their contents).
    pub fn new([docs, meta, texts]: [&'a [u8]; 3], doc_count: usize) -> Option<Texts<'a>> {
        Some(Texts { table: DocTable::new(docs, meta, doc_count)?, texts })
    }

    /// As [`Store::doc`]: the tokens are found again by the analyzer's
    /// tokenizer, as the builder found them.
    pub fn doc(&self, doc: u32, window: Range<u32>) -> Option<StoredDoc> {
        let mut pos = self.table.offset(doc)?;
        let (id, url) = self.table.meta(doc)?;
        let mut fields = [Field::new(0..u32::MAX), Field::new(window)];
        for field in &mut fields {
            let len = get_varint(self.texts, &mut pos)? as usize;
            let text = std::str::from_utf8(self.texts.get(pos..pos.checked_add(len)?)?).ok()?;
            pos += len;
            let mut after_previous = 0;
            for (start, end) in runs(text) {
                let separator = &text[after_previous..start];
                field.push(token_count(&text[start..end]) as u32, || Some((separator, &text[start..end])))?;
                after_previous = end;
                if field.done() {
                    break;
                }
            }
            field.end(&text[after_previous..]);
        }
        Some(StoredDoc::from_fields(id, url, fields))
    }
}

/// The reading half: documents and forms, read in place.
#[derive(Clone, Copy)]
pub struct Store<'a> {
    written: &'a [u8],
    separators: &'a [u8],
    table: DocTable<'a>,
    stream: &'a [u8],
    forms: u32,
    single: u32,
    /// Byte offsets within `written` of its parts.
    bitmap: usize,
    ranks: usize,
    samples: usize,
    lists: usize,
    strings: usize,
}

impl<'a> Store<'a> {
    /// Checks the tables' sizes against each other (not their contents).
    pub fn new([written, separators, docs, meta, stream]: [&'a [u8]; 5], doc_count: usize) -> Option<Store<'a>> {
        let table = DocTable::new(docs, meta, doc_count)?;
        let forms = get_u32(written, 0)?;
        let single = get_u32(written, 4)?;
        if single > forms {
            return None;
        }
        let bitmap_words = (single as usize).div_ceil(64);
        let bitmap = 8;
        let ranks = bitmap + 8 * bitmap_words;
        let samples = ranks + 4 * bitmap_words;
        let lists_table = samples + 4 * (forms as usize).div_ceil(SAMPLE);
        let lists = lists_table + 4 * (forms - single) as usize;
        if lists > written.len() {
            return None;
        }
        let mut store =
            Store { written, separators, table, stream, forms, single, bitmap, ranks, samples, lists, strings: lists };
        // The forms' bytes start after the last word list.
        if forms > single {
            let mut pos = lists + get_u32(written, lists - 4)? as usize;
            let count = get_varint(written, &mut pos)?;
            for _ in 0..count {
                get_varint(written, &mut pos)?;
            }
            store.strings = pos;
        }
        Some(store)
    }

    /// A form as written, or `None` for a bad id.
    pub fn form(&self, form: u32) -> Option<&'a str> {
        if form >= self.forms {
            return None;
        }
        let sample = form as usize / SAMPLE;
        let mut pos = self.strings + get_u32(self.written, self.samples + 4 * sample)? as usize;
        for _ in sample * SAMPLE..form as usize {
            let len = get_varint(self.written, &mut pos)? as usize;
            pos = pos.checked_add(len)?;
        }
        let len = get_varint(self.written, &mut pos)? as usize;
        std::str::from_utf8(self.written.get(pos..pos.checked_add(len)?)?).ok()
    }

    /// The most frequent way a word is written (`None` for a word only ever
    /// inside a ligature, or a bad id).
    pub fn written_word(&self, word: u32) -> Option<&'a str> {
        // The word's forms start at its set bit: find the (word + 1)-th one.
        let words = (self.single as usize).div_ceil(64);
        let (mut low, mut high) = (0, words);
        while low < high {
            let mid = (low + high) / 2;
            if get_u32(self.written, self.ranks + 4 * mid)? <= word {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        let block = low.checked_sub(1)?;
        let mut bits = self.bitmap_word(block)?;
        for _ in 0..word - get_u32(self.written, self.ranks + 4 * block)? {
            bits &= bits.checked_sub(1)?;
        }
        (bits != 0).then(|| self.form((block * 64) as u32 + bits.trailing_zeros()))?
    }

    /// The words form `form` reads as, appended to `out`.
    fn form_words(&self, form: u32, out: &mut Vec<u32>) -> Option<()> {
        if form < self.single {
            out.push(self.single_word(form)?);
            return Some(());
        }
        let mut pos = self.list_at(form)?;
        for _ in 0..get_varint(self.written, &mut pos)? {
            out.push(get_varint(self.written, &mut pos)?);
        }
        Some(())
    }

    /// How many words form `form` reads as.
    fn word_count(&self, form: u32) -> Option<u32> {
        if form < self.single {
            return Some(1);
        }
        get_varint(self.written, &mut self.list_at(form)?)
    }

    /// The word of a single-word form: the set bits of the bitmap up to it.
    fn single_word(&self, form: u32) -> Option<u32> {
        let block = form as usize / 64;
        let below = self.bitmap_word(block)? & (u64::MAX >> (63 - form % 64));
        get_u32(self.written, self.ranks + 4 * block)?.checked_add(below.count_ones())?.checked_sub(1)
    }

    /// Where the word list of a form of several words (or none) starts.
    fn list_at(&self, form: u32) -> Option<usize> {
        if form < self.single || form >= self.forms {
            return None;
        }
        Some(self.lists + get_u32(self.written, self.lists - 4 * (self.forms - form) as usize)? as usize)
    }

    fn bitmap_word(&self, block: usize) -> Option<u64> {
        let at = self.bitmap + 8 * block;
        Some(u64::from_le_bytes(self.written.get(at..at + 8)?.try_into().ok()?))
    }

    fn separator(&self, id: u32) -> Option<&'a str> {
        let count = get_u32(self.separators, 0)?;
        if id >= count {
            return None;
        }
        let (start, end) =
            (get_u32(self.separators, 4 + 4 * id as usize)?, get_u32(self.separators, 8 + 4 * id as usize)?);
        let bytes = self.separators.get(4 + 4 * (count as usize + 1) + start as usize..)?;
        std::str::from_utf8(bytes.get(..end.checked_sub(start)? as usize)?).ok()
    }

    /// Where a document's entries start, and the form counts of its fields.
    fn header(&self, doc: u32) -> Option<([u32; 2], usize)> {
        let mut pos = self.table.offset(doc)?;
        let counts = [get_varint(self.stream, &mut pos)?, get_varint(self.stream, &mut pos)?];
        Some((counts, pos))
    }

    /// Reads one form entry at `*pos`: (form id, separator id).
    fn entry(&self, pos: &mut usize) -> Option<(u32, u32)> {
        let value = get_varint(self.stream, pos)?;
        let separator = if value & 1 == 1 { get_varint(self.stream, pos)? } else { 0 };
        Some((value >> 1, separator))
    }

    /// A document's words in order, title first, into `out`; returns how
    /// many are the title's.
    pub fn words(&self, doc: u32, out: &mut Vec<u32>) -> Option<u32> {
        out.clear();
        let mut title = 0;
        self.each_word(doc, &mut |word, in_title| {
            out.push(word);
            title += u32::from(in_title);
            true
        })?;
        Some(title)
    }

    /// Calls `visit(word, in title)` for a document's words in order, until
    /// it returns false.
    pub fn each_word(&self, doc: u32, visit: &mut dyn FnMut(u32, bool) -> bool) -> Option<()> {
        let (counts, mut pos) = self.header(doc)?;
        let mut words = Vec::new();
        for (field, &count) in counts.iter().enumerate() {
            for _ in 0..count {
                let (form, _) = self.entry(&mut pos)?;
                if form < self.single {
                    // The common case: a form of one word, no list to fill.
                    if !visit(self.single_word(form)?, field == 0) {
                        return Some(());
                    }
                    continue;
                }
                words.clear();
                self.form_words(form, &mut words)?;
                for &word in &words {
                    if !visit(word, field == 0) {
                        return Some(());
                    }
                }
            }
            get_varint(self.stream, &mut pos)?;
        }
        Some(())
    }

    /// A document rebuilt: its title, and the part of its text holding the
    /// tokens at positions `window` (counted in the text; `0..u32::MAX`:
    /// all of it, byte for byte), with its tokens' ranges.
    pub fn doc(&self, doc: u32, window: Range<u32>) -> Option<StoredDoc> {
        let (counts, mut pos) = self.header(doc)?;
        let (id, url) = self.table.meta(doc)?;
        let mut fields = [Field::new(0..u32::MAX), Field::new(window)];
        for (field, &count) in fields.iter_mut().zip(&counts) {
            for _ in 0..count {
                let (form, separator) = self.entry(&mut pos)?;
                field.push(self.word_count(form)?, || Some((self.separator(separator)?, self.form(form)?)))?;
                if field.done() {
                    break;
                }
            }
            // (The text is the last field: what follows its window is left unread.)
            if !field.done() {
                field.end(self.separator(get_varint(self.stream, &mut pos)?)?);
            }
        }
        Some(StoredDoc::from_fields(id, url, fields))
    }
}
