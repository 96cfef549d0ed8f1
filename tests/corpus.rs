//! Corpus loading on real files: every format, the seeds' titles, and the
//! exact error for each kind of bad input. Files, folders and symlinks only
//! exist natively.
#![cfg(unix)]

use bahth::corpus::{load_dir, Corpus};
use std::path::{Path, PathBuf};

/// A fresh folder under target/ holding the given files.
fn folder(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).unwrap();
    }
    dir
}

fn load(name: &str, files: &[(&str, &[u8])]) -> Result<Corpus, String> {
    let dir = folder(name, files);
    load_dir(&dir).map_err(|e| e.to_string().replace(&format!("{}/", dir.display()), ""))
}

#[test]
fn seed_titles_read_as_headlines() {
    let corpus = load_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))).unwrap();
    let titles: Vec<(&str, &str)> = corpus.documents.iter().map(|d| (&d.id[..3], d.title.as_str())).collect();
    assert_eq!(
        titles,
        [
            ("000", "أعلنت وزارة الخارجية العمانية أن الرئيس السوري بشار الأسد بحث مع الوزير المسؤول عن الشؤون…"),
            ("001", "اتصالا هاتفياً بين المقداد ونظيره العماني لبحث العلاقات الثنائية"),
            ("002", "بن علوي في طهران باحثاً معها عن العلاقات المشتركة"),
            ("003", "البوسعيدي وبلينكن يبحثان تعزيز الأمن في المنطقة"),
            ("004", "لإجراء مشاورات أمنية.. ولي عهد عمان يستقبل الأمين العام لمجلس الأمن الروسي"),
        ]
    );
    assert!(corpus.warnings.is_empty());
}

#[test]
fn every_format() {
    let corpus = load(
        "formats",
        &[
            ("a.md", "---\ntitle: عنوان من الواجهة\nurl: /a.html\ndate: 2024-11-16\n---\n# عنوان داخلي\nنص [الرابط](https://x.y) هنا".as_bytes()),
            ("b.html", b"<html><head><title>T &amp; U</title><style>.x{}</style><script>var s='\xd8\xb3\xd8\xb1';</script></head><body><h1>H</h1><p>one&nbsp;two</p><!-- c --><p>three</p></body></html>"),
            ("c.jsonl", "{\"id\":\"j1\",\"title\":\"أول\",\"url\":\"/j1\",\"text\":\"نص أول\"}\n\n{\"id\":7,\"text\":\"سطر عنوان ثان طويل بما يكفي\\nوالنص\"}\n".as_bytes()),
            ("d.md", "## ليس عنوانا\n# العنوان الأول\nنص".as_bytes()),
            ("e.txt", "الوضع المظلم\nLogo\nهذا عنوان الخبر الحقيقي\nالنص&amp;الباقي".as_bytes()),
            ("e.txt.meta", "title: عنوان من ملف جانبي\nurl: https://example.org/e".as_bytes()),
        ],
    )
    .unwrap();
    let docs: Vec<(&str, &str, Option<&str>, &str)> =
        corpus.documents.iter().map(|d| (d.id.as_str(), d.title.as_str(), d.url.as_deref(), d.text.as_str())).collect();
    assert_eq!(
        docs,
        [
            ("7", "سطر عنوان ثان طويل بما يكفي", None, "سطر عنوان ثان طويل بما يكفي\nوالنص"),
            ("a", "عنوان من الواجهة", Some("/a.html"), "عنوان داخلي\nنص الرابط هنا"),
            ("b", "H", Some("/b.html"), "H\none two\nthree"),
            ("d", "العنوان الأول", None, "ليس عنوانا\nالعنوان الأول\nنص"),
            (
                "e",
                "عنوان من ملف جانبي",
                Some("https://example.org/e"),
                "الوضع المظلم\nLogo\nهذا عنوان الخبر الحقيقي\nالنص&الباقي"
            ),
            ("j1", "أول", Some("/j1"), "نص أول"),
        ]
    );
    assert_eq!(corpus.documents[1].date.as_deref(), Some("2024-11-16"));
}

#[test]
fn txt_title_skips_chrome_and_dates() {
    let corpus = load(
        "chrome",
        &[(
            "x.txt",
            "الاخبار\nالسبت ١٦ / نوفمبر / ٢٠٢٤\nزر الذهاب إلى الأعلى\nعمان وإيران تبحثان التعاون\nنص".as_bytes(),
        )],
    )
    .unwrap();
    assert_eq!(corpus.documents[0].title, "عمان وإيران تبحثان التعاون");
}

