//! A split index answers every query exactly as the whole index of the same
//! documents does, fetching only the chunks the query reads; chunks that do
//! not fit its table are refused with a reason naming them.
//!
//! The documents: the seed articles, and a mixed collection of 1,500
//! documents recombined from their sentences (real Arabic: clitics,
//! vowels, names), split into small chunks so that queries cross chunks.

mod common;

use bahth::corpus::{load_dir, Document};
use bahth::index::split::ROUNDS;
use bahth::index::{build, build_split, SplitBuild, SplitSizes};
use bahth::{Index, SearchOptions, SearchResponse};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

fn seeds() -> Vec<Document> {
    load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap().documents
}

/// `count` documents of 2 to 12 of the seeds' sentences, drawn
/// deterministically.
fn mixed(count: usize) -> Vec<Document> {
    let sentences: Vec<String> = seeds()
        .iter()
        .flat_map(|d| {
            d.text.split(['.', '،', '\n']).map(str::trim).filter(|s| s.len() > 20).map(String::from).collect::<Vec<_>>()
        })
        .collect();
    let mut next = common::draws(11);
    (0..count)
        .map(|i| {
            let parts: Vec<&str> = (0..2 + next(11)).map(|_| sentences[next(sentences.len())].as_str()).collect();
            let title = parts[0].split(' ').take(6).collect::<Vec<_>>().join(" ");
            Document {
                id: format!("m{i:04}"), title, url: Some(format!("/m/{i}")), date: None, text: parts.join("، ")
            }
        })
        .collect()
}

/// Small chunks: every query crosses several.
const SMALL: SplitSizes =
    SplitSizes { terms: 4 * 1024, words: 6 * 1024, docs: 8 * 1024, answers: 8 * 1024, near: 2 * 1024 };

/// A split index and its chunk files, as a page would fetch them.
struct Fetching {
    index: Index<'static>,
    files: HashMap<String, Vec<u8>>,
    fetched: BTreeSet<String>,
}

impl Fetching {
    fn new(split: SplitBuild) -> Fetching {
        let core: &'static [u8] = Box::leak(split.core.into_boxed_slice());
        let index = Index::from_bytes(core).unwrap();
        Fetching { index, files: split.chunks.into_iter().collect(), fetched: BTreeSet::new() }
    }

    /// Searches, fetching what is missing until it answers; returns the
    /// response and the chunks this query fetched, round by round.
    fn search(&mut self, query: &str, options: &SearchOptions) -> (SearchResponse, Vec<Vec<String>>) {
        let mut rounds = Vec::new();
        loop {
            match self.index.try_search(query, options) {
                Ok(response) => return (response, rounds),
                Err(missing) => {
                    assert!(rounds.len() < ROUNDS, "{query}: still missing {missing:?}");
                    for name in &missing {
                        assert!(self.fetched.insert(name.clone()), "{query}: {name} asked for twice");
                        self.index.add_chunk(name, self.files[name].clone()).unwrap();
                    }
                    rounds.push(missing);
                }
            }
        }
    }

    fn suggest(&mut self, prefix: &str) -> Vec<String> {
        loop {
            match self.index.try_suggest(prefix, 5) {
                Ok(words) => return words,
                Err(missing) => {
                    for name in missing {
                        self.index.add_chunk(&name, self.files[&name].clone()).unwrap();
                    }
                }
            }
        }
    }
}

/// The golden queries, and what typing them and paging through them asks.
fn queries() -> Vec<String> {
    let golden = include_str!("golden/queries.tsv");
    let mut queries: Vec<String> =
        golden.lines().skip(1).filter_map(|l| l.split('\t').nth(1)).map(String::from).collect();
    for extra in ["ال", "الع", "و", "وزير الخ", "\"العلاقات الثنائية\"", "عمان -ايران", "البوسعدي", "طهرن ", "x y z"]
    {
        queries.push(extra.to_string());
    }
    queries
}

fn answers_as_whole(docs: &[Document], sizes: SplitSizes) -> Fetching {
    let whole_bytes = build(docs);
    let whole = Index::from_bytes(&whole_bytes).unwrap();
    let split = build_split(docs, &sizes);
    let kinds: Vec<char> = split.chunks.iter().map(|(name, _)| name.chars().next().unwrap()).collect();
    for kind in ['t', 'w', 'd', 'a', 'n'] {
        assert!(kinds.iter().filter(|&&k| k == kind).count() >= 2, "{kind}: {kinds:?}");
    }
    let mut fetching = Fetching::new(split);
    for query in queries() {
        for options in [SearchOptions::default(), SearchOptions { limit: 5, offset: 10 }] {
            let (response, _) = fetching.search(&query, &options);
            assert_eq!(response, whole.search(&query, &options), "{query:?} {options:?}");
        }
        assert_eq!(fetching.suggest(&query), whole.suggest(&query, 5), "suggest {query:?}");
    }
    fetching
}

