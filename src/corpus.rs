//! Corpus loading: a folder of `.txt`, `.md`, `.html` and `.jsonl` files
//! turned into [`Document`]s, with clear errors for bad input.
//!
//! Used by `build.rs` (to compile the index into the module) and by the CLI's
//! `--corpus` (to index a folder at run time): the same code either way.
//!
//! - The folder is walked with its subfolders; a document's id is its path
//!   in the folder without the extension, `/` between folders (`news/2024/x`),
//!   or the jsonl `id`.
//! - `.txt`: the title is the first line that reads as a headline (site chrome
//!   such as "الوضع المظلم" or "Logo" and date lines are skipped), else the first
//!   sentence cut at a word boundary.
//! - `.md`: optional front matter (`---` / `key: value` lines / `---`) with
//!   `title`, `url`, `date`; else the first `#` heading; else as `.txt`.
//! - `.html` (a page of a built site): the first `<h1>` of its content, else
//!   `<title>`; the content is `<main>` or `[data-bahth-body]` when there is
//!   one, else `<body>` without `nav header footer aside`; never scripts,
//!   styles or `[data-bahth-ignore]`. Its url is its path in the folder
//!   (`blog/index.html` → `/blog/`).
//! - `.jsonl`: one `{"id","title","url","text","date"}` object per line.
//! - A sidecar `NAME.EXT.meta` (same `key: value` lines as front matter) gives
//!   a title, url or date for any file, and wins over what the file says.
//!
//! A UTF-8 byte order mark is dropped; NUL and the other control characters
//! (but line breaks and tabs) read as spaces; HTML entities are decoded in
//! every format so `&nbsp;` or `&amp;` never hide a word. Nothing is skipped
//! without a warning saying why; what cannot be read is an error naming it.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// One searchable document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub date: Option<String>,
    pub text: String,
}

/// Where a document came from: a file, and for jsonl its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    pub line: Option<usize>,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path.display()),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// Why a corpus could not be loaded. Every variant names the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusError {
    Io { path: PathBuf, message: String },
    NotUtf8 { path: PathBuf, offset: usize },
    DuplicateId { id: String, first: Source, second: Source },
    BadJsonl { path: PathBuf, line: usize, message: String },
    BadFrontMatter { path: PathBuf, line: usize, message: String },
    SymlinkLoop { path: PathBuf },
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Io { path, message } => write!(f, "{}: {message}", path.display()),
            CorpusError::NotUtf8 { path, offset } => {
                write!(f, "{}: not valid UTF-8 at byte offset {offset}", path.display())
            }
            CorpusError::DuplicateId { id, first, second } => {
                write!(f, "duplicate document id \"{id}\": in {first} and in {second}")
            }
            CorpusError::BadJsonl { path, line, message } => {
                write!(f, "{}:{line}: malformed jsonl: {message}", path.display())
            }
            CorpusError::BadFrontMatter { path, line, message } => {
                write!(f, "{}:{line}: malformed front matter: {message}", path.display())
            }
            CorpusError::SymlinkLoop { path } => {
                write!(f, "{}: symbolic link to a folder it is in (a loop)", path.display())
            }
        }
    }
}

impl std::error::Error for CorpusError {}

/// A loaded corpus: the documents (sorted by id) and what was skipped, and why.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub warnings: Vec<String>,
    /// Every file that was read, for `cargo:rerun-if-changed`.
    pub files: Vec<PathBuf>,
    /// Every folder walked (its listing changing means files came or went).
    pub folders: Vec<PathBuf>,
}

impl Corpus {
    /// One line on what was loaded and skipped, for build logs.
    pub fn summary(&self) -> String {
        format!(
            "{} documents from {} files; {} skipped{}",
            self.documents.len(),
            self.files.len(),
            self.warnings.len(),
            if self.warnings.is_empty() { "" } else { " (see the warnings)" }
        )
    }
}

