"""Trust names read through OCR noise: letterhead lines close to a registered name."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from foi_audit.matching.names import FUZZY_CUTOFF, SUFFIX_WORDS, Index, name_tokens

# "Shropshire Gantnuuliy Health NHS Trust": too far from any name to stand alone, close enough
# to one name, and clearly closer to it than to any other, to count as weak evidence for it.
LOOSE_CUTOFF = 72.0
LOOSE_MARGIN = 6.0
# Words many trusts' names share: a line close to a name only in them ("ean Hospital NHS
# Foundation Trust", torn from "Barnsley Hospital") names no trust firmly.
_SHARED_WORDS = frozenset(
    {"hospital", "hospitals", "university", "healthcare", "health", "community", "care",
     "teaching", "partnership", "general", "royal", "services", "mental", "county", "and", "of"}
)  # fmt: skip
_DISTINCT_LETTERS = 6


def ocr_names(text: str, index: Index) -> list[tuple[str, str, str]]:
    """(trust code, "fuzzy" or "weak", quote) for each line ending like a trust's name.

    The words before "NHS ... Trust" are compared with every name (rapidfuzz ratio, order
    matters, so "University Hospitals Dorset" is not "Dorset HealthCare University"). Names
    scoring within a few points of the best all count as "fuzzy", so near-twins come out
    ambiguous; below the cutoff, one name far ahead of the rest counts as "weak".
    """
    found: list[tuple[str, str, str]] = []
    for line in text.splitlines() or [text]:
        norm, _ = name_tokens(line)
        if "trust" not in norm or len(norm) > 40:
            continue
        end = norm.index("trust")
        while end > 0 and norm[end - 1] in SUFFIX_WORDS:
            end -= 1
        scores: dict[str, float] = {}
        read_as: dict[str, str] = {}  # the words that came closest to each name
        for start in range(max(0, end - 12), end - 1):
            candidate = " ".join(w for w in norm[start:end] if w != "the")
            for _, score, position in process.extract(
                candidate, index.fuzzy_names, scorer=fuzz.ratio, score_cutoff=LOOSE_CUTOFF, limit=3
            ):
                code = index.fuzzy_codes[position]
                if score > scores.get(code, 0.0):
                    scores[code], read_as[code] = score, candidate
        if not scores:
            continue
        quote = " ".join(line.split())[:90]
        ranked = sorted(scores.values(), reverse=True)
        best = ranked[0]
        if best >= FUZZY_CUTOFF:
            found += [
                (code, "fuzzy" if _distinct(read_as[code]) else "weak", quote)
                for code, score in scores.items()
                if score >= best - 3
            ]
        elif len(ranked) == 1 or best - ranked[1] >= LOOSE_MARGIN:
            found += [(code, "weak", quote) for code, score in scores.items() if score == best]
    return found


def _distinct(words: str) -> bool:
    """Whether words read as a name hold enough of their own beyond the words names share."""
    own = "".join(w for w in words.split() if w not in _SHARED_WORDS)
    return len(own) >= _DISTINCT_LETTERS