#[test]
fn the_seeds_split_answer_as_the_whole_index() {
    answers_as_whole(
        &seeds(),
        SplitSizes { terms: 2 * 1024, words: 2 * 1024, docs: 4 * 1024, answers: 2 * 1024, near: 1024 },
    );
}

#[test]
fn a_mixed_collection_split_answers_as_the_whole_index() {
    answers_as_whole(&mixed(1500), SMALL);
}

#[test]
fn a_query_fetches_few_chunks_and_none_twice() {
    let mut fetching = Fetching::new(build_split(&mixed(1500), &SMALL));
    let kinds = |round: &[String]| round.iter().map(|n| &n[..1]).collect::<String>();
    // Two words: the dictionary chunks of their readings (العلاقات,
    // علاقات, علاق: apart in key order), then their words' postings, then
    // the documents shown.
    let (response, rounds) = fetching.search("العلاقات الثنائية ", &SearchOptions::default());
    assert_eq!(response.results.len(), 10);
    assert_eq!(rounds.len(), 3, "{rounds:?}");
    assert!(kinds(&rounds[0]).chars().all(|k| k == 't') && rounds[0].len() <= 6, "{rounds:?}");
    assert!(kinds(&rounds[1]).chars().all(|k| k == 'w') && rounds[1].len() <= 4, "{rounds:?}");
    assert!(kinds(&rounds[2]).chars().all(|k| k == 'd') && rounds[2].len() <= 10, "{rounds:?}");
    // Asked again: nothing to fetch.
    let (again, rounds) = fetching.search("العلاقات الثنائية ", &SearchOptions::default());
    assert_eq!((again, rounds.len()), (response, 0));

    // A common word (its postings in several chunks), being typed or typed
    // in full, has a stored answer, its first page's hits included: one
    // answers chunk, nothing else. The two lie side by side.
    let mut fetching = Fetching::new(build_split(&mixed(1500), &SMALL));
    let (typed, rounds) = fetching.search("العلاقات", &SearchOptions::default());
    assert_eq!(typed.results.len(), 10);
    assert_eq!(rounds, [[rounds[0][0].clone()]]);
    assert!(rounds[0][0].starts_with('a'), "{rounds:?}");
    let (whole_word, rounds) = fetching.search("العلاقات ", &SearchOptions::default());
    assert_eq!((whole_word.results.len(), rounds.len()), (10, 0));
    // Its second page is stored without hits: the documents shown.
    let (_, rounds) = fetching.search("العلاقات", &SearchOptions { limit: 10, offset: 10 });
    assert_eq!(rounds.iter().map(|r| kinds(r)).collect::<Vec<_>>(), ["d".repeat(rounds[0].len())], "{rounds:?}");
    // Past the two pages it stores, the engine reads the postings.
    let (_, rounds) = fetching.search("العلاقات", &SearchOptions { limit: 10, offset: 20 });
    assert!(rounds.iter().any(|r| kinds(r).contains('w')), "{rounds:?}");
}

#[test]
fn chunks_that_do_not_fit_are_refused_with_a_reason() {
    let split = build_split(&mixed(300), &SMALL);
    let (name, bytes) = split.chunks.iter().find(|(n, _)| n.starts_with('w')).cloned().unwrap();
    let mut fetching = Fetching::new(split);
    let index = &fetching.index;
    let error = |name: &str, bytes: Vec<u8>| index.add_chunk(name, bytes).unwrap_err().to_string();

    let cut = bytes[..bytes.len() - 1].to_vec();
    let expected = format!(
        "corrupt bahth index: chunk {name}: {} bytes where {} were expected (cut short?)",
        cut.len(),
        bytes.len()
    );
    assert_eq!(error(&name, cut), expected);
    let mut flipped = bytes.clone();
    flipped[100] ^= 1;
    assert_eq!(
        error(&name, flipped),
        format!("corrupt bahth index: chunk {name}: its bytes do not match its checksum")
    );
    assert_eq!(
        error("w0-00000000.bin", bytes.clone()),
        "corrupt bahth index: no chunk is named \"w0-00000000.bin\" in this index"
    );
    let not_json: Vec<u8> = b"<html>404</html>".to_vec();
    assert!(error(&name, not_json).ends_with("were expected (cut short?)"));

    // Refused chunks leave the index answering from what it has.
    let (response, _) = fetching.search("العلاقات", &SearchOptions::default());
    assert_eq!(response.results.len(), 10);
    let whole_bytes = build(&mixed(300));
    assert_eq!(response, Index::from_bytes(&whole_bytes).unwrap().search("العلاقات", &SearchOptions::default()));
}