/// The file system calls loading makes: the operating system's ([`Os`]),
/// or, for the indexer run as WebAssembly by Node, Node's. Paths handed in
/// are those the calls returned (or the folder asked for).
pub trait FileSystem {
    /// A folder's entries, as paths under it.
    fn read_dir(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>>;
    /// Is the path (symbolic links followed) a folder? An error if it is
    /// not there (a dangling link).
    fn is_dir(&self, path: &Path) -> std::io::Result<bool>;
    /// The path with symbolic links resolved (to catch link loops).
    fn canonicalize(&self, path: &Path) -> std::io::Result<PathBuf>;
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>>;
    fn is_file(&self, path: &Path) -> bool;
}

/// The operating system's files.
pub struct Os;

impl FileSystem for Os {
    fn read_dir(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        std::fs::read_dir(dir)?.map(|entry| entry.map(|e| e.path())).collect()
    }
    fn is_dir(&self, path: &Path) -> std::io::Result<bool> {
        Ok(std::fs::metadata(path)?.is_dir())
    }
    fn canonicalize(&self, path: &Path) -> std::io::Result<PathBuf> {
        path.canonicalize()
    }
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        std::fs::read(path)
    }
    fn is_file(&self, path: &Path) -> bool {
        path.is_file()
    }
}

/// Loads every supported file in `dir` and its subfolders.
pub fn load_dir(dir: &Path) -> Result<Corpus, CorpusError> {
    load_dir_from(&Os, dir, &mut |_| {})
}

/// How far loading has got: files looked at out of those the walk found,
/// documents found and their words (runs of non-space characters: what the
/// index will hold, roughly).
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub files: usize,
    pub of: usize,
    pub documents: usize,
    pub words: usize,
}

/// [`load_dir`] over any [`FileSystem`], telling `progress` before each file
/// and at the end.
pub fn load_dir_from(
    fs: &dyn FileSystem,
    dir: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<Corpus, CorpusError> {
    let mut corpus = Corpus::default();
    let mut paths = Vec::new();
    walk(fs, dir, &mut Vec::new(), &mut paths, &mut corpus)?;
    paths.sort();
    let read_text = |path: &Path| {
        let bytes = fs.read(path).map_err(|e| CorpusError::Io { path: path.to_path_buf(), message: e.to_string() })?;
        decode(path, &bytes)
    };

    let mut sources: HashMap<String, Source> = HashMap::new();
    let (of, mut words) = (paths.len(), 0);
    for (files, path) in paths.into_iter().enumerate() {
        progress(Progress { files, of, documents: corpus.documents.len(), words });
        let id_base = relative_id(dir, &path);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.ends_with(".meta") {
            let file = path.with_extension("");
            if !fs.is_file(&file) {
                corpus.warnings.push(format!("{}: skipped, a sidecar without its file", path.display()));
            }
            continue;
        }
        let Some(kind) = Kind::of(&path) else {
            corpus.warnings.push(format!("{}: skipped, not .txt, .md, .html or .jsonl", path.display()));
            continue;
        };
        let text = read_text(&path)?;
        corpus.files.push(path.clone());
        if text.trim().is_empty() {
            corpus.warnings.push(format!("{}: skipped, empty", path.display()));
            continue;
        }
        let meta_path = PathBuf::from(format!("{}.meta", path.display()));
        let sidecar = if fs.is_file(&meta_path) {
            corpus.files.push(meta_path.clone());
            parse_sidecar(&meta_path, &read_text(&meta_path)?)?
        } else {
            Meta::default()
        };
        for (mut doc, line) in parse(&path, kind, &id_base, &text)? {
            sidecar.apply_to(&mut doc);
            let source = Source { path: path.clone(), line };
            if let Some(first) = sources.insert(doc.id.clone(), source.clone()) {
                return Err(CorpusError::DuplicateId { id: doc.id.clone(), first, second: source });
            }
            words += doc.title.split_whitespace().count() + doc.text.split_whitespace().count();
            corpus.documents.push(doc);
        }
    }
    progress(Progress { files: of, of, documents: corpus.documents.len(), words });
    corpus.documents.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(corpus)
}

/// Collects the files under `dir` (hidden ones skipped with a warning);
/// `stack` holds the folders being walked, to catch symbolic link loops.
fn walk(
    fs: &dyn FileSystem,
    dir: &Path,
    stack: &mut Vec<PathBuf>,
    out: &mut Vec<PathBuf>,
    corpus: &mut Corpus,
) -> Result<(), CorpusError> {
    let io = |path: &Path, e: std::io::Error| CorpusError::Io { path: path.to_path_buf(), message: e.to_string() };
    let real = fs.canonicalize(dir).map_err(|e| io(dir, e))?;
    if stack.contains(&real) {
        return Err(CorpusError::SymlinkLoop { path: dir.to_path_buf() });
    }
    stack.push(real);
    corpus.folders.push(dir.to_path_buf());
    let mut entries: Vec<PathBuf> = fs.read_dir(dir).map_err(|e| io(dir, e))?;
    entries.sort();
    for path in entries {
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        // Follows symbolic links; a dangling one is an error naming it.
        let is_dir = fs.is_dir(&path).map_err(|e| io(&path, e))?;
        if hidden {
            let what = if is_dir { "a hidden folder" } else { "a hidden file" };
            corpus.warnings.push(format!("{}: skipped, {what}", path.display()));
        } else if is_dir {
            walk(fs, &path, stack, out, corpus)?;
        } else {
            out.push(path);
        }
    }
    stack.pop();
    Ok(())
}

/// A file's path in the corpus folder without its extension, `/` between
/// folders: its documents' id (the file's own, or the prefix of nothing for
/// jsonl, whose records carry their ids).
fn relative_id(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path).with_extension("");
    let parts: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

/// A file's bytes as UTF-8 text, its byte order mark dropped.
fn decode(path: &Path, bytes: &[u8]) -> Result<String, CorpusError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| CorpusError::NotUtf8 { path: path.to_path_buf(), offset: e.valid_up_to() })?;
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text).to_string())
}

