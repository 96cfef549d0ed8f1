//! Building an index: documents in, one byte blob out (see [`super::format`]).

use super::format::{put_varint, DOC_RECORD_LEN, HEADER_LEN, MAGIC, SAME_AS_PREVIOUS, SECTIONS, VERSION};
use crate::analyzer::{analyze_word, tokenize, Level, Token};
use crate::corpus::Document;
use std::collections::{BTreeMap, HashMap};

/// Where one term occurs at each level: per document, its positions; and
/// how it was spelled.
#[derive(Default)]
struct TermOccurrences {
    levels: [Vec<(u32, Vec<u32>)>; 4],
    /// Original spelling → (count, first doc, first position).
    spellings: HashMap<String, (u32, u32, u32)>,
}

/// Compiles documents into index bytes.
///
/// ```
/// use bahth::corpus::Document;
/// use bahth::index::{build, Index};
/// let doc = Document { id: "a".into(), title: "عنوان".into(), url: None, date: None, text: "نصٌّ قصير".into() };
/// let bytes = build(&[doc]);
/// let index = Index::from_bytes(&bytes).unwrap();
/// assert_eq!(index.doc_count(), 1);
/// ```
pub fn build(docs: &[Document]) -> Vec<u8> {
    let mut terms: BTreeMap<String, TermOccurrences> = BTreeMap::new();
    let mut doc_table = Vec::with_capacity(docs.len() * DOC_RECORD_LEN);
    let mut strings = Vec::new();
    let mut token_bytes = Vec::new();
    let mut total_tokens: u32 = 0;

    for (doc_id, doc) in docs.iter().enumerate() {
        let doc_id = doc_id as u32;
        let title_tokens = tokenize(&doc.title);
        let text_tokens = tokenize(&doc.text);
        let tokens_offset = token_bytes.len() as u32;
        encode_tokens(&title_tokens, &mut token_bytes);
        encode_tokens(&text_tokens, &mut token_bytes);

        let sources = title_tokens.iter().map(|t| (t, &doc.title)).chain(text_tokens.iter().map(|t| (t, &doc.text)));
        for (position, (token, source)) in sources.enumerate() {
            let spelling = &source[token.start..token.end];
            let forms = analyze_word(&token.surface, &token.folded);
            for level in Level::ALL {
                for form in forms.at(level) {
                    let entry = terms.entry(form.clone()).or_default();
                    let docs = &mut entry.levels[level as usize];
                    match docs.last_mut() {
                        Some((d, positions)) if *d == doc_id => {
                            if positions.last() != Some(&(position as u32)) {
                                positions.push(position as u32);
                            }
                        }
                        _ => docs.push((doc_id, vec![position as u32])),
                    }
                    let seen = entry.spellings.entry(spelling.to_string()).or_insert((0, doc_id, position as u32));
                    seen.0 += 1;
                }
            }
        }

        let token_count = (title_tokens.len() + text_tokens.len()) as u32;
        total_tokens += token_count;
        let url_len = doc.url.as_ref().map_or(0, |u| u.len() as u32 + 1);
        for field in [
            strings.len() as u32,
            doc.id.len() as u32,
            doc.title.len() as u32,
            url_len,
            doc.text.len() as u32,
            tokens_offset,
            token_count,
            title_tokens.len() as u32,
        ] {
            doc_table.extend_from_slice(&field.to_le_bytes());
        }
        strings.extend_from_slice(doc.id.as_bytes());
        strings.extend_from_slice(doc.title.as_bytes());
        strings.extend_from_slice(doc.url.as_deref().unwrap_or("").as_bytes());
        strings.extend_from_slice(doc.text.as_bytes());
    }

    let folded_terms = terms.values().filter(|t| !t.levels[Level::Folded as usize].is_empty()).count() as u32;
    let mut postings = Vec::new();
    let mut records: HashMap<Vec<u8>, u64> = HashMap::new();
    let mut fst_builder = fst::MapBuilder::memory();
    for (term, occurrences) in terms {
        let record = encode_record(&occurrences);
        let offset = *records.entry(record).or_insert_with_key(|record| {
            let at = postings.len() as u64;
            postings.extend_from_slice(record);
            at
        });
        fst_builder.insert(term, offset).expect("terms come sorted and unique from a BTreeMap");
    }
    let fst_bytes = fst_builder.into_inner().expect("writing to memory cannot fail");

    let sections = [fst_bytes, postings, doc_table, strings, token_bytes];
    let mut out = Vec::with_capacity(HEADER_LEN + sections.iter().map(Vec::len).sum::<usize>());
    out.extend_from_slice(MAGIC);
    for field in [VERSION, docs.len() as u32, total_tokens, folded_terms] {
        out.extend_from_slice(&field.to_le_bytes());
    }
    let mut offset = HEADER_LEN;
    for section in &sections[..SECTIONS] {
        out.extend_from_slice(&(offset as u32).to_le_bytes());
        out.extend_from_slice(&(section.len() as u32).to_le_bytes());
        offset += section.len();
    }
    for section in &sections {
        out.extend_from_slice(section);
    }
    out
}

fn encode_tokens(tokens: &[Token], out: &mut Vec<u8>) {
    // Starts never decrease (tokens of one expanded ligature share a start),
    // so each start is stored as the distance from the previous one.
    let mut previous_start = 0;
    for token in tokens {
        put_varint(out, (token.start - previous_start) as u32);
        put_varint(out, (token.end - token.start) as u32);
        previous_start = token.start;
    }
}

/// A term's record: its display spelling, which levels it occurs at, and
/// the postings of each (or "same as the level before").
fn encode_record(occurrences: &TermOccurrences) -> Vec<u8> {
    let mut out = Vec::new();
    // The most common spelling; ties go to the one seen first.
    let (_, display_doc, display_pos) = occurrences
        .spellings
        .values()
        .copied()
        .max_by_key(|&(count, doc, pos)| (count, std::cmp::Reverse((doc, pos))))
        .unwrap_or_default();
    put_varint(&mut out, display_doc);
    put_varint(&mut out, display_pos);
    let mask =
        occurrences.levels.iter().enumerate().filter(|(_, docs)| !docs.is_empty()).fold(0u8, |m, (i, _)| m | 1 << i);
    out.push(mask);
    let mut previous: Option<&Vec<(u32, Vec<u32>)>> = None;
    for docs in occurrences.levels.iter().filter(|docs| !docs.is_empty()) {
        if previous == Some(docs) {
            out.push(SAME_AS_PREVIOUS);
            continue;
        }
        previous = Some(docs);
        put_varint(&mut out, docs.len() as u32);
        let mut previous_doc = 0;
        for (doc, positions) in docs {
            put_varint(&mut out, doc - previous_doc);
            previous_doc = *doc;
            put_varint(&mut out, positions.len() as u32);
            let mut previous_position = 0;
            for &p in positions {
                put_varint(&mut out, p - previous_position);
                previous_position = p;
            }
        }
    }
    out
}
