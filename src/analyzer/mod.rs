//! The Arabic analyzer: text in, searchable terms out.
//!
//! Analysis is a chain of small steps, each in its own module and testable
//! alone:
//!
//! 1. [`tokenize`] finds words in the original text (keeping their byte
//!    ranges), and for each word
//! 2. [`fold`](fold::fold) makes its *surface* form (NFKC as far as Arabic
//!    text needs it, see [`compat`]; controls removed,
//!    Latin lowercased) and its *folded* form (marks and tatweel deleted,
//!    alef/yeh/teh marbuta/Persian letters and digits unified);
//! 3. [`stripped_forms`] lists the readings without clitics (و ف ب ك ل ال);
//! 4. [`variants`] adds the other spelling of a few words written two ways
//!    (ابن / بن, سوريا / سورية, أمريكي / أميركي);
//! 5. [`stem`] removes light suffixes from each reading.
//!
//! Uthmani (Quranic) spelling can give a word more than one folded reading
//! ([`fold::readings`]): each is stripped, varied and stemmed too.
//!
//! A query word matches a document word at four [`Level`]s, and the strongest
//! level that matches decides its rank. The same code runs in `build.rs`
//! (indexing) and at query time, so the two can never disagree.
//!
//! ```
//! use bahth::analyzer::{analyze_word, tokenize};
//! let token = &tokenize("وبالعلاقاتِ")[0];
//! let forms = analyze_word(&token.surface, &token.folded);
//! assert_eq!(forms.folded, "وبالعلاقات");
//! assert!(forms.stripped.contains(&"علاقات".to_string()));
//! assert!(forms.stems.contains(&"علاق".to_string()));
//! ```

pub mod chars;
pub mod clitics;
pub mod compat;
mod compat_table;
pub mod fold;
pub mod stem;
pub mod tokenize;
pub mod variants;

pub use clitics::stripped_forms;
pub use stem::stem;
pub use tokenize::{tokenize, Token};

/// How strongly a document word matches a query word, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Same letters as written (hamza, alef forms, ة and ى kept), vowels and
    /// tatweel aside: a reader who types أعلنت prefers أعلنت to اعلنت.
    Surface = 0,
    /// Same after folding marks, letters and digits.
    Folded = 1,
    /// Same after removing clitics from either word.
    Stripped = 2,
    /// Same light stem.
    Stem = 3,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Surface, Level::Folded, Level::Stripped, Level::Stem];
}

/// Every form of one word, for every level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordForms {
    /// The spelling: the surface form without vowels and tatweel.
    pub spelling: String,
    pub folded: String,
    pub stripped: Vec<String>,
    pub stems: Vec<String>,
}

impl WordForms {
    /// The forms stored (or looked up) at one level.
    pub fn at(&self, level: Level) -> &[String] {
        match level {
            Level::Surface => std::slice::from_ref(&self.spelling),
            Level::Folded => std::slice::from_ref(&self.folded),
            Level::Stripped => &self.stripped,
            Level::Stem => &self.stems,
        }
    }
}

/// All forms of a word given its surface and folded forms (from a [`Token`]).
///
/// The word's other [readings](fold::readings) (Uthmani spelling) join its
/// stripped forms without the article (a query's bare reading finds them)
/// and are not stemmed (their stems meet unrelated words: صلحت → صلح);
/// with the [variants] of its forms, they match at the [`Level::Stripped`]
/// strength.
pub fn analyze_word(surface: &str, folded: &str) -> WordForms {
    let mut stripped = stripped_forms(folded);
    let own = stripped.len();
    for reading in fold::readings(surface).iter().filter(|r| *r != folded) {
        let forms = stripped_forms(reading);
        for form in forms.iter().filter(|f| !clitics::carries_article(f, &forms)) {
            push_new(&mut stripped, form.clone());
        }
    }
    for partner in stripped.iter().filter_map(|form| variants::partner(form)).collect::<Vec<_>>() {
        push_new(&mut stripped, partner.to_string());
    }
    let mut stems: Vec<String> = Vec::with_capacity(stripped.len());
    for form in stripped[..own].iter().filter(|f| !clitics::carries_article(f, &stripped)) {
        let s = stem(form);
        if let Some(partner) = variants::partner(&s) {
            push_new(&mut stems, partner.to_string());
        }
        push_new(&mut stems, s);
    }
    WordForms { spelling: fold::spelling(surface), folded: folded.to_string(), stripped, stems }
}

fn push_new(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems_of(word: &str) -> Vec<String> {
        let t = &tokenize(word)[0];
        analyze_word(&t.surface, &t.folded).stems
    }

    fn share_a_stem(a: &str, b: &str) -> bool {
        let sa = stems_of(a);
        stems_of(b).iter().any(|s| sa.contains(s))
    }

    /// Word pairs a reader expects to find each other, from the Arabic notes
    /// and the seeds.
    #[test]
    fn pairs_that_must_meet() {
        let pairs = [
            ("بوسعيدي", "البوسعيدي"),
            ("بلينكن", "وبلينكن"),
            ("تغريدة", "تغريدات"),
            ("السوري", "سورية"),
            ("سوريا", "السورية"),
            ("إيران", "الإيراني"),
            ("العماني", "عمان"),
            ("الوزير", "وزير"),
            ("الوزيرين", "وزير"),
            ("المكتبات", "مكتبة"),
            ("والمكتبات", "مكتبات"),
            ("العلاقات", "علاقة"),
            ("الدولتين", "دولة"),
            ("هاتفياً", "الهاتفي"),
            ("اتصالاً", "الاتصال"),
            ("للأسد", "الأسد"),
            ("الثنائية", "ثنائي"),
            ("مباحثات", "المباحثات"),
        ];
        for (a, b) in pairs {
            assert!(share_a_stem(a, b), "{a} and {b} should share a stem: {:?} {:?}", stems_of(a), stems_of(b));
        }
    }

    #[test]
    fn pairs_that_must_not_meet() {
        for (a, b) in [("بين", "بن"), ("عمان", "عم"), ("سلطان", "سلطنة"), ("الأمن", "الأمين")]
        {
            assert!(!share_a_stem(a, b), "{a} and {b} should differ: {:?} {:?}", stems_of(a), stems_of(b));
        }
    }
}
