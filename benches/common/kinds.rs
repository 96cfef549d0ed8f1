//! The query kinds of the scale benchmark, shared by `scale.rs` and
//! `chunk_sizes.rs`.

/// The query kinds, each with the queries typed against one corpus. A
/// trailing space marks a word as complete; without it the last word is
/// matched as a prefix, as while typing.
pub fn kinds(corpus: &str) -> Vec<(&'static str, Vec<&'static str>)> {
    match corpus {
        "seeds" => vec![
            ("common word", vec!["وزير "]),
            ("2-7 words", vec!["العلاقات الثنائية ", "وزير الخارجية العماني ", "الأمن والاستقرار في المنطقة "]),
            ("7 words", vec!["بحث وزير الخارجية العماني مع نظيره الإيراني "]),
            ("phrase", vec!["\"وزير الخارجية\""]),
            ("prefix 1 letter", vec!["ا"]),
            ("prefix 2 letters", vec!["ال"]),
            ("prefix 3 letters", vec!["الع"]),
            ("typo", vec!["البوسعدي "]),
            ("absent word", vec!["كمبيوتر "]),
            ("exclusion", vec!["عمان -إيران "]),
        ],
        "quran" => vec![
            ("common word", vec!["الله "]),
            ("2-7 words", vec!["يوم القيامة ", "رب العالمين ", "إن الله على كل شيء قدير "]),
            ("7 words", vec!["الذين آمنوا وعملوا الصالحات لهم جنات تجري "]),
            ("phrase", vec!["\"الذين آمنوا\""]),
            ("prefix 1 letter", vec!["ا"]),
            ("prefix 2 letters", vec!["ال"]),
            ("prefix 3 letters", vec!["الم"]),
            ("typo", vec!["المؤمنبن "]),
            ("absent word", vec!["كمبيوتر "]),
            ("exclusion", vec!["موسى -فرعون "]),
        ],
        _ => vec![
            ("common word", vec!["الله "]),
            ("2-7 words", vec!["رسول الله ", "الصلاة في المسجد ", "إن الله على كل شيء قدير "]),
            ("7 words", vec!["قال رسول الله صلى الله عليه وسلم "]),
            ("phrase", vec!["\"رسول الله\""]),
            ("prefix 1 letter", vec!["ا"]),
            ("prefix 2 letters", vec!["ال"]),
            ("prefix 3 letters", vec!["الم"]),
            ("typo", vec!["المسحد "]),
            ("absent word", vec!["كمبيوتر "]),
            ("exclusion", vec!["الصلاة -الجمعة "]),
        ],
    }
}