#[test]
fn empty_files_are_skipped_with_a_warning_and_others_named() {
    let corpus = load("empty", &[("a.txt", b"  \n\t\n"), ("b.txt", "نص".as_bytes()), ("c.pdf", b"%PDF")]).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    let warnings: Vec<String> = corpus.warnings.iter().map(|w| w.rsplit('/').next().unwrap().to_string()).collect();
    assert_eq!(warnings, ["a.txt: skipped, empty", "c.pdf: skipped, not .txt, .md, .html or .jsonl"]);
}

#[test]
fn invalid_utf8_names_the_file_and_offset() {
    let err = load("utf8", &[("bad.txt", b"\xd9\x86\xd8\xb5 ok \xff more")]).unwrap_err();
    assert_eq!(err, "bad.txt: not valid UTF-8 at byte offset 8");
}

#[test]
fn duplicate_ids_name_both_places() {
    let err = load("dup", &[("x.md", "نص".as_bytes()), ("x.txt", "نص".as_bytes())]).unwrap_err();
    assert_eq!(err, "duplicate document id \"x\": in x.md and in x.txt");
    let err = load("dupjsonl", &[("a.jsonl", b"{\"id\":\"a\",\"text\":\"x\"}\n"), ("a.txt", b"y")]).unwrap_err();
    assert_eq!(err, "duplicate document id \"a\": in a.jsonl:1 and in a.txt");
    let lines = b"{\"id\":\"j\",\"text\":\"x\"}\n\n{\"id\":\"k\",\"text\":\"y\"}\n{\"id\":\"j\",\"text\":\"z\"}\n";
    let err = load("dupline", &[("j.jsonl", lines)]).unwrap_err();
    assert_eq!(err, "duplicate document id \"j\": in j.jsonl:1 and in j.jsonl:4");
}

/// A folder holding `files` (paths may have subfolders) and `links`
/// (symbolic link path → target).
fn tree(name: &str, files: &[(&str, &[u8])], links: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for (file, bytes) in files {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    for (link, target) in links {
        std::os::unix::fs::symlink(target, dir.join(link)).unwrap();
    }
    dir
}

fn strip(dir: &Path, message: &str) -> String {
    message.replace(&format!("{}/", dir.display()), "")
}

#[test]
fn subfolders_are_walked_ids_keep_their_path() {
    let dir = tree(
        "nested",
        &[
            ("a.txt", "نص أ".as_bytes()),
            ("news/2024/b.md", "# عنوان ب\nنص".as_bytes()),
            ("news/c.txt", "نص ج".as_bytes()),
        ],
        &[],
    );
    let corpus = load_dir(&dir).unwrap();
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "news/2024/b", "news/c"]);
    assert_eq!(corpus.documents[1].title, "عنوان ب");
    assert_eq!(corpus.folders.len(), 3);
    assert!(corpus.warnings.is_empty());
}

#[test]
fn hidden_files_and_lone_sidecars_are_skipped_with_a_warning() {
    let dir = tree(
        "hidden",
        &[("a.txt", "نص".as_bytes()), (".draft.txt", b"x"), (".git/config", b"x"), ("gone.txt.meta", b"title: t")],
        &[],
    );
    let corpus = load_dir(&dir).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    let warnings: Vec<String> = corpus.warnings.iter().map(|w| strip(&dir, w)).collect();
    assert_eq!(
        warnings,
        [
            ".draft.txt: skipped, a hidden file",
            ".git: skipped, a hidden folder",
            "gone.txt.meta: skipped, a sidecar without its file"
        ]
    );
    assert_eq!(corpus.summary(), "1 documents from 1 files; 3 skipped (see the warnings)");
}

#[test]
fn a_byte_order_mark_is_dropped() {
    let corpus = load(
        "bom",
        &[
            ("a.txt", "\u{FEFF}عمان وإيران تبحثان التعاون\nنص".as_bytes()),
            ("b.jsonl", "\u{FEFF}{\"id\":\"b\",\"text\":\"نص\"}\n".as_bytes()),
        ],
    )
    .unwrap();
    assert_eq!(corpus.documents[0].title, "عمان وإيران تبحثان التعاون");
    assert_eq!(corpus.documents[1].id, "b");
}

#[test]
fn control_characters_read_as_spaces() {
    let corpus = load(
        "controls",
        &[
            ("a.md", "# عنوان\u{0}مع\u{7}نول\nنص\u{0}هنا\tو\u{1b}هناك".as_bytes()),
            ("b.jsonl", b"{\"id\":\"b\",\"title\":\"t\\u0000u\",\"text\":\"x\\u0001y\"}\n"),
        ],
    )
    .unwrap();
    let a = &corpus.documents[0];
    assert_eq!(a.title, "عنوان مع نول");
    assert_eq!(a.text, "عنوان مع نول\nنص هنا\tو هناك");
    let b = &corpus.documents[1];
    assert_eq!((b.title.as_str(), b.text.as_str()), ("t u", "x y"));
}

