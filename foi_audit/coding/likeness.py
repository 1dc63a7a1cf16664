"""How like each of the request's questions a piece of text is, by its content words.

A reply restates a question in its own words: whole ("Does the Trust provide Active Bystander
Training (ABT) to staff?"), as a noun phrase ("Dedicated sexual-safety policy (copy or link)"),
as a heading ("Plans for the training"), renumbered or lettered. Each question's content words
are weighted by how few questions share them (a word only one question uses tells most); a
text's likeness to a question is the weighted share of its own content words that the
question has (precision), tempered by how much of the question it covers (recall). Words are
compared after light stemming and, for OCR slips, fuzzily (rapidfuzz).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

_WORD = re.compile(r"[a-z][a-z'’-]*")
_FUZZY_CUTOFF = 88


@dataclass(frozen=True)
class Likeness:
    question: str
    score: float  # 0..1
    precision: float
    recall: float


def stem(word: str) -> str:
    word = word.strip("'’-").replace("’", "'")
    for suffix in ("'s", "ies", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


# "Active Bystander Training (ABT)": a long form and the acronym it is given
_DEFINED = re.compile(r"((?:[A-Z][a-z]+\s+){1,5})\(([A-Z]{2,6})\)")


def _acronyms(texts: Iterable[str]) -> dict[str, str]:
    """Each acronym the questions define after its capitalised long form ("Active Bystander
    Training (ABT)"), with that long form."""
    found: dict[str, str] = {}
    for text in texts:
        for long, short in _DEFINED.findall(text):
            words = long.split()[-len(short) :]
            if "".join(w[0] for w in words).upper() == short:
                found.setdefault(short, " ".join(words))
    return found


def _caps(text: str) -> set[str]:
    return set(re.findall(r"\b[A-Z]{2,6}\b", text))


COUNT_QUESTION = re.compile(r"\W*(?:q(?:uestion)?\s*\d+\W*)?how (?:many|much)\b", re.I)


class QuestionLikeness:
    """The request's questions as weighted content words."""

    def __init__(self, questions: Sequence[tuple[str, str]], stopwords: Iterable[str]) -> None:
        self.stop = {w.lower() for w in stopwords}
        self.words = {qid: self._content(text) for qid, text in questions}
        # "Active Bystander Training (ABT)" defined by one question, used by others
        spelt = _acronyms(text for _, text in questions)
        self.spelt_out = {
            qid: [self._content(long) for short, long in spelt.items() if short in _caps(text)]
            for qid, text in questions
        }
        # whether the request asks for a number anywhere ("How many ...?")
        self.asks_counts = any(COUNT_QUESTION.match(text) for _, text in questions)
        counts: dict[str, int] = {}
        for words in self.words.values():
            for word in words:
                counts[word] = counts.get(word, 0) + 1
        total = max(len(self.words), 1)
        self.weight = {w: 1.0 + math.log(total / n) for w, n in counts.items()}
        self.vocabulary = sorted(self.weight)

    def _content(self, text: str) -> set[str]:
        words = set()
        for token in _WORD.findall(text.lower().replace("-", " ")):
            if token not in self.stop and len(token) > 1:
                words.add(stem(token))
        return words

    @lru_cache(maxsize=8192)  # noqa: B019 - one matcher per compiled codebook, kept for its life
    def _known(self, word: str) -> str:
        """The request's word this word is, allowing an OCR slip; "" when none."""
        if word in self.weight:
            return word
        if len(word) < 5:
            return ""
        found = process.extractOne(
            word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
        )
        return found[0] if found else ""

    def content_words(self, text: str) -> set[str]:
        """The text's content words, stemmed as the questions' are."""
        return self._content(text)

    def known(self, word: str) -> str:
        """The request's word a content word is (an OCR slip allowed); "" when none."""
        return self._known(word)

    def known_words(self, text: str) -> tuple[int, int]:
        """How many of the text's content words some question of the request uses, of all."""
        words = self._content(text)
        return sum(1 for w in words if self._known(w)), len(words)

    def names_its_acronym(self, text: str, qid: str) -> bool:
        """Whether the text spells out an acronym the question uses ("Plans for active
        bystander training" and "does it plan to introduce ABT?")."""
        words = self._content(text)
        return any(long <= words for long in self.spelt_out.get(qid, ()))

    def rank(self, text: str) -> list[Likeness]:
        """Every question, most like the text first."""
        words = self._content(text)
        if not words:
            return []
        known = {w: self._known(w) for w in words}
        unknown_weight = 1.0  # a word no question uses counts as a typical word
        own_total = sum(
            self.weight.get(k, unknown_weight) if k else unknown_weight for k in known.values()
        )
        result = []
        for qid, qwords in self.words.items():
            hit = {k for k in known.values() if k and k in qwords}
            if not hit:
                continue
            matched = sum(self.weight[w] for w in hit)
            precision = matched / own_total
            recall = matched / sum(self.weight[w] for w in qwords)
            score = (2 * precision * recall / (precision + recall)) if precision + recall else 0.0
            result.append(Likeness(qid, score, precision, recall))
        result.sort(key=lambda x: (x.score, x.precision), reverse=True)
        return result
