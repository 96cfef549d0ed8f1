//! The `bahth` binary: search over the embedded index and over a folder
//! indexed at run time, and its errors.

use std::process::Command;

fn bahth(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bahth")).args(args).output().unwrap();
    (out.status.success(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn json_search_over_the_embedded_index() {
    let (ok, stdout, _) = bahth(&["search", "--json", "--limit", "1", "تغريدات"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["total"], 2);
    assert_eq!(v["relaxed"], false);
    assert_eq!(v["total_is_estimate"], false);
    assert!(v["took_ms"].as_f64().is_some_and(|ms| ms >= 0.0), "took_ms: {}", v["took_ms"]);
    assert_eq!(v["results"].as_array().unwrap().len(), 1);
    let top = &v["results"][0];
    assert_eq!(top["id"], "000_83672ed39842b44a");
    assert_eq!(top["url"], serde_json::Value::Null);
    // Highlights are UTF-16 offsets: check them the way JS would slice.
    let text: Vec<u16> = top["excerpt"]["text"].as_str().unwrap().encode_utf16().collect();
    let range = &top["excerpt"]["highlights"][0];
    let (s, e) = (range[0].as_u64().unwrap() as usize, range[1].as_u64().unwrap() as usize);
    assert_eq!(String::from_utf16(&text[s..e]).unwrap(), "تغريدات");
}

#[test]
fn human_output_marks_words() {
    let (ok, stdout, _) = bahth(&["search", "البوسعيدي بلينكن"]);
    assert!(ok);
    assert!(stdout.starts_with("1 results\n"), "{stdout}");
    assert!(stdout.contains("⟦البوسعيدي⟧") && stdout.contains("⟦وبلينكن⟧"), "{stdout}");
}

#[test]
fn corpus_folder_at_run_time() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-corpus");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("one.md"), "---\ntitle: مكتبة المدينة\nurl: /one\n---\nزرنا المكتبات العامة").unwrap();
    std::fs::write(dir.join("two.txt"), "").unwrap();
    let (ok, stdout, stderr) = bahth(&["search", "--json", "--corpus", dir.to_str().unwrap(), "والمكتبا"]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("two.txt: skipped, empty"), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["results"][0]["url"], "/one");
    assert_eq!(v["results"][0]["title_highlights"], serde_json::json!([[0, 5]]));
}

#[test]
fn bad_corpus_and_bad_arguments_fail_clearly() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-bad");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("x.txt"), b"ok \xc3\x28").unwrap();
    let (ok, _, stderr) = bahth(&["search", "--corpus", dir.to_str().unwrap(), "x"]);
    assert!(!ok);
    assert_eq!(stderr, format!("bahth: {}/x.txt: not valid UTF-8 at byte offset 3\n", dir.display()));
    let (ok, _, stderr) = bahth(&["search", "--limit", "many", "x"]);
    assert!(!ok);
    assert!(stderr.starts_with("bahth: --limit needs a number, not \"many\"\nusage:"), "{stderr}");
}

#[test]
fn stats_and_suggest() {
    let (ok, stdout, _) = bahth(&["stats"]);
    assert!(ok);
    assert!(stdout.starts_with("documents     5\nterms         "), "{stdout}");
    let (ok, stdout, _) = bahth(&["suggest", "تغري"]);
    assert!(ok);
    assert_eq!(stdout, "تغريدة\nتغريدات\n"); // equally common: shorter first
}