#[test]
fn unreadable_paths_and_loops_are_errors_naming_them() {
    let dir = tree("loop", &[("a.txt", "نص".as_bytes())], &[("sub", ".")]);
    assert_eq!(
        strip(&dir, &load_dir(&dir).unwrap_err().to_string()),
        "sub: symbolic link to a folder it is in (a loop)"
    );
    // A link to nothing: the same error as a file that vanished mid-build.
    let dir = tree("dangling", &[("a.txt", "نص".as_bytes())], &[("b.txt", "nowhere.txt")]);
    assert_eq!(strip(&dir, &load_dir(&dir).unwrap_err().to_string()), "b.txt: No such file or directory (os error 2)");
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-corpus");
    assert_eq!(
        load_dir(&missing).unwrap_err().to_string(),
        format!("{}: No such file or directory (os error 2)", missing.display())
    );
}

#[test]
fn malformed_jsonl_names_the_line() {
    let err = load("jsonl", &[("c.jsonl", b"{\"id\":\"1\",\"text\":\"x\"}\n{\"id\":\"2\",\"text\":\n")]).unwrap_err();
    assert_eq!(err, "c.jsonl:2: malformed jsonl: EOF while parsing a value at line 1 column 17");
    let err = load("jsonl2", &[("c.jsonl", b"{\"title\":\"t\",\"text\":\"x\"}\n")]).unwrap_err();
    assert_eq!(err, "c.jsonl:1: malformed jsonl: missing field `id` at line 1 column 24");
    let err = load("jsonl3", &[("c.jsonl", b"{\"id\":null,\"text\":\"x\"}\n")]).unwrap_err();
    assert_eq!(err, "c.jsonl:1: malformed jsonl: \"id\" must be a non-empty string or a number, found null");
}

#[test]
fn malformed_front_matter_names_the_line() {
    let err = load("fm", &[("a.md", b"---\ntitle: ok\nno colon here\n---\nbody")]).unwrap_err();
    assert_eq!(err, "a.md:3: malformed front matter: expected `key: value`, found \"no colon here\"");
    let err = load("fm2", &[("a.md", b"---\ntitle: ok\nbody without end")]).unwrap_err();
    assert_eq!(err, "a.md:1: malformed front matter: opening `---` has no closing `---`");
}

/// A built site (what Hugo, Jekyll, Eleventy or Astro write): nested folders
/// of pages, each read the way the README's "Index your site" says.
#[test]
fn a_built_site_folder() {
    let page = |body: &str| {
        format!("<!doctype html><html><head><title>عنوان الصفحة | الموقع</title></head><body>{body}</body></html>")
    };
    let chrome = "<header><a>الرئيسية</a><h1>اسم الموقع</h1></header><nav>قائمة</nav>";
    let files: Vec<(String, String)> = vec![
        ("index.html".into(), page(&format!("{chrome}<h1>أهلا</h1><p>الصفحة الأولى</p><footer>حقوق</footer>"))),
        ("blog/index.html".into(), page(&format!("{chrome}<main><h1>المدونة</h1><nav>فهرس المدونة</nav><p>كل المقالات</p></main><aside>جانب</aside>"))),
        ("blog/2024/مقال أول.html".into(), page(&format!("{chrome}<article data-bahth-body><h1>مقال</h1><p>نص <span data-bahth-ignore>مخفي</span>المقال</p></article><main>ليس هذا</main>"))),
        ("about.htm".into(), page("<aside>جانب</aside><p>من نحن<script>var x = '<p>لا</p>';</script></p><template><p>قالب</p></template><img src=x alt=y>")),
    ];
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (n.as_str(), t.as_bytes())).collect();
    let dir = folder("site", &[]);
    for (name, bytes) in &files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let corpus = load_dir(&dir).unwrap();
    let docs: Vec<(&str, &str, Option<&str>, &str)> =
        corpus.documents.iter().map(|d| (d.id.as_str(), d.title.as_str(), d.url.as_deref(), d.text.as_str())).collect();
    assert_eq!(
        docs,
        [
            // No <h1> in the content: the <title>; the site chrome is not text.
            ("about", "عنوان الصفحة | الموقع", Some("/about.htm"), "من نحن"),
            ("blog/2024/مقال أول", "مقال", Some("/blog/2024/مقال%20أول.html"), "مقال\nنص المقال"),
            // <main>: all of it, its own <nav> too; nothing outside it.
            ("blog/index", "المدونة", Some("/blog/"), "المدونة\nفهرس المدونة\nكل المقالات"),
            ("index", "أهلا", Some("/"), "أهلا\nالصفحة الأولى"),
        ]
    );
}