#[test]
fn a_word_being_typed_after_others_fetches_only_what_it_reads() {
    let mut fetching = Fetching::new(build_split(&mixed(1500), &SMALL));
    let (response, rounds) = fetching.search("وزير الخارجية ا", &SearchOptions::default());
    assert_eq!(response.results.len(), 10);
    let fetched = |kind: &str| rounds.iter().flatten().filter(|n| n.starts_with(kind)).count();
    // ا expands to the most common words that start with it, as many as
    // make 8,000 postings: their document counts come with the references
    // in the dictionary, so only the postings chunks of the words taken
    // are fetched (26 chunks when every completion's record was read).
    assert_eq!(rounds.len(), 3, "{rounds:?}");
    assert!(fetched("t") <= 6 && fetched("w") <= 12, "{rounds:?}");
}

#[test]
fn a_word_found_nowhere_reads_typo_keys_then_only_the_entries_of_keys_found() {
    let mut fetching = Fetching::new(build_split(&mixed(1500), &SMALL));
    let kinds = |rounds: &[Vec<String>]| -> Vec<String> {
        rounds.iter().map(|round| round.iter().map(|n| &n[..1]).collect()).collect()
    };
    let only = |kind: char, round: &str| !round.is_empty() && round.chars().all(|k| k == kind);
    // Absent: its own dictionary chunks, then the typo keys chunks of its
    // first letters (ك, and م once the clitic ك is read off), then the
    // entries of the keys a typo away: nothing else.
    let (response, rounds) = fetching.search("كمبيوتر ", &SearchOptions::default());
    assert_eq!(response.total, 0);
    let rounds = kinds(&rounds);
    assert!(rounds.len() <= 3 && only('t', &rounds[0]) && only('n', &rounds[1]), "{rounds:?}");
    assert!(rounds.concat().chars().all(|k| "tn".contains(k)) && rounds.concat().len() <= 6, "{rounds:?}");
    // A typo of البوسعيدي: the typo keys, then what the word it is read as
    // reads.
    let (response, rounds) = fetching.search("البوسعدي ", &SearchOptions::default());
    assert_eq!(response.corrections[0].to, "البوسعيدي");
    let rounds = kinds(&rounds);
    assert!(only('n', &rounds[1]) && rounds[1].len() <= 3, "{rounds:?}");
    assert!(rounds.concat().matches('t').count() <= 3, "{rounds:?}");
    // How the word is written (its forms chunk) comes in the round of its
    // postings: the keys' entries carry where both are.
    let forms = rounds.iter().position(|r| r.contains('f')).expect("a forms chunk");
    assert!(rounds[forms].contains('w') && rounds.concat().matches('f').count() == 1, "{rounds:?}");
    assert!(rounds.len() <= 5, "{rounds:?}");
}

#[test]
fn a_suggestion_reads_how_words_are_written_not_their_postings() {
    let fetching = Fetching::new(build_split(&mixed(1500), &SMALL));
    let mut rounds = Vec::new();
    let words = loop {
        match fetching.index.try_suggest("الخار", 5) {
            Ok(words) => break words,
            Err(missing) => {
                for name in &missing {
                    fetching.index.add_chunk(name, fetching.files[name].clone()).unwrap();
                }
                rounds.push(missing.iter().map(|n| &n[..1]).collect::<String>());
            }
        }
    };
    let whole_bytes = build(&mixed(1500));
    assert_eq!(words, Index::from_bytes(&whole_bytes).unwrap().suggest("الخار", 5));
    assert_eq!(words[0], "الخارجية");
    // The dictionary, then the forms chunks of the words found.
    assert_eq!(rounds.len(), 2, "{rounds:?}");
    assert!(rounds[0].chars().all(|k| k == 't') && rounds[1].chars().all(|k| k == 'f'), "{rounds:?}");
}
