//! The query engine past the seeds' scale: exact totals up to the cap, then
//! estimates; single words answered from the lists' best documents exactly;
//! pruned searches within their stated tolerance of the exhaustive order.
//!
//! The corpora here are generated (a few hundred documents drawn from a small
//! Arabic vocabulary), so that counts and orders can be checked against an
//! exhaustive search; speed is measured on real corpora by `bench/scale.mjs`.

mod common;

use bahth::corpus::Document;
use bahth::index::build;
use bahth::search::matcher::{EXACT_TOTAL, TOLERANCE};
use bahth::{Index, SearchOptions};

const WORDS: [&str; 12] =
    ["الكتاب", "والكتاب", "المدرسة", "الطلاب", "كتب", "العلم", "قال", "رسول", "الله", "في", "من", "على"];

/// `count` documents of 3 to 120 words drawn (deterministically) from WORDS,
/// each with `extra` inserted every `every` documents.
fn corpus(count: usize, extra: &str, every: usize) -> Vec<Document> {
    let mut next = common::draws(7);
    (0..count)
        .map(|i| {
            let len = 3 + next(118);
            let mut words: Vec<&str> = (0..len).map(|_| WORDS[next(WORDS.len())]).collect();
            if i % every == 0 {
                words.insert(next(words.len()), extra);
            }
            Document {
                id: format!("d{i:04}"),
                title: format!("وثيقة {i}"),
                url: None,
                date: None,
                text: words.join(" "),
            }
        })
        .collect()
}

fn ids(index: &Index<'_>, query: &str, limit: usize) -> Vec<(String, f64)> {
    index.search(query, &SearchOptions { limit, offset: 0 }).results.into_iter().map(|h| (h.id, h.score)).collect()
}

#[test]
fn totals_are_exact_up_to_the_cap_then_estimated() {
    let bytes = build(&corpus(600, "الحديقة", 3));
    let index = Index::from_bytes(&bytes).unwrap();
    // 200 documents hold الحديقة: exactly the cap, still counted.
    let response = index.search("الحديقة ", &SearchOptions::default());
    assert_eq!((response.total, response.total_is_estimate), (EXACT_TOTAL, false));

    // Nearly every document has الكتاب or والكتاب: counting stops at the cap.
    let response = index.search("كتاب ", &SearchOptions::default());
    assert!(response.total_is_estimate);
    assert!((EXACT_TOTAL..=600).contains(&response.total), "estimate {}", response.total);
    assert_eq!(response.results.len(), 10);

    let rare = index.search("الحديقة الطلاب ", &SearchOptions::default());
    assert!(!rare.total_is_estimate && rare.total < EXACT_TOTAL && rare.total > 0, "{}", rare.total);
}

#[test]
fn one_word_top_results_are_exact() {
    let bytes = build(&corpus(900, "الحديقة", 2));
    let index = Index::from_bytes(&bytes).unwrap();
    for query in ["الكتاب ", "الله ", "الحديقة ", "كتاب ", "الك"] {
        // A thousand results: no best lists, no pruning (the top never fills).
        let exhaustive = ids(&index, query, 1000);
        assert!(exhaustive.len() > 200, "{query}: {} results", exhaustive.len());
        assert_eq!(ids(&index, query, 10), exhaustive[..10], "{query}");
        assert_eq!(ids(&index, query, 64), exhaustive[..64], "{query}");
    }
}

#[test]
fn pruned_results_are_within_tolerance() {
    let bytes = build(&corpus(900, "الحديقة", 2));
    let index = Index::from_bytes(&bytes).unwrap();
    for query in ["قال رسول الله ", "الكتاب في المدرسة ", "\"قال رسول\"", "العلم -الطلاب "]
    {
        let exhaustive = ids(&index, query, 1000);
        let pruned = ids(&index, query, 10);
        assert_eq!(pruned.len(), 10, "{query}");
        for (i, (got, best)) in pruned.iter().zip(&exhaustive).enumerate() {
            assert!(got.1 * f64::from(TOLERANCE) >= best.1 - 1e-3, "{query} #{i}: {got:?} vs {best:?}");
        }
        // What is returned is in order, and each is a true match.
        assert!(pruned.windows(2).all(|w| w[0].1 >= w[1].1), "{query}: {pruned:?}");
        assert!(pruned.iter().all(|p| exhaustive.contains(p)), "{query}");
    }
}
