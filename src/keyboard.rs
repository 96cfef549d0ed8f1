//! The standard Arabic keyboard (Arabic 101, on Windows, macOS and phones),
//! key for key over the US QWERTY layout: which letters are neighbours (a
//! slip of the finger), and what a query typed with the wrong layout
//! active meant (hgubrhj is العلاقات; لخخلمث is google).

/// The letter keys, row by row: (QWERTY key, Arabic letter). The b key
/// types two letters, لا.
const ROWS: [&[(char, &str)]; 4] = [
    &[('`', "ذ")],
    &[
        ('q', "ض"),
        ('w', "ص"),
        ('e', "ث"),
        ('r', "ق"),
        ('t', "ف"),
        ('y', "غ"),
        ('u', "ع"),
        ('i', "ه"),
        ('o', "خ"),
        ('p', "ح"),
        ('[', "ج"),
        (']', "د"),
    ],
    &[
        ('a', "ش"),
        ('s', "س"),
        ('d', "ي"),
        ('f', "ب"),
        ('g', "ل"),
        ('h', "ا"),
        ('j', "ت"),
        ('k', "ن"),
        ('l', "م"),
        (';', "ك"),
        ('\'', "ط"),
    ],
    &[
        ('z', "ئ"),
        ('x', "ء"),
        ('c', "ؤ"),
        ('v', "ر"),
        ('b', "لا"),
        ('n', "ى"),
        ('m', "ة"),
        (',', "و"),
        ('.', "ز"),
        ('/', "ظ"),
    ],
];

/// Shifted keys that type letters (the others type marks).
const SHIFTED: [(char, &str); 6] = [('H', "أ"), ('Y', "إ"), ('N', "آ"), ('G', "لأ"), ('T', "لإ"), ('B', "لآ")];

/// Where a key is: (row, column), rows staggered as on a real keyboard.
fn position(c: char) -> Option<(usize, usize)> {
    ROWS.iter().enumerate().find_map(|(row, keys)| {
        keys.iter()
            .position(|&(latin, arabic)| latin == c || (arabic.starts_with(c) && arabic.len() == c.len_utf8()))
            .map(|column| (row, column))
    })
}

/// The keys that type a letter as folding leaves it: ه is typed on its own
/// key and as ة, ي as ى and ئ, و as ؤ.
pub fn keys_of(c: char) -> [Option<(usize, usize)>; 3] {
    let also = |a: char, b: char| [position(c), position(a), position(b)];
    match c {
        'ه' => also('ة', 'ة'),
        'ي' => also('ى', 'ئ'),
        'و' => also('ؤ', 'ؤ'),
        _ => [position(c), None, None],
    }
}

/// Are two keys (from [`keys_of`]) next to each other? Each row is shifted
/// right by about half a key from the one above, so a key touches two keys
/// of the row below: its column and the one before.
pub fn adjacent(a: &[Option<(usize, usize)>; 3], b: &[Option<(usize, usize)>; 3]) -> bool {
    let touch = |(ra, ca): (usize, usize), (rb, cb): (usize, usize)| {
        let ((upper, cu), (lower, cl)) = if ra <= rb { ((ra, ca), (rb, cb)) } else { ((rb, cb), (ra, ca)) };
        match lower - upper {
            0 => ca.abs_diff(cb) == 1,
            1 if upper > 0 => cl == cu || cl + 1 == cu,
            _ => false,
        }
    };
    a.iter().flatten().any(|&ka| b.iter().flatten().any(|&kb| touch(ka, kb)))
}

/// Are two letters (Arabic, or Latin: the same keys) next to each other on
/// the keyboard (see [`adjacent`])?
///
/// ```
/// use bahth::keyboard::neighbours;
/// assert!(neighbours('ب', 'ل')); // f and g
/// assert!(neighbours('ع', 'ا')); // u and h, diagonally
/// assert!(neighbours('ب', 'ق')); // f and r
/// assert!(!neighbours('ب', 'ك')); // f and ;
/// assert!(neighbours('و', 'ه')); // , and m (ة, folded to ه)
/// ```
pub fn neighbours(a: char, b: char) -> bool {
    adjacent(&keys_of(a), &keys_of(b))
}

/// `text` as it was meant, if it was typed with the other layout active:
/// Latin keys read as the Arabic letters they carry, or Arabic letters as
/// their Latin keys. `None` if `text` has letters of both scripts, or none.
/// Arabic لا can be the b key or g then h: both readings are returned.
///
/// ```
/// use bahth::keyboard::other_layout;
/// assert_eq!(other_layout("hgubrhj"), ["العلاقات"]); // b is لا
/// assert_eq!(other_layout("hgugrhj"), ["العلقات"]); // a typo of it, too
/// assert_eq!(other_layout("لخخلمث"), ["google"]);
/// assert_eq!(other_layout("hgHlk"), ["الأمن"]);
/// assert!(other_layout("كتاب book").is_empty());
/// ```
pub fn other_layout(text: &str) -> Vec<String> {
    let latin = text.chars().any(|c| c.is_ascii_alphabetic());
    let arabic = text.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c));
    match (latin, arabic) {
        (true, false) => vec![to_arabic(text)],
        (false, true) => {
            let gh = to_latin(text, "gh");
            let b = to_latin(text, "b");
            if gh == b {
                vec![b]
            } else {
                vec![b, gh]
            }
        }
        _ => Vec::new(),
    }
}

fn to_arabic(text: &str) -> String {
    let key = |c: char| {
        SHIFTED.iter().chain(ROWS.iter().flat_map(|row| row.iter())).find(|&&(latin, _)| latin == c).map(|&(_, a)| a)
    };
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        match key(c).or_else(|| key(c.to_ascii_lowercase())) {
            Some(arabic) => out.push_str(arabic),
            None => out.push(c),
        }
    }
    out
}

fn to_latin(text: &str, lam_alef: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("لا") {
            out.push_str(lam_alef);
            rest = after;
            continue;
        }
        let latin = ROWS
            .iter()
            .flat_map(|row| row.iter())
            .find(|&&(_, arabic)| arabic.starts_with(c) && arabic.len() == c.len_utf8());
        match (latin, SHIFTED.iter().find(|&&(_, arabic)| arabic.starts_with(c) && arabic.len() == c.len_utf8())) {
            (Some(&(key, _)), _) => out.push(key),
            (None, Some(&(key, _))) => out.push(key.to_ascii_lowercase()),
            (None, None) => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}
