//! Spelling variants: the few words Arabic writes two ways, which readers
//! expect to find each other. A short, closed list, not a thesaurus: each
//! pair is one word spelled two ways.

/// Pairs of folded forms (clitics removed) that are one word; stems are
/// listed too, so every inflection meets (الأمريكية / الأميركيون).
const PAIRS: [(&str, &str); 5] = [
    ("ابن", "بن"),        // son of, the name particle: ابن علوي / بن علوي
    ("سوريا", "سوريه"),   // Syria / Syrie
    ("امريكي", "اميركي"), // American
    ("امريكا", "اميركا"), // America
    ("امريك", "اميرك"),   // their stem
];

/// The other spelling of a folded form, if it has one.
///
/// ```
/// use bahth::analyzer::variants::partner;
/// assert_eq!(partner("ابن"), Some("بن"));
/// assert_eq!(partner("بن"), Some("ابن"));
/// assert_eq!(partner("بين"), None);
/// ```
pub fn partner(form: &str) -> Option<&'static str> {
    PAIRS.iter().find_map(|&(a, b)| match form {
        f if f == a => Some(b),
        f if f == b => Some(a),
        _ => None,
    })
}
