#!/usr/bin/env python3
"""Writes the Quran golden set (tests/golden/quran.tsv) from hand-written
patterns over the Uthmani text of npm quran-json, independently of bahth's
analyzer.

    python3 tests/golden/quran_oracle.py [QURAN_JSONL] > tests/golden/quran.tsv

Each query word has two patterns over a verse's words, written against the
word's letters as the Quran writes them (vowels and Quranic marks removed;
the dagger alef ٰ, the small letters ۥ ۦ ۧ, ٱ and hamza seats kept):

- MUST: the forms a reader who types the query expects to find (the word,
  with the conjunctions, prepositions and article Arabic glues on, and the
  fused vocative يٰ). Every verse with a MUST form of every query word must be
  returned.
- MAY: MUST plus the forms a light stemmer may also bring (suffixes of
  plural, dual, pronouns) and spelling collisions the notes explain. Nothing
  outside them may be returned.

The test (tests/quran.rs) checks MUST ⊆ results ⊆ MAY for every query. The
patterns were written by reading the word lists they select (print them with
--words), not by running bahth.
"""
import json
import re
import sys
from pathlib import Path

# Spaces and the Quranic signs that stand between words (۞ is glued to the
# word after it in this text).
SEPARATORS = re.compile("[\\s\u06DD\u06DE\u06E9]+")
MARKS = re.compile("[\u0610-\u061A\u064B-\u065F\u06D6-\u06DC\u06DF-\u06E4\u06E8\u06EA-\u06ED\u0640]")
# Conjunction, preposition, article (لل is ل + ال), or the fused vocative يٰ.
PREFIX = "(?:يٰٓ?|[وف]?[بك]?ٱل|[وف]?لل|[وف]?[بكل]?)"
# Suffixes a light stemmer removes: pronouns, plural and dual endings.
SUFFIX = "(?:ه|هۥ|هۦ|ها|هم|هما|كم|كما|نا|ي|ان|ين|ون|ات|ة|ت|تي|ته|تهۥ|تها|تهم|تكم|تنا|يه|ية|ا|وا)?"