/// Parses one file's bytes the way [`load_dir`] does (its name decides the
/// format; `.meta` sidecars give no document): the entry point for tools and
/// fuzzing.
///
/// ```
/// let docs = bahth::corpus::parse_bytes("notes/a.md", "---\ntitle: عنوان\n---\nنص\u{0}هنا".as_bytes()).unwrap();
/// assert_eq!((docs[0].id.as_str(), docs[0].title.as_str(), docs[0].text.as_str()), ("notes/a", "عنوان", "نص هنا"));
/// ```
pub fn parse_bytes(name: &str, bytes: &[u8]) -> Result<Vec<Document>, CorpusError> {
    let path = Path::new(name);
    let text = decode(path, bytes)?;
    if name.ends_with(".meta") {
        parse_sidecar(path, &text)?;
        return Ok(Vec::new());
    }
    let Some(kind) = Kind::of(path) else { return Ok(Vec::new()) };
    let id = relative_id(Path::new(""), path);
    Ok(parse(path, kind, &id, &text)?.into_iter().map(|(doc, _)| doc).collect())
}

/// The documents of one file, with their jsonl line numbers.
fn parse(path: &Path, kind: Kind, id: &str, text: &str) -> Result<Vec<(Document, Option<usize>)>, CorpusError> {
    let mut docs = match kind {
        Kind::Jsonl => parse_jsonl(path, text)?,
        _ => vec![(parse_file(path, kind, id, text)?, None)],
    };
    for (doc, _) in &mut docs {
        doc.title = spaces_for_controls(&doc.title);
        doc.text = spaces_for_controls(&doc.text);
    }
    Ok(docs)
}

/// NUL and the other control characters (line breaks and tabs aside) read
/// as spaces: they end words, and never reach a title.
fn spaces_for_controls(text: &str) -> String {
    if !text.chars().any(is_stray_control) {
        return text.to_string();
    }
    text.chars().map(|c| if is_stray_control(c) { ' ' } else { c }).collect::<String>().trim().to_string()
}

fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

