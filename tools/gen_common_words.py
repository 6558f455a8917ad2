"""Regenerate store/lang/en/common_words.txt: frequent English words that are common words.

A word is listed when it is among the 60,000 most frequent English words of wordfreq (data
CC BY-SA 4.0, Robyn Speer and contributors: https://github.com/rspeer/wordfreq) with a Zipf
frequency of 3.0 or more, and Webster's Second International (public domain; the `web2` list
of the english-words package, MIT) has it, or its singular, in lower case. Webster's writes
proper names with a capital, so "john" and "ahmed" are left out while "bell" and "turkey"
stay. Discovery reads the list to tell "Economic Freedom" from "Anwar Raslan". Both packages
are needed only to run this script (`pip install wordfreq english-words`).

    .venv/bin/python tools/gen_common_words.py
"""

from __future__ import annotations

from pathlib import Path

from english_words import get_english_words_set
from wordfreq import top_n_list, zipf_frequency

OUT = Path(__file__).resolve().parent.parent / "store" / "lang" / "en" / "common_words.txt"


def singulars(word: str) -> list[str]:
    out = [word]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return out


def main() -> None:
    lower = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    words = [
        w
        for w in top_n_list("en", 60_000)
        if w.isalpha()
        and w.islower()
        and zipf_frequency(w, "en") >= 3.0
        and any(s in lower for s in singulars(w))
    ]
    header = (
        "# Frequent English common words, one a line (made by tools/gen_common_words.py from\n"
        "# wordfreq, CC BY-SA 4.0, and Webster's Second International, public domain).\n"
    )
    OUT.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words written to {OUT}")


if __name__ == "__main__":
    main()