# (query, [(MUST core, MAY core) per query word], note[, surahs]). Cores are
# regular expressions for the word without its prefix (and, for MUST, without
# a suffix). Verses of the surahs named (titles say "سورة مريم ٣") MAY be
# returned when the title stands for one of the query's words.
QUERIES = [
    ("يوم القيامة", [("يوم", "يوم"), ("قيٰمة", "قيٰمة|قيٰما|قيام")], "dagger alef read as ا", ["القيامة"]),
    ("القيامة", [("قيٰمة", "قيٰمة|قيٰما|قيام")], "dagger alef read as ا; MAY: the stem قيام (standing)", ["القيامة"]),
    ("الصلاة", [("صلوٰة|صلاة", "صلوٰة|صلوٰت|صلاة|صلات")], "وٰ read as ا"),
    ("الزكاة", [("زكوٰة", "زكوٰة")], "وٰ read as ا"),
    ("الحياة الدنيا", [("حيوٰة|حياة", "حيوٰة|حياة|حيات"), ("دنيا", "دنيا")], "وٰ read as ا"),
    ("الكتاب", [("كتٰب|كتاب", "كتٰب|كتاب")], "dagger alef read as ا"),
    ("القرآن", [("قرءان", "قرءان")], "ءا read as آ"),
    ("القرءان", [("قرءان", "قرءان")], "typed in Uthmani spelling"),
    ("ابراهيم", [("إبرٰه[ۧي]م", "إبرٰه[ۧي]م")], "dagger alef; small high yeh read as ي", ["ابراهيم"]),
    ("مريم", [("مريم", "مريم")], "the vocative يٰمريم", ["مريم"]),
    ("موسى", [("موسىٰ?", "موسىٰ?")], "ىٰ read as ى; the vocative يٰموسى"),
    ("عيسى", [("عيسىٰ?", "عيسىٰ?")], "ىٰ read as ى; the vocative يٰعيسى"),
    ("رب العالمين", [("رب", "رب"), ("عٰلمين", "عٰلمين")], "برب: a clitic on a two-letter word"),
    ("برب", [("رب", "رب")], "typed with its clitic: رب, برب, لرب"),
    ("الرحمن الرحيم", [("رحمٰن", "رحمٰن"), ("رحيم", "رحيم|رحيما")], "dagger alef deleted", ["الرحمن"]),
    ("الرحمن", [("رحمٰن", "رحمٰن|رحمنٰ")], "dagger alef deleted; MAY: رحمنٰهم (we had mercy on them) has the stem رحمن", ["الرحمن"]),
    ("السماوات والأرض", [("سمٰوٰت|سمٰوات", "سمٰوٰت|سمٰوات"), ("أرض", "أرض")], "two dagger alefs"),
    ("السموات", [("سمٰوٰت|سمٰوات", "سمٰوٰت|سمٰوات|سمو")], "the other standard spelling; MAY: سموهم (name them) has the stem سمو"),
    ("داود", [("داوۥد", "داوۥد")], "small waw deleted"),
    ("النبيين", [("نبيۧن", "نبيۧن|نبي|نبئ")], "small high yeh read as ي; MAY: ئ folds to ي, so نبئ (tell) meets نبي"),
    ("آمنوا", [("ءامنوا|امنوا", "ءامنوا|ءامن|امنوا")], "ءا at the start read as آ (فَـَٔامِنُواْ too)"),
    ("الملائكة", [("ملٰئكة", "ملٰئكة|ملٰئكت")], "dagger alef after tatweel"),
    ("أيها الناس", [("أيها", "أيها|ءاية|أية|اية"), ("ناس", "ناس")], "the vocative يٰٓأيها; MAY: آية shares أيها's light stem ايه", ["الناس"]),
    ("قوم", [("قوم", "قوم|قومي|قومنا|قوٰم")], "the vocative يٰقوم; MAY: قوّامين read without its dagger alef"),
    ("الإنسان", [("إنسٰن", "إنسٰن|إنس|إنسيا|أنسىٰه|أنسىٰنيه|أنسيٰكم|ينسىٰ|أنسىٰ|ءانس")], "dagger alef read as ا; MAY: the light stem انس (الإنس, أنساه)", ["الانسان"]),
    ("العالمين", [("عٰلمين", "عٰلمين|عٰلم|عٰلمون")], "dagger alef read as ا; MAY: the stem عالم (knower)"),
    ("هارون", [("هٰرون", "هٰرون|هار")], "dagger alef and the vocative يٰهٰرون; MAY: the stem هار"),
    ("نوح", [("نوح", "نوح|نوحي")], "the vocative يٰنوح; MAY: نوحيها (we reveal it) has the stem نوح", ["نوح"]),
    ("سليمان", [("سليمٰن", "سليمٰن|سليم")], "dagger alef read as ا; MAY: the stem سليم"),
    ("إسماعيل", [("إسمٰعيل", "إسمٰعيل")], "dagger alef read as ا"),
    ("لقمان", [("لقمٰن", "لقمٰن")], "dagger alef read as ا", ["لقمان"]),
    ("فرعون", [("فرعون", "فرعون|فرع|رٰعون|رعون")], "plain spelling, with the vocative يٰفرعون; MAY: the stem فرع, and فرعون read as ف + رعون"),
    ("جهنم", [("جهنم", "جهنم")], "plain spelling"),
    ("الصراط المستقيم", [("صرٰط", "صرٰط"), ("مستقيم", "مستقيم|مستقيما")], "dagger alef read as ا"),
    ("الشيطان", [("شيطٰن", "شيطٰن|شيٰطين")], "dagger alef read as ا"),
    ("الظالمين", [("ظٰلمين|ظالمين", "ظٰلم|ظٰلمين|ظٰلمون|ظالم|ظالمين|ظالمي")], "dagger alef read as ا"),
    ("الصابرين", [("صٰبرين|صابرين", "صٰبر|صٰبرين|صٰبرون|صٰبرٰت|صابر")], "dagger alef read as ا"),
    ("المؤمنين", [("مؤمنين", "مؤمن|مؤمنين|مؤمنون|مؤمنٰت")], "plain spelling", ["المؤمنون"]),
    ("آيات", [("ءايٰت|أيٰت|ءايات|ايٰت", "ءاية|ءايٰت|أيٰت|ءايات|ايٰت|أية")], "ءا and dagger alef; الآيات is written ٱلۡأٓيَٰتِ"),
    ("الأنهار", [("أنهٰر", "أنهٰر|ٱنهار")], "dagger alef read as ا; MAY: فٱنهار (it collapsed) is ف + انهار"),
    ("أولئك", [("أولٰئك", "أولٰئك|أولٰئكم")], "dagger alef deleted"),
    ("الصالحات", [("صٰلحٰت", "صٰلح|صٰلحٰت|صٰلحين|صٰلحون|صلح|صلحا")], "two dagger alefs; MAY: صلح, the stem of the reading without them"),
    ("زكريا", [("زكريا", "زكريا")], "the vocative يٰزكريا"),
    ("يحيى", [("يحيىٰ", "يحيىٰ|يحيۦ|يحيي|يحي|يحۧي")],
     "ىٰ read as ى; folding ى to ي also meets the verb يحيي (يُحۡيِۦ)"),
]


def skeleton(word):
    return MARKS.sub("", word)


def main():
    path = Path(sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else
                Path.home() / ".cache/bahth-corpora/quran/quran.jsonl")
    verses = [json.loads(line) for line in path.open(encoding="utf-8")]
    words_of = {v["id"]: {skeleton(w) for w in SEPARATORS.split(v["text"]) if w} for v in verses}
    show_words = "--words" in sys.argv
    print("query\tmust\tmay_also\tnote")
    surah_of = {v["id"]: v["title"].rsplit(" ", 1)[0].removeprefix("سورة ") for v in verses}
    for query, cores, note, *titles in QUERIES:
        surahs = set(titles[0]) if titles else set()
        must_res = [re.compile(f"{PREFIX}(?:{m})") for m, _ in cores]
        may_res = [re.compile(f"{PREFIX}(?:{m}){SUFFIX}") for _, m in cores]
        must = [vid for vid, ws in words_of.items() if all(any(r.fullmatch(w) for w in ws) for r in must_res)]
        may = [vid for vid, ws in words_of.items()
               if sum(any(r.fullmatch(w) for w in ws) for r in may_res) >= len(may_res) - (surah_of[vid] in surahs)]
        assert set(must) <= set(may), query
        also = [vid for vid in may if vid not in set(must)]
        if show_words:
            for r in may_res:
                found = sorted({w for ws in words_of.values() for w in ws if r.fullmatch(w)})
                print(f"# {query}: {' '.join(found)}", file=sys.stderr)
        print(f"{query}\t{','.join(must)}\t{','.join(also) or '-'}\t{note}")


if __name__ == "__main__":
    main()