fn parse_sidecar(path: &Path, text: &str) -> Result<Meta, CorpusError> {
    parse_meta_lines(path, text.lines().enumerate().map(|(i, l)| (i + 1, l)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Txt,
    Md,
    Html,
    Jsonl,
}

impl Kind {
    fn of(path: &Path) -> Option<Kind> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "txt" => Some(Kind::Txt),
            "md" | "markdown" => Some(Kind::Md),
            "html" | "htm" => Some(Kind::Html),
            "jsonl" => Some(Kind::Jsonl),
            _ => None,
        }
    }
}

/// Title, url and date given explicitly (front matter or sidecar).
#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    url: Option<String>,
    date: Option<String>,
}

impl Meta {
    fn apply_to(&self, doc: &mut Document) {
        if let Some(t) = &self.title {
            doc.title = t.clone();
        }
        if self.url.is_some() {
            doc.url = self.url.clone();
        }
        if self.date.is_some() {
            doc.date = self.date.clone();
        }
    }
}

/// Parses `key: value` lines (front matter or a sidecar). Unknown keys are
/// allowed (a site may keep its own); a line without a colon is an error.
fn parse_meta_lines<'a>(path: &Path, lines: impl Iterator<Item = (usize, &'a str)>) -> Result<Meta, CorpusError> {
    let mut meta = Meta::default();
    for (line, text) in lines {
        if text.trim().is_empty() || text.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = text.split_once(':') else {
            return Err(CorpusError::BadFrontMatter {
                path: path.to_path_buf(),
                line,
                message: format!("expected `key: value`, found {:?}", text.trim()),
            });
        };
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').to_string();
        match key.trim() {
            "title" => meta.title = Some(decode_entities(&value)),
            "url" => meta.url = Some(value),
            "date" => meta.date = Some(value),
            _ => {}
        }
    }
    Ok(meta)
}

fn parse_file(path: &Path, kind: Kind, id: &str, raw: &str) -> Result<Document, CorpusError> {
    let (meta, body) = match kind {
        Kind::Md => split_front_matter(path, raw)?,
        _ => (Meta::default(), raw),
    };
    let (heading, text) = match kind {
        Kind::Html => html_to_text(body),
        Kind::Md => markdown_to_text(body),
        _ => (None, decode_entities(body)),
    };
    let mut doc = Document {
        id: id.to_string(),
        title: heading.unwrap_or_else(|| title_from_text(&text)),
        url: (kind == Kind::Html).then(|| page_url(id, path)),
        date: None,
        text: text.trim().to_string(),
    };
    meta.apply_to(&mut doc);
    Ok(doc)
}

/// Where a page of a site folder is served: its path from the folder, as
/// the site's root (`blog/post.html` → `/blog/post.html`, `blog/index.html`
/// → `/blog/`), with what a URL path cannot hold escaped.
fn page_url(id: &str, path: &Path) -> String {
    let page = match id.rsplit_once('/') {
        Some((folder, "index")) => format!("{folder}/"),
        None if id == "index" => String::new(),
        _ => format!("{id}.{}", path.extension().map(|e| e.to_string_lossy()).unwrap_or_default()),
    };
    let mut url = String::from("/");
    for c in page.chars() {
        match c {
            ' ' | '"' | '#' | '%' | '<' | '>' | '?' | '`' | '{' | '}' => url.push_str(&format!("%{:02X}", c as u32)),
            _ => url.push(c),
        }
    }
    url
}

