//! The JavaScript-facing API in real browsers:
//! `wasm-pack test --headless --chrome` and `--firefox`.
#![cfg(target_arch = "wasm32")]

use bahth::wasm_api::{info, search, suggest, validate_index};
use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn options(limit: u32, offset: u32) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"limit".into(), &limit.into()).unwrap();
    Reflect::set(&o, &"offset".into(), &offset.into()).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn search_returns_plain_objects_of_the_documented_shape() {
    let response = search("البوسعيدي", JsValue::UNDEFINED).unwrap();
    assert!(response.is_object() && !response.is_instance_of::<js_sys::Map>());
    assert_eq!(get(&response, "total").as_f64(), Some(2.0));
    assert_eq!(get(&response, "relaxed").as_bool(), Some(false));
    assert_eq!(get(&response, "total_is_estimate").as_bool(), Some(false));
    let results: Array = get(&response, "results").dyn_into().unwrap();
    assert_eq!(results.length(), 2);
    let top = results.get(0);
    assert_eq!(get(&top, "id").as_string().as_deref(), Some("003_1ab68d328f33aed7"));
    assert_eq!(get(&top, "title").as_string().as_deref(), Some("البوسعيدي وبلينكن يبحثان تعزيز الأمن في المنطقة"));
    assert!(get(&top, "url").is_null(), "a document without url gives null");
    assert!(get(&top, "score").as_f64().unwrap() > 0.0);
    let title_highlights: Array = get(&top, "title_highlights").dyn_into().unwrap();
    assert_eq!(title_highlights.length(), 1);
    let first: Array = title_highlights.get(0).dyn_into().unwrap();
    assert_eq!((first.get(0).as_f64(), first.get(1).as_f64()), (Some(0.0), Some(9.0)));
}

#[wasm_bindgen_test]
fn highlight_offsets_are_utf16_and_cover_the_vowelled_word() {
    // 001 spells "هاتفياً" with tanween: the highlight must slice it whole.
    let response = search("هاتفي ", options(1, 0)).unwrap();
    let top = Array::from(&get(&response, "results")).get(0);
    assert_eq!(get(&top, "id").as_string().as_deref(), Some("001_ef579416f5c6bb28"));
    let excerpt = get(&top, "excerpt");
    let text: JsString = get(&excerpt, "text").dyn_into().unwrap();
    let marked: Vec<String> = Array::from(&get(&excerpt, "highlights"))
        .iter()
        .map(|range| {
            let range = Array::from(&range);
            let (start, end) = (range.get(0).as_f64().unwrap() as u32, range.get(1).as_f64().unwrap() as u32);
            String::from(text.slice(start, end))
        })
        .collect();
    assert!(marked.contains(&"هاتفياً".to_string()), "{marked:?}");
    assert!(marked.iter().all(|m| m.starts_with("هاتفي") || m.starts_with("الهاتفي")), "{marked:?}");
}

#[wasm_bindgen_test]
fn paging_and_relaxed() {
    let all = search("العلاقات ", options(10, 0)).unwrap();
    let page2 = search("العلاقات ", options(2, 2)).unwrap();
    assert_eq!(get(&all, "total").as_f64(), get(&page2, "total").as_f64());
    let ids = |r: &JsValue| -> Vec<String> {
        Array::from(&get(r, "results")).iter().map(|h| get(&h, "id").as_string().unwrap()).collect()
    };
    assert_eq!(ids(&page2), ids(&all)[2..4]);
    let relaxed = search("طهران بلينكن ", JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&relaxed, "relaxed").as_bool(), Some(true));
    assert_eq!(get(&relaxed, "total").as_f64(), Some(2.0));
}

#[wasm_bindgen_test]
fn hostile_and_empty_queries_return_empty_lists() {
    for q in ["", "   ", "؟!،", "َ ُ ّ", "\"", "-", "<img src=x onerror=alert(1)>", &"ب".repeat(10_000)] {
        let response = search(q, JsValue::UNDEFINED).unwrap();
        assert!(Array::is_array(&get(&response, "results")), "{q:?}");
    }
    assert_eq!(get(&search("   ", JsValue::UNDEFINED).unwrap(), "total").as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
fn bad_options_throw_with_a_message() {
    let bad = Object::new();
    Reflect::set(&bad, &"limit".into(), &"ten".into()).unwrap();
    let err = search("عمان", bad.into()).unwrap_err();
    let message = String::from(js_sys::Error::from(JsValue::from(err)).message());
    assert_eq!(message, "search options: limit must be a whole number ≥ 0");
    let err = search("عمان", JsValue::from_str("ten")).unwrap_err();
    let message = String::from(js_sys::Error::from(JsValue::from(err)).message());
    assert_eq!(message, "search options: expected an object like { limit: 10, offset: 0 }");
}

#[wasm_bindgen_test]
fn suggest_and_info() {
    let words: Vec<String> = suggest("البوس", Some(5)).iter().map(|w| w.as_string().unwrap()).collect();
    assert_eq!(words, ["البوسعيدي"]);
    let info = info();
    assert_eq!(get(&info, "documents").as_f64(), Some(5.0));
    assert_eq!(get(&info, "version").as_f64(), Some(5.0));
    assert!(get(&info, "terms").as_f64().unwrap() > 500.0);
    assert_eq!(get(&info, "index_bytes").as_f64(), Some(bahth::INDEX_BYTES.len() as f64));
}

#[wasm_bindgen_test]
fn foreign_bytes_are_an_error_not_a_panic() {
    let err = validate_index(b"PK\x03\x04 not an index").unwrap_err();
    let message = String::from(js_sys::Error::from(JsValue::from(err)).message());
    assert_eq!(message, "not a bahth index (the bytes do not start with \"BAHTHIDX\")");
    assert_eq!(validate_index(bahth::INDEX_BYTES).unwrap(), 5);
}

#[wasm_bindgen_test]
fn corrections_are_listed_and_can_be_turned_off() {
    let response = search("الخاجرية ", JsValue::UNDEFINED).unwrap();
    let corrections = Array::from(&get(&response, "corrections"));
    assert_eq!(corrections.length(), 1);
    let first = corrections.get(0);
    assert_eq!(get(&first, "from").as_string().as_deref(), Some("الخاجرية"));
    assert_eq!(get(&first, "to").as_string().as_deref(), Some("الخارجية"));
    assert_eq!(get(&response, "total").as_f64(), Some(4.0));

    let as_typed = Object::new();
    Reflect::set(&as_typed, &"correct".into(), &false.into()).unwrap();
    let response = search("الخاجرية ", as_typed.into()).unwrap();
    assert_eq!(get(&response, "total").as_f64(), Some(0.0));
    assert_eq!(Array::from(&get(&response, "corrections")).length(), 0);

    let bad = Object::new();
    Reflect::set(&bad, &"correct".into(), &"no".into()).unwrap();
    let err = search("عمان", bad.into()).unwrap_err();
    let message = String::from(js_sys::Error::from(JsValue::from(err)).message());
    assert_eq!(message, "search options: correct must be true or false");
}