/// Splits `---` front matter from a markdown body.
fn split_front_matter<'a>(path: &Path, raw: &'a str) -> Result<(Meta, &'a str), CorpusError> {
    let Some(rest) = raw.strip_prefix("---\n").or_else(|| raw.strip_prefix("---\r\n")) else {
        return Ok((Meta::default(), raw));
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let header = &rest[..offset];
            let meta = parse_meta_lines(path, header.lines().enumerate().map(|(j, l)| (j + 2, l)))?;
            return Ok((meta, &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err(CorpusError::BadFrontMatter {
        path: path.to_path_buf(),
        line: 1,
        message: "opening `---` has no closing `---`".into(),
    })
}

#[derive(serde::Deserialize)]
struct JsonlRecord {
    id: serde_json::Value,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    text: String,
    #[serde(default)]
    date: Option<String>,
}

fn parse_jsonl(path: &Path, raw: &str) -> Result<Vec<(Document, Option<usize>)>, CorpusError> {
    let mut docs = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| CorpusError::BadJsonl { path: path.to_path_buf(), line: i + 1, message };
        let record: JsonlRecord = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        let id = match record.id {
            serde_json::Value::String(s) if !s.trim().is_empty() => s,
            serde_json::Value::Number(n) => n.to_string(),
            other => return Err(bad(format!("\"id\" must be a non-empty string or a number, found {other}"))),
        };
        let text = decode_entities(&record.text);
        let doc = Document {
            id,
            title: record.title.map(|t| decode_entities(&t)).unwrap_or_else(|| title_from_text(&text)),
            url: record.url,
            date: record.date,
            text: text.trim().to_string(),
        };
        docs.push((doc, Some(i + 1)));
    }
    Ok(docs)
}

/// Lines that are site chrome, not headlines (seen in scraped Arabic news).
const CHROME: [&str; 8] =
    ["الوضع المظلم", "زر الذهاب إلى الأعلى", "اترك تعليقاً", "اترك تعليقا", "كاريكاتير", "الرئيسية", "الاخبار", "Logo"];

/// Longest title cut from running text, in characters.
const MAX_TITLE_CHARS: usize = 90;

/// A title for plain text: the first of its first lines that reads as a
/// headline (3–20 words, mostly letters, not chrome, not a full sentence
/// ending in a period), else its first sentence cut at a word boundary.
pub fn title_from_text(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if let Some(headline) = lines.iter().take(8).find(|l| reads_as_headline(l)) {
        return headline.trim_end_matches(['.', '،', ':']).to_string();
    }
    let first = lines.first().copied().unwrap_or("");
    let sentence = first.split_inclusive(['.', '؟', '!']).next().unwrap_or(first).trim();
    if sentence.chars().count() <= MAX_TITLE_CHARS {
        return sentence.trim_end_matches('.').to_string();
    }
    let cut: String = sentence.chars().take(MAX_TITLE_CHARS).collect();
    let at_word = cut.rfind(char::is_whitespace).map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches(['،', ',', ':', ';']))
}

fn reads_as_headline(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let digit_words = words.iter().filter(|w| w.chars().any(|c| c.is_numeric())).count();
    (3..=20).contains(&words.len())
        && digit_words * 3 < words.len()
        && !line.ends_with('.')
        && !CHROME.iter().any(|c| line.eq_ignore_ascii_case(c))
}

/// Decodes the HTML entities seen in scraped text: the named ones that matter
/// and every numeric one. Unknown names are left as they are.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest[1..].find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..1 + end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "laquo" => Some('«'),
                "raquo" => Some('»'),
                "hellip" => Some('…'),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                "lsquo" => Some('‘'),
                "rsquo" => Some('’'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end + 2))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A page as a site generator writes it: its title (the first `<h1>` of
/// its content, else `<title>`) and the text of its content: `<main>` or the
/// element marked `data-bahth-body` when the page has one, else `<body>`
/// without `nav`, `header`, `footer` and `aside`. Scripts, styles,
/// templates and elements marked `data-bahth-ignore` are never text.
fn html_to_text(html: &str) -> (Option<String>, String) {
    let lower = html.to_ascii_lowercase();
    let marked = lower.contains("data-bahth-body");
    let has_main = !marked && lower.contains("<main");
    let chrome: &[&str] = if marked || has_main { &[] } else { &["nav", "header", "footer", "aside"] };
    // Open elements: (name, starts the content, hides its text).
    let mut open: Vec<(String, bool, bool)> = Vec::new();
    let (mut text, mut title, mut h1, mut in_title) = (String::new(), String::new(), None::<String>, false);
    let mut heading: Option<String> = None;
    let skip_to = |from: usize, close: &str| lower[from..].find(close).map_or(html.len(), |p| from + p + close.len());
    let mut i = 0;
    while i < html.len() {
        let Some(lt) = html[i..].find('<') else {
            let piece = decode_entities(&html[i..]);
            take_text(&open, marked || has_main, &piece, &mut text, &mut heading, in_title, &mut title);
            break;
        };
        let piece = decode_entities(&html[i..i + lt]);
        take_text(&open, marked || has_main, &piece, &mut text, &mut heading, in_title, &mut title);
        i += lt;
        if lower[i..].starts_with("<!--") {
            i = skip_to(i, "-->");
            continue;
        }
        let end = skip_to(i, ">");
        // (No closing `>`: the tag runs to the end of the page.)
        let tag = lower[i + 1..end].strip_suffix('>').unwrap_or(&lower[i + 1..end]);
        let closing = tag.starts_with('/');
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        i = end;
        if name.is_empty() {
            continue;
        }
        if !closing && matches!(name.as_str(), "script" | "style" | "template" | "textarea") {
            i = skip_to(skip_to(i, &format!("</{name}")), ">"); // raw text: no markup inside
            continue;
        }
        if BLOCK_TAGS.contains(&name.as_str()) {
            text.push('\n');
        } else {
            text.push(' ');
        }
        if name == "title" {
            in_title = !closing;
            continue;
        }
        if closing {
            if let Some(at) = open.iter().rposition(|(n, _, _)| *n == name) {
                if name == "h1" && h1.is_none() {
                    h1 = heading.take().map(|h| h.split_whitespace().collect::<Vec<_>>().join(" "));
                }
                open.truncate(at);
            }
        } else if !VOID_TAGS.contains(&name.as_str()) && !tag.ends_with('/') {
            let root = (marked && tag.contains("data-bahth-body")) || (has_main && name == "main");
            let hidden = tag.contains("data-bahth-ignore") || chrome.contains(&name.as_str());
            if name == "h1" && h1.is_none() && in_content(&open, marked || has_main) {
                heading = Some(String::new());
            }
            open.push((name, root, hidden));
        }
    }
    let title = h1.filter(|h| !h.is_empty()).or_else(|| {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        (!title.is_empty()).then_some(title)
    });
    let lines: Vec<String> =
        text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect();
    (title, lines.join("\n"))
}

/// Is text at this point of the page content? Inside the content root if
/// the page has one, and inside nothing hidden.
fn in_content(open: &[(String, bool, bool)], has_root: bool) -> bool {
    (!has_root || open.iter().any(|e| e.1)) && !open.iter().any(|e| e.2)
}

/// Adds a run of page text where it belongs: the content, the first
/// heading being read, the `<title>`.
fn take_text(
    open: &[(String, bool, bool)],
    has_root: bool,
    piece: &str,
    text: &mut String,
    heading: &mut Option<String>,
    in_title: bool,
    title: &mut String,
) {
    if in_title {
        title.push_str(piece);
    } else if in_content(open, has_root) {
        text.push_str(piece);
        if let Some(h) = heading {
            h.push_str(piece);
        }
    }
}

/// Elements that never have content (and no closing tag).
const VOID_TAGS: [&str; 14] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

const BLOCK_TAGS: [&str; 20] = [
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "main",
    "nav",
    "aside",
    "title",
];

/// Markdown body to text: heading marks and link syntax removed; the first
/// `#` heading is the title.
fn markdown_to_text(md: &str) -> (Option<String>, String) {
    let mut title = None;
    let mut lines = Vec::new();
    for line in md.lines() {
        let trimmed = line.trim_start();
        let text = if trimmed.starts_with('#') {
            let heading = trimmed.trim_start_matches('#').trim();
            if title.is_none() && trimmed.starts_with("# ") {
                title = Some(decode_entities(heading));
            }
            heading
        } else {
            line
        };
        lines.push(strip_md_links(text));
    }
    (title, decode_entities(&lines.join("\n")))
}

/// `[text](url)` → `text`.
fn strip_md_links(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}
