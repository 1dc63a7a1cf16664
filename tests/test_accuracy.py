"""Coding accuracy on whole corpora of replies, as a ratchet: it may only go up.

tests/fixtures/corpus_b/ to corpus_zzzzzzzzx/ are corpora of SYNTHETIC replies for real trusts, each
written independently of the coding engine (its own wording and layouts) with the gold coding a
careful human records, then used to improve the engine. The floors are the accuracy measured
when they were last raised; a change that lowers one fails here. Raise them when coding improves.
"""

from __future__ import annotations

import csv
import os
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from foi_audit.coding import load_codebook
from foi_audit.coding.codebook import default_codebook_path
from foi_audit.dataset.layout import Layout
from foi_audit.ingest.pipeline import IngestOptions, ingest
from foi_audit.quality.evaluate import Evaluation, evaluate
from foi_audit.readers.tesseract import RECORD_ENV, RECORDINGS_ENV

FIXTURES = Path(__file__).parent / "fixtures"
FIELDS = (
    "response_status", "exemptions", "policy", "abt_provided", "abt_delivery", "abt_provider",
    "abt_mandatory", "abt_sh_module", "abt_planned", "dasv_lead", "dasv_lead_name",
    "dasv_lead_role",
)  # fmt: skip

# corpus: field -> (accuracy, accuracy on values not flagged needs_review).
# corpus_b measured 1.0 everywhere (second coding round); its floors sit one trust in 32 below,
# so one reply moved by a reader change does not block and a second regression fails.
FLOORS: dict[str, dict[str, tuple[float, float]]] = {
    "corpus_b": dict.fromkeys(FIELDS, (0.96, 0.96)),
    # corpus_c: measured 0.83-0.97 as a holdout (second coding round); after the third round
    # 1.0 on every field but response_status and policy (0.967: one scanned table whose OCR
    # lost two rows, flagged). Floors one trust in 30 below, as for corpus_b.
    "corpus_c": {
        **dict.fromkeys(FIELDS, (0.96, 0.96)),
        "response_status": (0.93, 0.96),
        "policy": (0.93, 0.96),
        "abt_planned": (0.96, 1.0),  # the holdout floor on unflagged values was already 1.0
    },
    # corpus_d: the third independent holdout, measured before it was used for development
    # (after the third coding round): accuracy 0.75-0.97, not flagged 0.86-1.0. After the fourth
    # round: accuracy 0.84-1.0 and 1.0 on every value not flagged (the rest is flagged); floors
    # one trust in 32 below, never under the holdout measurement. Seventh round: 0.94-1.0.
    "corpus_d": {
        "response_status": (0.90, 0.96),
        "exemptions": (0.96, 0.96),
        "policy": (0.93, 0.96),
        "abt_provided": (0.93, 0.96),
        "abt_delivery": (0.93, 1.0),
        "abt_provider": (0.96, 0.96),
        "abt_mandatory": (0.93, 1.0),
        "abt_sh_module": (0.93, 1.0),
        "abt_planned": (0.93, 0.96),
        "dasv_lead": (0.96, 1.0),
        "dasv_lead_name": (0.96, 1.0),
        "dasv_lead_role": (0.96, 0.96),
    },
    # corpus_e: the fourth independent holdout, measured before it was used for development
    # (after the fourth coding round): accuracy 0.80-1.0, every unflagged value right. After the
    # fifth round 0.93-1.0 (one trust in 30 below where one reply is still flagged).
    "corpus_e": {
        "response_status": (0.96, 1.0),
        "exemptions": (1.0, 1.0),
        "policy": (1.0, 1.0),
        "abt_provided": (1.0, 1.0),
        "abt_delivery": (0.96, 1.0),
        "abt_provider": (0.96, 1.0),
        "abt_mandatory": (0.96, 1.0),
        "abt_sh_module": (0.96, 1.0),
        "abt_planned": (1.0, 1.0),
        "dasv_lead": (0.90, 1.0),
        "dasv_lead_name": (0.93, 1.0),
        "dasv_lead_role": (0.90, 1.0),
    },
    # corpus_f: the fifth independent holdout, measured before it was used for development
    # (after the fifth coding round): accuracy 0.77-0.97; unflagged 1.0 but for exemptions
    # (0.89) and response_status (0.94): sections leaking from other requests on a log page.
    # After the sixth round: accuracy 0.90-1.0 and every unflagged value right; floors one
    # trust in 30 below, never under the earlier floors.
    "corpus_f": {
        "response_status": (0.86, 1.0),
        "exemptions": (0.90, 0.95),
        "policy": (0.86, 1.0),
        "abt_provided": (0.90, 1.0),
        "abt_delivery": (0.86, 1.0),
        "abt_provider": (0.96, 1.0),
        "abt_mandatory": (0.93, 1.0),
        "abt_sh_module": (0.93, 1.0),
        "abt_planned": (0.93, 1.0),
        "dasv_lead": (0.90, 1.0),
        "dasv_lead_name": (0.93, 1.0),
        "dasv_lead_role": (0.90, 1.0),
    },
    # corpus_g: the sixth independent holdout. First seen (after the seventh coding round): on
    # the 24 of 26 trusts matched, every field 0.96-1.0 and three unflagged errors; two emails
    # unmatched. After the fixes that followed: 0.96-1.0, every unflagged value right.
    "corpus_g": dict.fromkeys(FIELDS, (0.92, 0.96)),
    # corpus_h: r1 'realistic layouts' holdout (longer requests, forwarded chains, joint
    # replies, logs). First seen (before the round-1 coding work): accuracy 0.62-0.96 (mean 0.74), 24% of unflagged values wrong.
    # Floors: measured after round 3, one trust below.
    "corpus_h": {
        "response_status": (0.82, 0.95),
        "exemptions": (0.96, 0.96),
        "policy": (0.92, 0.98),
        "abt_provided": (0.94, 0.98),
        "abt_delivery": (0.96, 0.98),
        "abt_provider": (0.94, 0.98),
        "abt_mandatory": (0.94, 0.98),
        "abt_sh_module": (0.96, 0.98),
        "abt_planned": (0.94, 0.98),
        "dasv_lead": (0.90, 0.98),
        "dasv_lead_name": (0.94, 0.98),
        "dasv_lead_role": (0.92, 0.98),
    },
    # corpus_i: r1 'real replies' structures' holdout (disclosure logs, request-site threads,
    # mergers). First seen: accuracy 0.78-0.91 (mean 0.77), 21.5% of unflagged values wrong.
    # Floors: measured after round 3, one trust below.
    "corpus_i": {
        "response_status": (0.82, 0.92),
        "exemptions": (0.91, 0.93),
        "policy": (0.91, 0.93),
        "abt_provided": (0.95, 0.95),
        "abt_delivery": (0.93, 0.93),
        "abt_provider": (0.93, 0.93),
        "abt_mandatory": (0.91, 0.93),
        "abt_sh_module": (0.95, 0.95),
        "abt_planned": (0.95, 0.95),
        "dasv_lead": (0.93, 0.95),
        "dasv_lead_name": (0.95, 0.95),
        "dasv_lead_role": (0.95, 0.95),
    },
    # corpus_j: r2 mixed-format holdout. First seen (after round 1): mean accuracy 0.92, 2.1% of unflagged wrong.
    # Floors: measured after round 3, one trust below.
    "corpus_j": {
        "response_status": (0.86, 0.98),
        "exemptions": (0.96, 0.98),
        "policy": (0.89, 0.94),
        "abt_provided": (0.86, 0.96),
        "abt_delivery": (0.93, 0.98),
        "abt_provider": (0.89, 0.96),
        "abt_mandatory": (0.89, 0.96),
        "abt_sh_module": (0.94, 0.98),
        "abt_planned": (0.87, 0.94),
        "dasv_lead": (0.93, 0.98),
        "dasv_lead_name": (0.94, 0.98),
        "dasv_lead_role": (0.91, 0.96),
    },
    # corpus_k: r3 threads holdout (chains, joint replies, logs, out-of-scope bodies). First seen (round 3):
    # mean accuracy 0.80, 16% of unflagged wrong (5 trusts unmatched: partners named in signatures).
    # Floors: measured after round 3, one trust below.
    "corpus_k": {
        "response_status": (0.85, 0.95),
        "exemptions": (0.93, 0.95),
        "policy": (0.89, 0.95),
        "abt_provided": (0.85, 0.95),
        "abt_delivery": (0.85, 0.93),
        "abt_provider": (0.89, 0.95),
        "abt_mandatory": (0.87, 0.95),
        "abt_sh_module": (0.91, 0.95),
        "abt_planned": (0.93, 0.95),
        "dasv_lead": (0.85, 0.95),
        "dasv_lead_name": (0.91, 0.95),
        "dasv_lead_role": (0.87, 0.95),
    },
    # corpus_l: r3 voices holdout (answers in each officer's own voice). First seen (round 3): mean accuracy
    # 0.91, 3.3% of unflagged wrong.
    # Floors: measured after round 3, one trust below.
    "corpus_l": {
        "response_status": (0.82, 0.95),
        "exemptions": (0.98, 0.98),
        "policy": (0.80, 0.86),
        "abt_provided": (0.96, 0.98),
        "abt_delivery": (0.96, 0.98),
        "abt_provider": (0.94, 0.98),
        "abt_mandatory": (0.92, 0.95),
        "abt_sh_module": (0.92, 0.95),
        "abt_planned": (0.96, 0.95),
        "dasv_lead": (0.84, 0.95),
        "dasv_lead_name": (0.88, 0.95),
        "dasv_lead_role": (0.86, 0.98),
    },
    # corpus_m: r4 holdout (30 trusts, every format, written by a helper that never saw the
    # code). First seen (after round 3): accuracy 0.90-1.0 (mean 0.986), 6.1% flagged, one
    # unflagged error ("There is not, however, a stand-alone policy", fixed since).
    "corpus_m": {
        **dict.fromkeys(FIELDS, (0.96, 0.96)),
        "response_status": (0.86, 0.96),
        "abt_planned": (0.93, 0.96),
    },
    # corpus_n: r5_plain holdout (40 trusts, ordinary house styles in awkward wording, longer
    # requests with unrelated questions). First seen: 0.958 pooled, 6.9% flagged, 2.0% of
    # unflagged values wrong (negation scope, sub-questions after "?", a holder named in the
    # next sentence: fixed since).
    "corpus_n": {
        **dict.fromkeys(FIELDS, (0.97, 0.97)),
        "response_status": (0.92, 0.94),
        "exemptions": (0.95, 0.94),
        "policy": (0.85, 0.94),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.92, 0.97),
    },
    # corpus_o: r5_files holdout (35 trusts; how files arrive: an appendix sharing the covering
    # letter's reference, a merged trust's letterhead, a joint letter, three out-of-scope
    # bodies, a researcher's coding sheet). First seen: 0.957 pooled, 11.4% flagged, 1.6% of
    # unflagged values wrong; every file matched right, the bodies out of scope, the sheet
    # skipped.
    "corpus_o": {
        **dict.fromkeys(FIELDS, (0.97, 0.97)),
        "response_status": (0.94, 0.97),
        "policy": (0.91, 0.94),
        "abt_provided": (0.94, 0.97),
        "abt_delivery": (0.94, 0.97),
        "abt_mandatory": (0.88, 0.94),
        "abt_sh_module": (0.91, 0.97),
        "dasv_lead": (0.94, 0.97),
        "dasv_lead_role": (0.88, 0.93),
    },
    # corpus_p: r6_hedged holdout (40 trusts; hedged and qualified answers, modality with
    # dates, negations, several people per answer, tables out of question order). First seen:
    # 0.948 pooled, 5.6% flagged, 3.3% of unflagged values wrong (names in capitals, a past
    # pilot read as a plan, the provider among bodies named in passing: fixed since).
    "corpus_p": {
        **dict.fromkeys(FIELDS, (0.97, 0.97)),
        "response_status": (0.85, 0.97),
        "exemptions": (0.95, 0.97),
        "policy": (0.92, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.95, 0.94),
        "dasv_lead": (0.90, 0.92),
        "dasv_lead_name": (0.90, 0.89),
        "dasv_lead_role": (0.92, 0.92),
    },
    # corpus_q: r6_mixedbag holdout (35 trusts, 46 files: request-site pages, acknowledgements,
    # corrections and late answers, group letterheads, text boxes). First seen: 0.817 pooled,
    # 11.2% flagged, 16.9% of unflagged values wrong, 60 of 63 on 5 trusts left unmatched (a
    # request site's "Similar requests" read as the signature; a group letter): fixed since.
    "corpus_q": {
        **dict.fromkeys(FIELDS, (0.97, 0.97)),
        "response_status": (0.91, 0.97),
        "policy": (0.91, 0.97),
        "abt_provided": (0.94, 0.97),
        "abt_delivery": (0.94, 0.97),
        "abt_provider": (0.94, 0.97),
        "abt_mandatory": (0.94, 0.97),
        "abt_sh_module": (0.91, 0.93),
        "dasv_lead": (0.91, 0.97),
        "dasv_lead_name": (0.94, 0.97),
        "dasv_lead_role": (0.94, 0.97),
    },
    # corpus_r: r7_regions holdout (40 trusts; office styles from a teaching hospital's legal
    # letter to a two-line e-mail, "see our answer to question 2", numbers beside yes/no,
    # unusual policy names). First seen: 0.931 pooled, 11.2% flagged, 1.4% of unflagged
    # values wrong.
    "corpus_r": {
        **dict.fromkeys(FIELDS, (0.97, 0.97)),
        "response_status": (0.87, 0.97),
        "policy": (0.90, 0.97),
        "abt_provided": (0.85, 0.94),
        "abt_delivery": (0.90, 0.94),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.90, 0.97),
        "abt_sh_module": (0.87, 0.94),
        "abt_planned": (0.90, 0.94),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.92, 0.97),
    },
    # corpus_s: r7_bmjlike holdout (60 trusts, a real survey's distribution, short replies from
    # independent phrase templates). First seen: 0.918 pooled, 11.4% flagged, 4.1% of
    # unflagged values wrong (12 of 26 on a spreadsheet whose only trust name is a footer row
    # "Response prepared by the FOI Team, X"; names beside "appointed"; posts in the
    # possessive: fixed since).
    "corpus_s": {
        **dict.fromkeys(FIELDS, (0.98, 0.98)),
        "response_status": (0.86, 0.96),
        "exemptions": (0.96, 0.96),
        "policy": (0.91, 0.98),
        "abt_provided": (0.91, 0.98),
        "abt_mandatory": (0.96, 0.98),
        "abt_planned": (0.86, 0.94),
        "dasv_lead": (0.90, 0.98),
        "dasv_lead_name": (0.95, 0.98),
        "dasv_lead_role": (0.91, 0.98),
    },
    # corpus_t: r8_longreq holdout (40 trusts; the study's questions inside longer requests
    # numbered the trust's own way, with unrelated answers that must not leak: mandatory
    # conflict-resolution training, chaperone policies, Freedom to Speak Up Guardians). First
    # seen: 0.842 pooled, 12.9% flagged, 9.3% of unflagged values wrong.
    "corpus_t": {
        # corpus_t's gold leaves out sections cited for the longer request's other questions;
        # CODING_NOTES counts them ("anything"), as later corpora do: they are counted and
        # flagged (section_for_another_question), so these two floors sit lower since round 13
        "response_status": (0.80, 0.91),
        "exemptions": (0.82, 0.90),
        "policy": (0.87, 0.94),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.92, 0.94),
        "abt_mandatory": (0.92, 0.92),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.85, 0.92),
        "dasv_lead_name": (0.85, 0.89),
        "dasv_lead_role": (0.90, 0.94),
    },
    # corpus_u: r8_outcomes holdout (40 trusts; deferred parts, parts withheld, internal
    # reviews that change an answer, holding mails, several people beside the DASV lead).
    # First seen: 0.890 pooled, 13.1% flagged, 7.7% of unflagged values wrong.
    "corpus_u": {
        "response_status": (0.77, 0.94),
        "exemptions": (0.97, 0.97),
        "policy": (0.90, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.90, 0.91),
        "dasv_lead_name": (0.92, 0.91),
        "dasv_lead_role": (0.90, 0.91),
    },
    # corpus_v: r8_logs holdout (40 trusts; disclosure-log pages with other requests, request-
    # site threads, forwarded and printed mails, joint replies, multi-page scans). First seen:
    # 0.850 pooled, 15.4% flagged, 8.9% of unflagged values wrong (24 of 36 on 2 trusts left
    # unmatched: a mail printed to a file, a thread with "Similar requests" under a rule).
    "corpus_v": {
        "response_status": (0.80, 0.94),
        "exemptions": (0.95, 0.94),
        "policy": (0.87, 0.97),
        "abt_provided": (0.90, 0.97),
        "abt_delivery": (0.90, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.90, 0.97),
        "abt_sh_module": (0.87, 0.94),
        "abt_planned": (0.95, 0.94),
        "dasv_lead": (0.82, 0.94),
        "dasv_lead_name": (0.87, 0.94),
        "dasv_lead_role": (0.85, 0.97),
    },
    # corpus_w: r9_prose holdout (40 trusts; replies in prose, in their own order, answers
    # merged into one sentence, very short mails). First seen: 0.867 pooled, 25.0% flagged, 0.8%
    # of unflagged values wrong (a letterhead line with "|" read as a table row of another
    # question swallowed the prose below it: fixed since).
    "corpus_w": {
        "response_status": (0.75, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.82, 0.91),
        "abt_provided": (0.82, 0.97),
        "abt_delivery": (0.87, 0.97),
        "abt_provider": (0.92, 0.97),
        "abt_mandatory": (0.87, 0.94),
        "abt_sh_module": (0.92, 0.97),
        "abt_planned": (0.85, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # corpus_x: r9_tables holdout (40 trusts; answers in tables and sheets of every layout).
    # First seen: 0.952 pooled, 10.2% flagged, 1.9% of unflagged values wrong.
    "corpus_x": {
        "response_status": (0.87, 0.94),
        "exemptions": (0.95, 0.95),
        "policy": (0.92, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.92, 0.94),
        "abt_planned": (0.95, 0.94),
        "dasv_lead": (0.87, 0.91),
        "dasv_lead_name": (0.90, 0.92),
        "dasv_lead_role": (0.92, 0.97),
    },
    # corpus_y: r9_survey holdout (60 trusts, a national survey's distribution, every voice and
    # layout). First seen: 0.968 pooled, 7.6% flagged, 0.9% of unflagged values wrong.
    "corpus_y": {
        "response_status": (0.91, 0.98),
        "exemptions": (0.96, 0.98),
        "policy": (0.93, 0.96),
        "abt_provided": (0.95, 0.98),
        "abt_delivery": (0.95, 0.94),
        "abt_provider": (0.98, 0.98),
        "abt_mandatory": (0.96, 0.98),
        "abt_sh_module": (0.98, 0.98),
        "abt_planned": (0.93, 0.96),
        "dasv_lead": (0.93, 0.96),
        "dasv_lead_name": (0.95, 0.96),
        "dasv_lead_role": (0.95, 0.98),
    },
    # corpus_z: r10_people holdout (41 trusts; the DASV lead among supporters, deputies and
    # superiors, names only in a notes column or the next line, particles and double-barrelled
    # names, signatures full of other people). First seen: 0.904 pooled, 17.9% flagged, 2.5% of
    # unflagged values wrong.
    "corpus_z": {
        "response_status": (0.85, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.90, 0.97),
        "abt_provided": (0.90, 0.97),
        "abt_delivery": (0.95, 0.94),
        "abt_provider": (0.92, 0.94),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.92, 0.96),
        "dasv_lead": (0.82, 0.96),
        "dasv_lead_name": (0.85, 0.91),
        "dasv_lead_role": (0.87, 0.94),
    },
    # corpus_za: r10_office holdout (40 trusts; answers merged into one sentence, given out of
    # order, the trust's own numbering, trackers with owner/RAG columns, joint replies with a
    # column per trust, logs with the request paraphrased inline). First seen: 0.852 pooled,
    # 26.0% flagged, 2.0% of unflagged values wrong.
    "corpus_za": {
        "response_status": (0.80, 0.96),
        "exemptions": (0.95, 0.97),
        "policy": (0.82, 0.91),
        "abt_provided": (0.87, 0.96),
        "abt_delivery": (0.90, 0.93),
        "abt_provider": (0.92, 0.93),
        "abt_mandatory": (0.92, 0.93),
        "abt_sh_module": (0.95, 0.96),
        "abt_planned": (0.90, 0.96),
        "dasv_lead": (0.87, 0.97),
        "dasv_lead_name": (0.92, 0.97),
        "dasv_lead_role": (0.87, 0.97),
    },
    # corpus_zb: r10_partial holdout (40 trusts; deferred and withheld parts, internal
    # reviews, request-site threads, sections said not to apply). First seen: 0.912 pooled,
    # 16.7% flagged, 4.8% of unflagged values wrong.
    "corpus_zb": {
        "response_status": (0.80, 0.92),
        "exemptions": (0.85, 0.91),
        "policy": (0.90, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.96),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.92, 0.94),
        "dasv_lead": (0.92, 0.94),
        "dasv_lead_name": (0.92, 0.94),
        "dasv_lead_role": (0.95, 0.97),
    },
    # corpus_zc: r11_study holdout (50 trusts, a study's spread of regions and kinds of trust,
    # the first weeks' plain replies). First seen (after round 10's fixes): 0.923 pooled,
    # 16.7% flagged, 2.4% of unflagged values wrong.
    "corpus_zc": {
        "response_status": (0.88, 0.97),
        "exemptions": (0.94, 0.93),
        "policy": (0.84, 0.97),
        "abt_provided": (0.96, 0.97),
        "abt_delivery": (0.96, 0.97),
        "abt_provider": (0.96, 0.97),
        "abt_mandatory": (0.94, 0.95),
        "abt_sh_module": (0.98, 0.97),
        "abt_planned": (0.94, 0.95),
        "dasv_lead": (0.88, 0.92),
        "dasv_lead_name": (0.90, 0.95),
        "dasv_lead_role": (0.90, 0.95),
    },
    # corpus_zd: r11_formats holdout (40 trusts; answers across page breaks, two columns,
    # text boxes, nested tables, hidden columns, differing HTML and plain parts). First seen
    # (after round 10's fixes): 0.867 pooled, 23.5% flagged, 3.3% of unflagged values wrong.
    "corpus_zd": {
        "response_status": (0.75, 0.95),
        "exemptions": (0.95, 0.97),
        "policy": (0.80, 0.93),
        "abt_provided": (0.82, 0.93),
        "abt_delivery": (0.90, 0.93),
        "abt_provider": (0.92, 0.96),
        "abt_mandatory": (0.90, 0.93),
        "abt_sh_module": (0.92, 0.96),
        "abt_planned": (0.82, 0.93),
        "dasv_lead": (0.80, 0.96),
        "dasv_lead_name": (0.85, 0.96),
        "dasv_lead_role": (0.80, 0.93),
    },
    # corpus_ze: r12_layouts holdout (40 trusts; two-column letters, wrapped and merged table
    # cells, cells answering two questions, text boxes, scanned tables). First seen: 0.902
    # pooled, 14.8% flagged, 2.4% of unflagged values wrong.
    "corpus_ze": {
        "response_status": (0.80, 0.96),
        "exemptions": (0.92, 0.94),
        "policy": (0.85, 0.94),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.90, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.85, 0.91),
        "dasv_lead": (0.85, 0.97),
        "dasv_lead_name": (0.85, 0.97),
        "dasv_lead_role": (0.85, 0.97),
    },
    # corpus_zf: r12_logs holdout (40 trusts; disclosure logs with other requests' sections,
    # request-site threads with internal reviews that amend or release, older requests
    # quoted). First seen: 0.931 pooled, 16.5% flagged, 3.5% of unflagged values wrong.
    "corpus_zf": {
        "response_status": (0.82, 0.93),
        "exemptions": (0.90, 0.91),
        "policy": (0.95, 0.97),
        "abt_provided": (0.92, 0.96),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.90, 0.96),
        "dasv_lead": (0.92, 0.96),
        "dasv_lead_name": (0.90, 0.90),
        "dasv_lead_role": (0.90, 0.90),
    },
    # corpus_zg: r12_voice holdout (40 trusts; prose in the trust's own order, hedges, other
    # trainings and policies beside ours, plans in many words, deputies, interim and
    # operational leads). First seen: 0.846 pooled, 18.1% flagged, 8.9% of unflagged wrong.
    "corpus_zg": {
        "response_status": (0.70, 0.92),
        "exemptions": (0.92, 0.94),
        "policy": (0.80, 0.90),
        "abt_provided": (0.85, 0.87),
        "abt_delivery": (0.90, 0.91),
        "abt_provider": (0.95, 0.94),
        "abt_mandatory": (0.92, 0.91),
        "abt_sh_module": (0.92, 0.94),
        "abt_planned": (0.82, 0.88),
        "dasv_lead": (0.85, 0.93),
        "dasv_lead_name": (0.87, 0.91),
        "dasv_lead_role": (0.80, 0.90),
    },
    # corpus_zh: r13_people holdout (40 trusts; several people in one answer, former, acting
    # and interim holders, names withheld, committees, other trainings beside ours).
    # First seen: 0.890 pooled, 14.0% flagged, 9.0% of unflagged wrong (2 trusts unmatched).
    "corpus_zh": {
        "response_status": (0.85, 0.93),
        "exemptions": (0.95, 0.94),
        "policy": (0.87, 0.93),
        "abt_provided": (0.90, 0.93),
        "abt_delivery": (0.90, 0.88),
        "abt_provider": (0.92, 0.91),
        "abt_mandatory": (0.90, 0.91),
        "abt_sh_module": (0.95, 0.94),
        "abt_planned": (0.87, 0.86),
        "dasv_lead": (0.87, 0.93),
        "dasv_lead_name": (0.90, 0.93),
        "dasv_lead_role": (0.82, 0.90),
    },
    # corpus_zi: r13_prose holdout (40 trusts; prose in any order, plans in many words, past
    # provision, negation over part of a sentence). First seen: 0.848 pooled, 23.3% flagged,
    # 6.5% of unflagged wrong.
    "corpus_zi": {
        "response_status": (0.80, 0.96),
        "exemptions": (0.95, 0.97),
        "policy": (0.77, 0.96),
        "abt_provided": (0.82, 0.96),
        "abt_delivery": (0.95, 0.93),
        "abt_provider": (0.92, 0.90),
        "abt_mandatory": (0.92, 0.93),
        "abt_sh_module": (0.95, 0.96),
        "abt_planned": (0.75, 0.93),
        "dasv_lead": (0.82, 0.96),
        "dasv_lead_name": (0.85, 0.91),
        "dasv_lead_role": (0.80, 0.93),
    },
    # corpus_zj: r13_tables holdout (40 trusts; sheets and Word tables of every shape, merged
    # cells, joint replies with a column per trust). First seen: 0.875 pooled, 17.7% flagged,
    # 4.8% of unflagged wrong (1 trust unmatched).
    "corpus_zj": {
        "response_status": (0.85, 0.93),
        "exemptions": (0.95, 0.94),
        "policy": (0.85, 0.94),
        "abt_provided": (0.82, 0.93),
        "abt_delivery": (0.92, 0.93),
        "abt_provider": (0.92, 0.93),
        "abt_mandatory": (0.92, 0.93),
        "abt_sh_module": (0.92, 0.93),
        "abt_planned": (0.85, 0.93),
        "dasv_lead": (0.80, 0.94),
        "dasv_lead_name": (0.82, 0.94),
        "dasv_lead_role": (0.82, 0.94),
    },
    # corpus_zk: r14_mixed holdout (40 trusts; a study's cross-section in every office's voice).
    # First seen: 0.919 pooled, 13.1% flagged, 3.1% of unflagged wrong (1 trust unmatched).
    "corpus_zk": {
        "response_status": (0.85, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.82, 0.96),
        "abt_provided": (0.90, 0.96),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.90, 0.94),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.90, 0.97),
        "dasv_lead_role": (0.87, 0.97),
    },
    # corpus_zl: r14_threads holdout (40 trusts; staff chains, follow-ups, corrections,
    # clarifications, request-site threads). First seen: 0.896 pooled, 12.7% flagged, 8.1% of
    # unflagged wrong (2 trusts unmatched).
    "corpus_zl": {
        "response_status": (0.80, 0.93),
        "exemptions": (0.95, 0.97),
        "policy": (0.92, 0.97),
        "abt_provided": (0.97, 0.96),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.90, 0.94),
        "dasv_lead_name": (0.87, 0.91),
        "dasv_lead_role": (0.87, 0.91),
    },
    # corpus_zm: r15_requests holdout (40 trusts; the study's questions as 3, 7, 8 and 12 of a
    # 15-question request, answered by number only, in one cell for two questions, by
    # cross-reference, in logs holding other requests; coded with the request's numbering in
    # the codebook, request.toml). First seen with the built-in numbering: 0.831 pooled, 29.4%
    # flagged, 1.8% of unflagged wrong; with the request's numbering 0.873 / 23.1% / 2.2%.
    "corpus_zm": {
        "response_status": (0.77, 0.96),
        "exemptions": (0.92, 0.97),
        "policy": (0.87, 0.97),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.95, 0.94),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.82, 0.96),
        "dasv_lead_name": (0.87, 0.96),
        "dasv_lead_role": (0.82, 0.93),
    },
    # corpus_zn: r15_documents holdout (40 trusts; Word tables inside cells and layout tables,
    # sheets with notes tabs, tables broken across pages, two columns, "please see attached").
    # First seen: 0.915 pooled, 15.8% flagged, 0.7% of unflagged wrong.
    "corpus_zn": {
        "response_status": (0.87, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.87, 0.97),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.90, 0.94),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.90, 0.97),
        "dasv_lead": (0.85, 0.97),
        "dasv_lead_name": (0.90, 0.97),
        "dasv_lead_role": (0.87, 0.97),
    },
    # corpus_zo: r15_hedges holdout (40 trusts; hedged and elliptical answers, paused or ceased
    # training, delivery mixes, leads changing or shared). First seen: 0.917 pooled, 8.1%
    # flagged, 4.3% of unflagged wrong.
    "corpus_zo": {
        "response_status": (0.90, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.87, 0.94),
        "abt_provider": (0.80, 0.90),
        "abt_mandatory": (0.95, 0.94),
        "abt_sh_module": (0.92, 0.94),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.95, 0.95),
        "dasv_lead_role": (0.95, 0.95),
    },
    # corpus_zp: r16_prose holdout (40 trusts; flowing letters and e-mails in prose, answers out
    # of order, in a P.S. or a footnote, context paragraphs naming policies and people). First
    # seen: 0.858 pooled, 20.6% flagged, 3.7% of unflagged wrong.
    "corpus_zp": {
        "response_status": (0.75, 0.92),
        "exemptions": (0.97, 0.97),
        "policy": (0.87, 0.97),
        "abt_provided": (0.80, 0.96),
        "abt_delivery": (0.87, 0.96),
        "abt_provider": (0.90, 0.93),
        "abt_mandatory": (0.90, 0.96),
        "abt_sh_module": (0.90, 0.96),
        "abt_planned": (0.85, 0.96),
        "dasv_lead": (0.82, 0.96),
        "dasv_lead_name": (0.85, 0.96),
        "dasv_lead_role": (0.82, 0.96),
    },
    # corpus_zq: r16_scans holdout (40 trusts; ten image-only scans: letters, tables, a stamp,
    # printed mails, a photocopied table; pages printed to PDF; image letterheads). First seen:
    # 0.881 pooled, 18.3% flagged, 6.1% of unflagged wrong (1 trust unmatched).
    "corpus_zq": {
        "response_status": (0.80, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.85, 0.94),
        "abt_provided": (0.87, 0.93),
        "abt_delivery": (0.95, 0.94),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.87, 0.94),
        "dasv_lead": (0.87, 0.96),
        "dasv_lead_name": (0.87, 0.96),
        "dasv_lead_role": (0.85, 0.93),
    },
    # corpus_zr: r16_national holdout (51 trusts; a national cross-section of every trust type,
    # mostly plain short replies, duplicates, a reply to the wrong request then a correction).
    # First seen: 0.946 pooled, 10.3% flagged, 0.4% of unflagged wrong.
    "corpus_zr": {
        "response_status": (0.86, 0.97),
        "exemptions": (0.98, 0.97),
        "policy": (0.88, 0.97),
        "abt_provided": (0.90, 0.95),
        "abt_delivery": (0.98, 0.97),
        "abt_provider": (0.98, 0.97),
        "abt_mandatory": (0.98, 0.97),
        "abt_sh_module": (0.98, 0.97),
        "abt_planned": (0.90, 0.95),
        "dasv_lead": (0.90, 0.97),
        "dasv_lead_name": (0.88, 0.97),
        "dasv_lead_role": (0.88, 0.97),
    },
    # corpus_zs: r17_mail holdout (40 trusts; e-mail as trusts send it: HTML-only and multipart
    # mails, answers only in attachments, forwarded chains, holding mails, a shared mailbox's
    # joint reply). First seen: 0.867 pooled, 13.5% flagged, 10.4% of unflagged wrong (3 trusts
    # unmatched).
    "corpus_zs": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.92, 0.96),
        "abt_delivery": (0.92, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.90, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # corpus_zt: r17_modality holdout (40 trusts; mixed delivery, mandatory for some groups,
    # double negatives, paused and planned training, unusual policy titles, acting leads).
    # First seen: 0.946 pooled, 7.7% flagged, 2.3% of unflagged wrong.
    "corpus_zt": {
        "response_status": (0.92, 0.97),
        "exemptions": (0.95, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zu: r17_tables holdout (40 trusts; Word and PDF tables across page breaks, merged
    # cells, sheets a column per question, scanned tables, a row answering two questions).
    # First seen: 0.892 pooled, 13.8% flagged, 3.6% of unflagged wrong (1 trust unmatched).
    "corpus_zu": {
        "response_status": (0.85, 0.96),
        "exemptions": (0.95, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.87, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.92, 0.94),
    },
    # corpus_zv: r18_voices holdout (40 trusts; terse, legalistic, chatty and passive voices,
    # answers out of order or merged, group replies, renamed trusts). First seen (after round
    # 17's fixes): 0.848 pooled, 19.4% flagged, 5.4% of unflagged wrong (1 trust unmatched).
    "corpus_zv": {
        "response_status": (0.70, 0.92),
        "exemptions": (0.95, 0.95),
        "policy": (0.82, 0.97),
        "abt_provided": (0.75, 0.96),
        "abt_delivery": (0.92, 0.96),
        "abt_provider": (0.95, 0.96),
        "abt_mandatory": (0.92, 0.96),
        "abt_sh_module": (0.90, 0.96),
        "abt_planned": (0.77, 0.96),
        "dasv_lead": (0.85, 0.97),
        "dasv_lead_name": (0.85, 0.94),
        "dasv_lead_role": (0.87, 0.97),
    },
    # corpus_zw: r18_scans holdout (40 trusts; thirteen image-only scans: signed and faxed
    # letters, a ruled table, a form in boxes, a logo-only letterhead). First seen: 0.846
    # pooled, 19.2% flagged, 9.5% of unflagged wrong (3 trusts unmatched).
    "corpus_zw": {
        "response_status": (0.82, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.90, 0.93),
        "abt_provided": (0.87, 0.96),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.87, 0.96),
        "dasv_lead": (0.87, 0.96),
        "dasv_lead_name": (0.82, 0.96),
        "dasv_lead_role": (0.85, 0.96),
    },
    # corpus_zx: r19_outcomes holdout (40 trusts; partial, refused, not-held and deferred
    # replies, internal reviews that overturn or uphold, clarifications, a different question
    # answered). First seen (after rounds 17-18): 0.973 pooled, 7.7% flagged, 1.6% of
    # unflagged wrong.
    "corpus_zx": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.92, 0.94),
        "abt_delivery": (0.95, 0.94),
        "abt_provider": (0.95, 0.94),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # corpus_zy: r19_people holdout (40 trusts; the DASV lead among deputies, champions,
    # former holders and IDVAs; particles, post-nominals, a lead named only in an appendix).
    # First seen: 0.933 pooled, 6.5% flagged, 3.6% of unflagged wrong.
    "corpus_zy": {
        "response_status": (0.92, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.92, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.90, 0.97),
        "dasv_lead_name": (0.90, 0.97),
        "dasv_lead_role": (0.90, 0.97),
    },
    # corpus_zz: r20_logs holdout (40 trusts; disclosure-log pages and request-site threads:
    # several requests a page, corrections and reviews later in a thread, a sidebar of similar
    # requests). First seen (after rounds 17-19): 0.925 pooled, 12.7% flagged, 2.1% of
    # unflagged wrong.
    "corpus_zz": {
        "response_status": (0.77, 0.93),
        "exemptions": (0.82, 0.91),
        "policy": (0.90, 0.97),
        "abt_provided": (0.90, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.87, 0.97),
        "dasv_lead": (0.87, 0.94),
        "dasv_lead_name": (0.92, 0.94),
        "dasv_lead_role": (0.87, 0.94),
    },
    # corpus_zza: r20_national holdout (50 trusts; a national cross-section of every type and
    # region, mostly short plain replies). First seen: 0.968 pooled, 2.5% flagged, 2.4% of
    # unflagged wrong (1 trust unmatched).
    "corpus_zza": {
        "response_status": (0.98, 0.97),
        "exemptions": (0.98, 0.97),
        "policy": (0.96, 0.96),
        "abt_provided": (0.96, 0.97),
        "abt_delivery": (0.98, 0.97),
        "abt_provider": (0.98, 0.97),
        "abt_mandatory": (0.98, 0.97),
        "abt_sh_module": (0.98, 0.97),
        "abt_planned": (0.96, 0.97),
        "dasv_lead": (0.96, 0.97),
        "dasv_lead_name": (0.96, 0.97),
        "dasv_lead_role": (0.94, 0.95),
    },
    # corpus_zzb: r21_sheets holdout (40 trusts; answers in sheets and tables of every shape:
    # merged group headers over sub-question columns, empty cells, notes columns, CSV exports,
    # one cell for two questions). First seen (3058470): 0.844 pooled, 12.5% flagged, 9.8% of
    # unflagged wrong (3 trusts unmatched).
    "corpus_zzb": {
        "response_status": (0.92, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.95),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.92, 0.97),
    },
    # corpus_zzc: r21_national holdout (61 trusts; a national cross-section in many office
    # voices). First seen: 0.964 pooled, 7.4% flagged, 0.9% of unflagged wrong.
    "corpus_zzc": {
        "response_status": (0.95, 0.98),
        "exemptions": (0.98, 0.98),
        "policy": (0.95, 0.96),
        "abt_provided": (0.90, 0.98),
        "abt_delivery": (0.96, 0.98),
        "abt_provider": (0.98, 0.98),
        "abt_mandatory": (0.96, 0.98),
        "abt_sh_module": (0.96, 0.98),
        "abt_planned": (0.86, 0.96),
        "dasv_lead": (0.95, 0.96),
        "dasv_lead_name": (0.95, 0.96),
        "dasv_lead_role": (0.95, 0.96),
    },
    # corpus_zzd: r21_attach holdout (40 trusts; replies over several documents: cover letters
    # and appendices, follow-ups and corrections, internal reviews). First seen: 0.906 pooled,
    # 11.9% flagged, 2.4% of unflagged wrong.
    "corpus_zzd": {
        "response_status": (0.92, 0.93),
        "exemptions": (0.95, 0.94),
        "policy": (0.90, 0.97),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.95, 0.94),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.75, 0.96),
        "dasv_lead_name": (0.75, 0.90),
        "dasv_lead_role": (0.77, 0.93),
    },
    # corpus_zze: r21_requests holdout (40 trusts; long requests numbered five ways, answered
    # out of order, renumbered, or about another training). First seen: 0.802 pooled, 25.2%
    # flagged, 6.4% of unflagged wrong; many answers give only the requester's own labels.
    "corpus_zze": {
        "response_status": (0.75, 0.96),
        "exemptions": (0.97, 0.97),
        # lowered from 0.96 in round 37: RDR's "2.2 When was the Dignity at Work policy last
        # reviewed?" is now read as the longer request's own question (decimal labels), so its
        # answer no longer makes "No." to ours general only, as the gold codes it
        "policy": (0.80, 0.94),
        "abt_provided": (0.77, 0.92),
        "abt_delivery": (0.82, 0.89),
        "abt_provider": (0.87, 0.93),
        "abt_mandatory": (0.82, 0.90),
        "abt_sh_module": (0.85, 0.93),
        "abt_planned": (0.90, 0.96),
        "dasv_lead": (0.80, 0.96),
        "dasv_lead_name": (0.80, 0.96),
        "dasv_lead_role": (0.80, 0.96),
    },
    # corpus_zzf: r22_prose holdout (40 trusts; flowing prose in many voices, past and future
    # provision, acting leads, people thanked at the end). First seen (ad44e13): 0.921 pooled,
    # 12.3% flagged, 3.3% of unflagged wrong.
    "corpus_zzf": {
        "response_status": (0.80, 0.95),
        "exemptions": (0.97, 0.97),
        "policy": (0.85, 0.91),
        "abt_provided": (0.85, 0.94),
        "abt_delivery": (0.92, 0.94),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.92, 0.91),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.77, 0.90),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zzg: r22_scans holdout (40 trusts, 20 scans: faxes, photocopies, phone photos,
    # sheared pages, stamps over text, short-cell ruled tables). First seen: 0.877 pooled, 18.5%
    # flagged, 0.5% of unflagged wrong.
    "corpus_zzg": {
        "response_status": (0.77, 0.96),
        "exemptions": (0.92, 0.91),
        "policy": (0.80, 0.96),
        "abt_provided": (0.87, 0.96),
        "abt_delivery": (0.90, 0.97),
        "abt_provider": (0.92, 0.97),
        "abt_mandatory": (0.87, 0.97),
        "abt_sh_module": (0.90, 0.97),
        "abt_planned": (0.85, 0.96),
        "dasv_lead": (0.80, 0.96),
        "dasv_lead_name": (0.80, 0.96),
        "dasv_lead_role": (0.80, 0.96),
    },
    # corpus_zzh: r22_study holdout (50 trusts; a study's inbox: joint replies, merged trusts,
    # acknowledgements then replies, bodies out of scope naming trusts). First seen: 0.943
    # pooled, 13.8% flagged, 3.9% of unflagged wrong (1 trust unmatched).
    "corpus_zzh": {
        "response_status": (0.84, 0.97),
        "exemptions": (0.96, 0.95),
        "policy": (0.90, 0.95),
        "abt_provided": (0.94, 0.97),
        "abt_delivery": (0.98, 0.97),
        "abt_provider": (0.98, 0.97),
        "abt_mandatory": (0.98, 0.97),
        "abt_sh_module": (0.98, 0.97),
        "abt_planned": (0.94, 0.97),
        "dasv_lead": (0.98, 0.97),
        "dasv_lead_name": (0.98, 0.97),
        "dasv_lead_role": (0.98, 0.97),
    },
    # corpus_zzi: r23_threads holdout (40 trusts; correspondence as it arrives: forwarded chains, quoted
    # requests, request-site threads, holding mails, a shared FOI service). First seen: 0.802 pooled,
    # 25.2% flagged, 7.2% of unflagged wrong (2 trusts unmatched).
    "corpus_zzi": {
        "response_status": (0.87, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.90, 0.94),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.92, 0.94),
        "abt_planned": (0.90, 0.94),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.92, 0.97),
    },
    # corpus_zzj: r23_national holdout (60 trusts; a national cross-section in office house styles).
    # First seen: 0.972 pooled, 6.4% flagged, 1.8% of unflagged wrong (1 trust unmatched).
    "corpus_zzj": {
        "response_status": (0.93, 0.96),
        "exemptions": (0.96, 0.96),
        "policy": (0.96, 0.96),
        "abt_provided": (0.95, 0.96),
        "abt_delivery": (0.96, 0.96),
        "abt_provider": (0.96, 0.96),
        "abt_mandatory": (0.96, 0.96),
        "abt_sh_module": (0.96, 0.96),
        "abt_planned": (0.93, 0.96),
        "dasv_lead": (0.96, 0.96),
        "dasv_lead_name": (0.96, 0.96),
        "dasv_lead_role": (0.96, 0.96),
    },
    # corpus_zzk: r23_office holdout (40 trusts; Word and Excel tables, regional returns, CSV exports,
    # logs). First seen: 0.873 pooled, 13.8% flagged, 6.5% of unflagged wrong (2 trusts unmatched).
    "corpus_zzk": {
        "response_status": (0.90, 0.93),
        "exemptions": (0.90, 0.91),
        "policy": (0.92, 0.94),
        "abt_provided": (0.95, 0.94),
        "abt_delivery": (0.90, 0.94),
        "abt_provider": (0.90, 0.94),
        "abt_mandatory": (0.95, 0.94),
        "abt_sh_module": (0.92, 0.94),
        "abt_planned": (0.92, 0.92),
        "dasv_lead": (0.90, 0.94),
        "dasv_lead_name": (0.90, 0.94),
        "dasv_lead_role": (0.90, 0.94),
    },
    # corpus_zzl: r23_modality holdout (40 trusts; time and certainty: paused, piloted, ratified, interim,
    # corrected). First seen: 0.938 pooled, 10.0% flagged, 1.6% of unflagged wrong.
    "corpus_zzl": {
        "response_status": (0.90, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.92, 0.97),
        "dasv_lead_role": (0.92, 0.97),
    },
    # corpus_zzm: r24_scans holdout (40 trusts, 24 scans: faxes, forms, stamps, scanner edges). First
    # seen: 0.844 pooled, 28.7% flagged, 0.6% of unflagged wrong.
    "corpus_zzm": {
        "response_status": (0.65, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.75, 0.89),
        "abt_provided": (0.77, 0.96),
        "abt_delivery": (0.90, 0.96),
        "abt_provider": (0.95, 0.96),
        "abt_mandatory": (0.90, 0.96),
        "abt_sh_module": (0.92, 0.96),
        "abt_planned": (0.82, 0.96),
        "dasv_lead": (0.70, 0.96),
        "dasv_lead_name": (0.77, 0.96),
        "dasv_lead_role": (0.70, 0.96),
    },
    # corpus_zzn: r24_people holdout (40 trusts; the DASV lead in every form). First seen: 0.917
    # pooled, 11.9% flagged, 2.4% of unflagged wrong.
    "corpus_zzn": {
        "response_status": (0.82, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.90, 0.97),
        "abt_provided": (0.90, 0.94),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.87, 0.94),
        "dasv_lead": (0.85, 0.93),
        "dasv_lead_name": (0.82, 0.90),
        "dasv_lead_role": (0.80, 0.87),
    },
    # corpus_zzo: r24_requests holdout (40 trusts; requests of 6 to 15 questions, the study's at
    # scattered numbers). First seen: 0.754 pooled, 24.6% flagged, 15.2% of unflagged wrong (3 trusts
    # unmatched).
    "corpus_zzo": {
        "response_status": (0.75, 0.93),
        "exemptions": (0.92, 0.94),
        "policy": (0.77, 0.93),
        "abt_provided": (0.67, 0.89),
        "abt_delivery": (0.90, 0.93),
        "abt_provider": (0.92, 0.93),
        "abt_mandatory": (0.90, 0.93),
        "abt_sh_module": (0.92, 0.93),
        "abt_planned": (0.75, 0.89),
        "dasv_lead": (0.67, 0.82),
        "dasv_lead_name": (0.70, 0.82),
        "dasv_lead_role": (0.65, 0.82),
    },
    # corpus_zzp: r24_logs holdout (40 trusts; disclosure logs and request-site pages, former names).
    # First seen: 0.875 pooled, 17.1% flagged, 5.8% of unflagged wrong (1 trust unmatched).
    "corpus_zzp": {
        "response_status": (0.70, 0.89),
        "exemptions": (0.87, 0.89),
        "policy": (0.80, 0.96),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.90, 0.94),
        "dasv_lead": (0.85, 0.96),
        "dasv_lead_name": (0.85, 0.96),
        "dasv_lead_role": (0.85, 0.96),
    },
    # corpus_zzq: r25_national holdout (55 trusts; a national cross-section in the study's
    # proportions). First seen: 0.962 pooled, 4.8% flagged, 2.2% of unflagged wrong (1 trust
    # unmatched).
    "corpus_zzq": {
        "response_status": (0.90, 0.95),
        "exemptions": (0.96, 0.96),
        "policy": (0.94, 0.96),
        "abt_provided": (0.94, 0.96),
        "abt_delivery": (0.96, 0.96),
        "abt_provider": (0.96, 0.96),
        "abt_mandatory": (0.94, 0.96),
        "abt_sh_module": (0.96, 0.96),
        "abt_planned": (0.92, 0.94),
        "dasv_lead": (0.94, 0.96),
        "dasv_lead_name": (0.94, 0.96),
        "dasv_lead_role": (0.94, 0.96),
    },
    # corpus_zzr: r25_prose holdout (40 trusts; how things are said: negation, concession, tense,
    # deputies). First seen: 0.933 pooled, 9.0% flagged, 1.8% of unflagged wrong.
    "corpus_zzr": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.92, 0.94),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.92, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.92, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zzs: r25_chains holdout (41 trusts; threads, printouts, corrections, reviews, group
    # replies). First seen: 0.884 pooled, 17.1% flagged, 2.5% of unflagged wrong.
    "corpus_zzs": {
        "response_status": (0.87, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.90, 0.97),
        "abt_delivery": (0.87, 0.97),
        "abt_provider": (0.90, 0.97),
        "abt_mandatory": (0.90, 0.97),
        "abt_sh_module": (0.90, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # corpus_zzt: r25_requests holdout (40 trusts; requests of 8 to 20 questions, answers by number,
    # table or theme). First seen: 0.848 pooled, 19.8% flagged, 3.9% of unflagged wrong.
    "corpus_zzt": {
        "response_status": (0.82, 0.96),
        "exemptions": (0.95, 0.97),
        "policy": (0.90, 0.97),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.92, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.92, 0.94),
        "abt_sh_module": (0.92, 0.94),
        "abt_planned": (0.92, 0.94),
        "dasv_lead": (0.90, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.92, 0.97),
    },
    # corpus_zzu: r25_scans holdout (30 trusts; 25 scans: faxes, forms, stamps, multi-page letters).
    # First seen: 0.781 pooled, 35.8% flagged, 6.5% of unflagged wrong (1 trust unmatched).
    "corpus_zzu": {
        "response_status": (0.60, 0.83),
        "exemptions": (0.90, 0.88),
        "policy": (0.73, 0.88),
        "abt_provided": (0.80, 0.90),
        "abt_delivery": (0.86, 0.90),
        "abt_provider": (0.90, 0.90),
        "abt_mandatory": (0.76, 0.88),
        "abt_sh_module": (0.80, 0.88),
        "abt_planned": (0.76, 0.91),
        "dasv_lead": (0.73, 0.89),
        "dasv_lead_name": (0.80, 0.90),
        "dasv_lead_role": (0.73, 0.90),
    },
    # corpus_zzv: r26_mixed holdout (45 trusts; a researcher's inbox: joint and merged trusts, logs,
    # scans, bodies out of scope). First seen (after round 25): 0.981 pooled, 3.7% flagged, 0.4% of
    # unflagged wrong.
    "corpus_zzv": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.91, 0.93),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # corpus_zzw: r26_requests holdout (35 trusts; requests of 7 to 18 questions answered by number,
    # table or theme, executives leading other subjects). First seen (after round 25): 0.667 pooled,
    # 35.7% flagged, 15.9% of unflagged wrong.
    "corpus_zzw": {
        "response_status": (0.60, 0.85),
        "exemptions": (0.97, 0.96),
        "policy": (0.62, 0.88),
        "abt_provided": (0.65, 0.81),
        "abt_delivery": (0.77, 0.77),
        "abt_provider": (0.77, 0.77),
        "abt_mandatory": (0.74, 0.80),
        "abt_sh_module": (0.80, 0.88),
        "abt_planned": (0.71, 0.77),
        # (round 27: two answers that read alike as the lead's, neither where the other anchors
        # put it, leave the lead blank and flagged instead of guessed: 0.74, 1.0 not flagged)
        "dasv_lead": (0.71, 0.96),
        "dasv_lead_name": (0.62, 0.71),
        "dasv_lead_role": (0.62, 0.77),
    },
    # corpus_zzx: r26_scans holdout (30 trusts; 26 scans: tick-box forms, printed mails, ruled
    # tables, page images in e-mails). First seen (after round 25): 0.833 pooled, 16.9% flagged,
    # 8.7% of unflagged wrong (1 trust unmatched).
    "corpus_zzx": {
        "response_status": (0.80, 0.91),
        "exemptions": (0.90, 0.89),
        "policy": (0.86, 0.92),
        "abt_provided": (0.86, 0.91),
        "abt_delivery": (0.80, 0.92),
        "abt_provider": (0.86, 0.92),
        "abt_mandatory": (0.83, 0.91),
        "abt_sh_module": (0.86, 0.92),
        "abt_planned": (0.93, 0.92),
        "dasv_lead": (0.83, 0.88),
        "dasv_lead_name": (0.80, 0.85),
        "dasv_lead_role": (0.83, 0.92),
    },
    # corpus_zzy: r27_logs holdout (43 trusts; disclosure-log pages laid out in tables, portal
    # exports, joint replies, former names, bodies out of scope). First seen (after round 26):
    # 0.922 pooled, 10.9% flagged, 2.4% of unflagged wrong.
    "corpus_zzy": {
        "response_status": (0.90, 0.97),
        "exemptions": (0.93, 0.97),
        "policy": (0.88, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zzz: r27_voices holdout (42 trusts; terse, chatty, legal, corrected, forwarded,
    # hedged; names in every order). First seen (after round 26): 0.938 pooled, 5.0% flagged,
    # 2.3% of unflagged wrong.
    "corpus_zzz": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.95, 0.95),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zzza: r27_longreq holdout (36 trusts; requests of 10 to 14 questions in parts and
    # sections, renumbered, other trainings and executives as decoys). First seen (after round
    # 26): 0.898 pooled, 16.7% flagged, 2.5% of unflagged wrong.
    "corpus_zzza": {
        "response_status": (0.83, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.88, 0.96),
        "abt_provided": (0.86, 0.96),
        "abt_delivery": (0.91, 0.96),
        "abt_provider": (0.94, 0.96),
        "abt_mandatory": (0.94, 0.96),
        "abt_sh_module": (0.91, 0.96),
        "abt_planned": (0.88, 0.96),
        "dasv_lead": (0.80, 0.96),
        "dasv_lead_name": (0.86, 0.96),
        "dasv_lead_role": (0.83, 0.96),
    },
    # corpus_zzzb: r27_scans holdout (36 trusts; scanned letters, ruled tables, tick-box
    # forms, phone photos, handwriting). First seen (after round 26): 0.755 pooled, 47.2%
    # flagged, 4.8% of unflagged wrong.
    # Raised after round 29 (a poorly read grey scan with specks is read again through a median
    # filter): 0.856 pooled, 30.8% flagged, 0.7% of unflagged wrong.
    "corpus_zzzb": {
        "response_status": (0.69, 0.94),
        "exemptions": (0.94, 0.93),
        "policy": (0.75, 0.95),
        "abt_provided": (0.83, 0.96),
        "abt_delivery": (0.86, 0.96),
        "abt_provider": (0.88, 0.96),
        "abt_mandatory": (0.88, 0.96),
        "abt_sh_module": (0.88, 0.95),
        "abt_planned": (0.88, 0.92),
        "dasv_lead": (0.72, 0.95),
        "dasv_lead_name": (0.83, 0.95),
        "dasv_lead_role": (0.75, 0.95),
    },
    # corpus_zzzc: r28_national holdout (50 trusts; a national cross-section in realistic
    # proportions). First seen (after round 27): 0.942 pooled, 8.0% flagged, 2.7% of unflagged
    # wrong (1 trust unmatched).
    "corpus_zzzc": {
        "response_status": (0.84, 0.95),
        "exemptions": (0.96, 0.95),
        "policy": (0.88, 0.95),
        "abt_provided": (0.94, 0.95),
        "abt_delivery": (0.96, 0.95),
        "abt_provider": (0.96, 0.95),
        "abt_mandatory": (0.94, 0.95),
        "abt_sh_module": (0.96, 0.95),
        "abt_planned": (0.88, 0.95),
        "dasv_lead": (0.92, 0.95),
        "dasv_lead_name": (0.96, 0.95),
        "dasv_lead_role": (0.92, 0.95),
    },
    # corpus_zzzd: r28_correspondence holdout (37 trusts; acknowledgements, extensions,
    # reviews, corrections, clarifications over time). First seen (after round 27): 0.919
    # pooled, 8.1% flagged, 2.2% of unflagged wrong.
    "corpus_zzzd": {
        "response_status": (0.81, 0.93),
        "exemptions": (0.91, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.89, 0.94),
        "abt_delivery": (0.89, 0.97),
        "abt_provider": (0.86, 0.96),
        "abt_mandatory": (0.89, 0.97),
        "abt_sh_module": (0.89, 0.94),
        "abt_planned": (0.94, 0.97),
        "dasv_lead": (0.91, 0.97),
        "dasv_lead_name": (0.91, 0.94),
        "dasv_lead_role": (0.91, 0.94),
    },
    # corpus_zzze: r28_tables holdout (38 trusts; sheets, Word and PDF tables, text tables,
    # tick-box templates, a regional return). First seen (after round 27): 0.827 pooled, 8.6%
    # flagged, 14.1% of unflagged wrong (4 trusts unmatched).
    # Raised after round 29 (the regional return is a joint reply with a row per trust): 0.950
    # pooled, 8.3% flagged, 0.2% of unflagged wrong.
    "corpus_zzze": {
        "response_status": (0.86, 0.96),
        "exemptions": (0.94, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.94, 0.97),
        "abt_delivery": (0.94, 0.97),
        "abt_provider": (0.92, 0.97),
        "abt_mandatory": (0.86, 0.97),
        "abt_sh_module": (0.86, 0.96),
        "abt_planned": (0.94, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.92, 0.94),
        "dasv_lead_role": (0.94, 0.97),
    },
    # corpus_zzzf: r29_multi holdout (36 trusts; regional returns with a row per trust, ICBs passing
    # on a trust's answers, joint and merged trusts). First seen (after round 28): 0.868 pooled,
    # 1.4% flagged, 12.4% of unflagged wrong (4 trusts unmatched).
    "corpus_zzzf": {
        "response_status": (0.94, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.94, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.94, 0.97),
        "dasv_lead_name": (0.94, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zzzg: r29_typical holdout (50 trusts; an everyday batch in many voices). First seen:
    # 0.942 pooled, 3.7% flagged, 4.2% of unflagged wrong (2 trusts whose letters postdate their
    # mergers counted for the successors).
    "corpus_zzzg": {
        "response_status": (0.88, 0.93),
        "exemptions": (0.94, 0.93),
        "policy": (0.90, 0.93),
        "abt_provided": (0.92, 0.93),
        "abt_delivery": (0.94, 0.93),
        "abt_provider": (0.94, 0.93),
        "abt_mandatory": (0.94, 0.93),
        "abt_sh_module": (0.94, 0.93),
        "abt_planned": (0.92, 0.93),
        "dasv_lead": (0.92, 0.93),
        "dasv_lead_name": (0.92, 0.93),
        "dasv_lead_role": (0.92, 0.93),
    },
    # corpus_zzzh: r29_requests holdout (36 trusts; long requests answered by number, renumbered,
    # reordered, with the request quoted elsewhere or not at all). First seen: 0.780 pooled, 32.9%
    # flagged, 3.8% of unflagged wrong.
    "corpus_zzzh": {
        "response_status": (0.61, 0.95),
        "exemptions": (0.97, 0.96),
        "policy": (0.83, 0.93),
        "abt_provided": (0.83, 0.93),
        "abt_delivery": (0.80, 0.96),
        "abt_provider": (0.91, 0.96),
        "abt_mandatory": (0.72, 0.88),
        "abt_sh_module": (0.77, 0.85),
        "abt_planned": (0.91, 0.96),
        "dasv_lead": (0.83, 0.93),
        "dasv_lead_name": (0.88, 0.93),
        "dasv_lead_role": (0.88, 0.93),
    },
    # corpus_zzzi: r29_scans holdout (33 trusts; scans, faxes, phone photos, TIFF, mixed PDFs).
    # First seen: 0.856 pooled, 22.5% flagged, 5.9% of unflagged wrong (1 trust counted for its
    # successor).
    "corpus_zzzi": {
        "response_status": (0.75, 0.90),
        "exemptions": (0.93, 0.93),
        "policy": (0.78, 0.92),
        "abt_provided": (0.78, 0.88),
        "abt_delivery": (0.81, 0.89),
        "abt_provider": (0.84, 0.92),
        "abt_mandatory": (0.84, 0.92),
        "abt_sh_module": (0.81, 0.92),
        "abt_planned": (0.84, 0.88),
        "dasv_lead": (0.81, 0.91),
        "dasv_lead_name": (0.84, 0.88),
        "dasv_lead_role": (0.84, 0.87),
    },
    # corpus_zzzj: r30_emails holdout (37 trusts; e-mail threads, quoted requests, forwards,
    # corrections, out-of-office replies, a shared mailbox). First seen (after round 29): 0.923
    # pooled, 8.6% flagged, 6.2% of unflagged wrong (1 trust unmatched).
    "corpus_zzzj": {
        "response_status": (0.89, 0.93),
        "exemptions": (0.94, 0.94),
        "policy": (0.86, 0.93),
        "abt_provided": (0.91, 0.94),
        "abt_delivery": (0.91, 0.91),
        "abt_provider": (0.91, 0.91),
        "abt_mandatory": (0.94, 0.94),
        "abt_sh_module": (0.94, 0.94),
        "abt_planned": (0.89, 0.93),
        "dasv_lead": (0.94, 0.94),
        "dasv_lead_name": (0.94, 0.94),
        "dasv_lead_role": (0.94, 0.94),
    },
    # corpus_zzzk: r30_national holdout (58 trusts of every type; a realistic national batch). First
    # seen (after round 29): 0.940 pooled, 8.0% flagged, 1.9% of unflagged wrong.
    "corpus_zzzk": {
        "response_status": (0.82, 0.97),
        "exemptions": (0.96, 0.96),
        "policy": (0.91, 0.98),
        "abt_provided": (0.96, 0.98),
        "abt_delivery": (0.98, 0.98),
        "abt_provider": (0.94, 0.98),
        "abt_mandatory": (0.94, 0.96),
        "abt_sh_module": (0.96, 0.98),
        "abt_planned": (0.96, 0.98),
        "dasv_lead": (0.93, 0.98),
        "dasv_lead_name": (0.94, 0.98),
        "dasv_lead_role": (0.93, 0.98),
    },
    # corpus_zzzl: r30_prose holdout (43 trusts; narrative letters, hedges, double negatives, plans
    # at every stage, joint prose). First seen (after round 29): 0.860 pooled, 16.1% flagged, 5.3%
    # of unflagged wrong.
    "corpus_zzzl": {
        "response_status": (0.79, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.88, 0.95),
        "abt_provided": (0.74, 0.96),
        "abt_delivery": (0.81, 0.96),
        "abt_provider": (0.86, 0.93),
        "abt_mandatory": (0.81, 0.97),
        "abt_sh_module": (0.79, 0.90),
        "abt_planned": (0.86, 0.90),
        "dasv_lead": (0.95, 0.95),
        "dasv_lead_name": (0.93, 0.93),
        "dasv_lead_role": (0.93, 0.93),
    },
    # corpus_zzzm: r31_outcomes holdout (41 trusts; refusals, deferrals, not held, reviews).
    # First seen: 0.980 / 8.9% / 0.7%.
    "corpus_zzzm": {
        "response_status": (0.87, 0.97),
        "exemptions": (0.95, 0.97),
        "policy": (0.92, 0.94),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zzzn: r31_scans holdout (32 image-only trusts; faxes, turned pages, two columns).
    # First seen: 0.680 / 48.7% / 9.1%.
    "corpus_zzzn": {
        "response_status": (0.62, 0.84),
        "exemptions": (0.87, 0.85),
        "policy": (0.62, 0.73),
        "abt_provided": (0.81, 0.90),
        "abt_delivery": (0.71, 0.90),
        "abt_provider": (0.81, 0.90),
        "abt_mandatory": (0.62, 0.89),
        "abt_sh_module": (0.78, 0.90),
        "abt_planned": (0.90, 0.90),
        "dasv_lead": (0.50, 0.81),
        "dasv_lead_name": (0.59, 0.80),
        "dasv_lead_role": (0.56, 0.84),
    },
    # corpus_zzzo: r32_typical holdout (46 trusts; a national mailing, positions since
    # changed). First seen: 0.942 / 10.0% / 1.0%.
    "corpus_zzzo": {
        "response_status": (0.93, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.93, 0.95),
        "abt_provided": (0.93, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.93, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zzzp: r32_threads holdout (41 trusts; request-site threads, two-part replies,
    # logs). First seen: 0.872 / 15.0% / 4.1%.
    "corpus_zzzp": {
        "response_status": (0.90, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.92, 0.94),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.92, 0.97),
        "dasv_lead_role": (0.92, 0.97),
    },
    # corpus_zzzq: r32_scans holdout (32 trusts; pages turned 90/180/270, photos, pasted
    # page). First seen: 0.891 / 18.0% / 0.6%.
    "corpus_zzzq": {
        "response_status": (0.90, 0.96),
        "exemptions": (0.96, 0.96),
        "policy": (0.96, 0.96),
        "abt_provided": (0.96, 0.96),
        "abt_delivery": (0.96, 0.96),
        "abt_provider": (0.96, 0.96),
        "abt_mandatory": (0.93, 0.96),
        "abt_sh_module": (0.90, 0.96),
        "abt_planned": (0.96, 0.96),
        "dasv_lead": (0.87, 0.93),
        "dasv_lead_name": (0.90, 0.93),
        "dasv_lead_role": (0.87, 0.96),
    },
    # corpus_zzzr: r33_forms holdout (38 trusts; forms and structured returns: questionnaires with
    # tick boxes either side of their labels, Request:/Response: templates, the study's questions
    # among unrelated sections). First seen at 0.87 / 17% / 1.3%
    "corpus_zzzr": {
        "response_status": (0.89, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.92, 0.94),
        "abt_delivery": (0.92, 0.97),
        "abt_provider": (0.94, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.92, 0.97),
        "abt_planned": (0.94, 0.94),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.92, 0.97),
        "dasv_lead_role": (0.92, 0.97),
    },
    # corpus_zzzs: r33_typical holdout (51 trusts; a typical national batch: letters and e-mails in
    # many office styles, refusals, holding replies). First seen at 0.95 / 7% / 0.5%
    "corpus_zzzs": {
        "response_status": (0.96, 0.97),
        "exemptions": (0.96, 0.98),
        "policy": (0.96, 0.98),
        "abt_provided": (0.98, 0.98),
        "abt_delivery": (0.96, 0.96),
        "abt_provider": (0.96, 0.96),
        "abt_mandatory": (0.96, 0.98),
        "abt_sh_module": (0.98, 0.98),
        "abt_planned": (0.98, 0.98),
        "dasv_lead": (0.96, 0.97),
        "dasv_lead_name": (0.96, 0.98),
        "dasv_lead_role": (0.96, 0.97),
    },
    # corpus_zzzt: r33_scans holdout (32 trusts; scanned and photographed letters: stamps, faxes,
    # answers across page breaks, parts lettered (a) to (g)). First seen at 0.94 / 21% / 1.3%
    "corpus_zzzt": {
        "response_status": (0.96, 0.96),
        "exemptions": (0.90, 0.92),
        "policy": (0.87, 0.95),
        "abt_provided": (0.96, 0.96),
        "abt_delivery": (0.96, 0.96),
        "abt_provider": (0.96, 0.96),
        "abt_mandatory": (0.93, 0.96),
        "abt_sh_module": (0.93, 0.96),
        "abt_planned": (0.93, 0.96),
        "dasv_lead": (0.96, 0.96),
        "dasv_lead_name": (0.96, 0.96),
        "dasv_lead_role": (0.90, 0.92),
    },
    # corpus_zzzu: r34_threads holdout (30 trusts; e-mail threads in several clients' styles,
    # forwarded chains, internal reviews, request-site pages, a chain printed oldest first). First
    # seen at 0.94 / 8% / 2.1%
    "corpus_zzzu": {
        "response_status": (0.83, 0.96),
        "exemptions": (0.93, 0.96),
        "policy": (0.93, 0.96),
        "abt_provided": (0.90, 0.96),
        "abt_delivery": (0.96, 0.96),
        "abt_provider": (0.96, 0.96),
        "abt_mandatory": (0.93, 0.96),
        "abt_sh_module": (0.93, 0.92),
        "abt_planned": (0.93, 0.96),
        "dasv_lead": (0.90, 0.96),
        "dasv_lead_name": (0.93, 0.96),
        "dasv_lead_role": (0.90, 0.96),
    },
    # corpus_zzzv: r34_prose holdout (33 trusts; prose letters: hedges, past and future positions,
    # people named in passing, unrelated questions answered in the same prose). First seen at 0.89 /
    # 10% / 5.0%
    "corpus_zzzv": {
        "response_status": (0.90, 0.96),
        "exemptions": (0.96, 0.96),
        "policy": (0.90, 0.96),
        "abt_provided": (0.90, 0.96),
        "abt_delivery": (0.81, 0.90),
        "abt_provider": (0.87, 0.96),
        "abt_mandatory": (0.84, 0.93),
        "abt_sh_module": (0.90, 0.96),
        "abt_planned": (0.93, 0.96),
        "dasv_lead": (0.96, 0.96),
        "dasv_lead_name": (0.96, 0.96),
        "dasv_lead_role": (0.96, 0.96),
    },
    # corpus_zzzw: r35_typical holdout (40 trusts; a typical batch: past start dates, national
    # e-learning beside local sessions, broader policies, leads withheld under s40). First
    # seen at 0.97 / 2% / 1.7%
    "corpus_zzzw": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.92, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.95),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # corpus_zzzx: r35_voices holdout (31 trusts; prose in many registers, double negatives,
    # elliptical answers, answers that refer back, forwarded chains). First seen at 0.93 / 8%
    # / 2.3%
    "corpus_zzzx": {
        "response_status": (0.90, 0.96),
        "exemptions": (0.96, 0.96),
        "policy": (0.93, 0.96),
        "abt_provided": (0.93, 0.96),
        "abt_delivery": (0.93, 0.96),
        "abt_provider": (0.96, 0.96),
        "abt_mandatory": (0.93, 0.96),
        "abt_sh_module": (0.90, 0.96),
        "abt_planned": (0.96, 0.96),
        "dasv_lead": (0.93, 0.96),
        "dasv_lead_name": (0.96, 0.96),
        "dasv_lead_role": (0.96, 0.96),
    },
    # corpus_zzzy: r35_scans holdout (35 trusts; noisy image-only scans, many askew, ruled
    # tables, tick boxes, stamps). First seen at 0.82 / 25% / 8.6% (2 trusts unmatched)
    "corpus_zzzy": {
        "response_status": (0.80, 0.94),
        "exemptions": (0.97, 0.96),
        "policy": (0.88, 0.95),
        "abt_provided": (0.85, 0.96),
        "abt_delivery": (0.85, 0.96),
        "abt_provider": (0.88, 0.96),
        "abt_mandatory": (0.85, 0.96),
        "abt_sh_module": (0.82, 0.96),
        "abt_planned": (0.91, 0.96),
        "dasv_lead": (0.82, 0.95),
        "dasv_lead_name": (0.88, 0.96),
        "dasv_lead_role": (0.82, 0.91),
    },
    # corpus_zzzz: r36_logs holdout (44 trusts; disclosure-log pages of several requests,
    # answer sheets with notes columns and empty cells, bodies out of scope). First seen at
    # 0.96 / 8% / 1.2%
    "corpus_zzzz": {
        "response_status": (0.93, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.93, 0.97),
        "abt_provided": (0.93, 0.97),
        "abt_delivery": (0.93, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.95, 0.95),
        "abt_planned": (0.93, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.95),
        "dasv_lead_role": (0.90, 0.92),
    },
    # corpus_zzzzb: r36_letters holdout (41 trusts; formal letters: renumbered paragraphs,
    # regional NHS academies, interim leads, refreshed policies, partial refusals). First seen
    # at 0.93 / 7% / 1.5%
    "corpus_zzzzb": {
        "response_status": (0.90, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.87, 0.94),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.87, 0.94),
        "abt_provider": (0.87, 0.94),
        "abt_mandatory": (0.90, 0.92),
        "abt_sh_module": (0.90, 0.92),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # corpus_zzzzc: r36_threads holdout (37 trusts; mail threads in several quoting styles,
    # forwards, reviews that change answers, a joint reply). First seen at 0.87 / 5% / 11.4%
    # (3 trusts unmatched)
    "corpus_zzzzc": {
        "response_status": (0.91, 0.94),
        "exemptions": (0.94, 0.94),
        "policy": (0.91, 0.94),
        "abt_provided": (0.91, 0.91),
        "abt_delivery": (0.94, 0.94),
        "abt_provider": (0.94, 0.94),
        "abt_mandatory": (0.91, 0.91),
        "abt_sh_module": (0.94, 0.94),
        "abt_planned": (0.94, 0.94),
        "dasv_lead": (0.91, 0.94),
        "dasv_lead_name": (0.94, 0.94),
        "dasv_lead_role": (0.94, 0.94),
    },
    # corpus_zzzzd: r37_requests holdout (40 trusts; longer requests with unrelated questions:
    # decimal paragraphs, roman numerals, answers by number only or out of order, past start dates
    # and plans). First seen at 0.92 / 15% / 0.5%
    "corpus_zzzzd": {
        "response_status": (0.85, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.92, 0.97),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.92, 0.97),
        "abt_provider": (0.92, 0.97),
        "abt_mandatory": (0.87, 0.97),
        "abt_sh_module": (0.90, 0.94),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.92, 0.97),
    },
    # corpus_zzzze: r37_mixed holdout (40 trusts; a research team's batch: joint replies, forwards
    # two or three deep, bodies out of scope, logs, holding replies, refusals, reviews). First seen
    # at 0.98 / 4% / 0.0%
    "corpus_zzzze": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zzzzf: r37_scans holdout (32 trusts; post-room scans: skew, speckle, faint toner, red
    # received stamps, tick-box forms, two-page letters). First seen at 0.89 / 16% / 5.6% (1 trust
    # unmatched)
    "corpus_zzzzf": {
        "response_status": (0.90, 0.96),
        "exemptions": (0.96, 0.96),
        "policy": (0.96, 0.96),
        "abt_provided": (0.93, 0.96),
        "abt_delivery": (0.96, 0.96),
        "abt_provider": (0.93, 0.96),
        "abt_mandatory": (0.90, 0.96),
        "abt_sh_module": (0.93, 0.96),
        "abt_planned": (0.93, 0.96),
        "dasv_lead": (0.84, 0.92),
        "dasv_lead_name": (0.84, 0.92),
        "dasv_lead_role": (0.84, 0.92),
    },
    # corpus_zzzzg: r38_sheets holdout (46 trusts; workbooks, colour-only marking with a key, a
    # collated return keyed by ODS code, CSV exports, Word forms). First seen at 0.86 / 4% / 12.6%
    # (5 trusts unmatched)
    "corpus_zzzzg": {
        "response_status": (0.93, 0.95),
        "exemptions": (0.95, 0.95),
        "policy": (0.95, 0.97),
        "abt_provided": (0.93, 0.97),
        "abt_delivery": (0.93, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.93, 0.97),
        "abt_sh_module": (0.91, 0.95),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.93, 0.95),
    },
    # corpus_zzzzh: r38_voices holdout (50 trusts; narrative letters out of order, hedges, self-
    # corrections, ended arrangements, people named in passing). First seen at 0.91 / 9% / 2.7%
    "corpus_zzzzh": {
        "response_status": (0.86, 0.97),
        "exemptions": (0.98, 0.97),
        "policy": (0.94, 0.95),
        "abt_provided": (0.96, 0.97),
        "abt_delivery": (0.94, 0.97),
        "abt_provider": (0.94, 0.97),
        "abt_mandatory": (0.94, 0.97),
        "abt_sh_module": (0.94, 0.97),
        "abt_planned": (0.98, 0.97),
        "dasv_lead": (0.86, 0.97),
        "dasv_lead_name": (0.90, 0.97),
        "dasv_lead_role": (0.90, 0.97),
    },
    # corpus_zzzzi: r38_photos holdout (30 trusts; phone photos, fax TIFFs, multi-page TIFFs, margin
    # notes, image attachments). First seen at 0.90 / 25% / 2.2%
    "corpus_zzzzi": {
        "response_status": (0.70, 0.92),
        "exemptions": (0.96, 0.95),
        "policy": (0.80, 0.95),
        "abt_provided": (0.93, 0.96),
        "abt_delivery": (0.93, 0.92),
        "abt_provider": (0.86, 0.92),
        "abt_mandatory": (0.90, 0.92),
        "abt_sh_module": (0.93, 0.91),
        "abt_planned": (0.93, 0.96),
        "dasv_lead": (0.80, 0.94),
        "dasv_lead_name": (0.86, 0.95),
        "dasv_lead_role": (0.73, 0.94),
    },
    # corpus_zzzzj: r39_national holdout (48 trusts of every type in a national mailing's
    # proportions, answers in the BMJ study's). First seen at 1.00 / 3% / 0.2%
    "corpus_zzzzj": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.95),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zzzzk: r39_formats holdout (38 trusts; RTF, ODT, HTML-only and encoded mails, a mail
    # inside a mail, ZIP disclosure packs, fixed-width text). First seen at 0.90 / 6% / 6.5% (2
    # trusts unmatched: their ZIPs were refused)
    "corpus_zzzzk": {
        "response_status": (0.86, 0.96),
        "exemptions": (0.94, 0.97),
        "policy": (0.92, 0.97),
        "abt_provided": (0.94, 0.97),
        "abt_delivery": (0.94, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.92, 0.94),
        "abt_sh_module": (0.94, 0.94),
        "abt_planned": (0.94, 0.97),
        "dasv_lead": (0.86, 0.94),
        "dasv_lead_name": (0.89, 0.94),
        "dasv_lead_role": (0.92, 0.97),
    },
    # corpus_zzzzl: r39_paraphrase holdout (40 trusts; the request paraphrased, merged, split into
    # more parts, summarised in tables; answers covering two questions; bullets). First seen at 0.86
    # / 21% / 2.6%
    "corpus_zzzzl": {
        "response_status": (0.75, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.85, 0.97),
        "abt_provided": (0.77, 0.96),
        "abt_delivery": (0.77, 0.96),
        "abt_provider": (0.90, 0.96),
        "abt_mandatory": (0.75, 0.96),
        "abt_sh_module": (0.80, 0.96),
        "abt_planned": (0.92, 0.96),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # corpus_zzzzm: r40_threads holdout (39 trusts; conversations: forwarded chains, corrections,
    # internal reviews, holding mails, request-site threads, joint replies). First seen at 0.84 /
    # 9% / 12.0% (four trusts unmatched)
    "corpus_zzzzm": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.94, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.94, 0.97),
    },
    # corpus_zzzzn: r40_outline holdout (40 trusts; the study's questions as 4, 6(a-c), 7 and 10
    # of a 12-question request answered in outline numbering; request.toml). First seen at 0.86 /
    # 14% / 5.3% (one trust unmatched)
    "corpus_zzzzn": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # corpus_zzzzo: r40_forms holdout (40 trusts; forms and tables: tick-boxes, merged cells,
    # notes columns, a photographed form). First seen at 0.97 / 11% / 0.9%
    "corpus_zzzzo": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zzzzp: r41_national holdout (45 trusts of every type and region). First seen at 0.96
    # / 6% / 0.6%
    "corpus_zzzzp": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.95),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.93, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zzzzq: r41_prose holdout (44 trusts; prose read closely: hedges, changed provision,
    # people near the lead). First seen at 0.93 / 7% / 4.3%
    "corpus_zzzzq": {
        "response_status": (0.88, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.90, 0.95),
        "abt_provided": (0.90, 0.95),
        "abt_delivery": (0.90, 0.92),
        "abt_provider": (0.95, 0.95),
        "abt_mandatory": (0.93, 0.95),
        "abt_sh_module": (0.90, 0.92),
        "abt_planned": (0.86, 0.94),
        "dasv_lead": (0.90, 0.95),
        "dasv_lead_name": (0.95, 0.95),
        "dasv_lead_role": (0.95, 0.95),
    },
    # corpus_zzzzr: r41_scans holdout (41 trusts; scans, phone photos, faxes, tick-box forms).
    # First seen at 0.92 / 13% / 1.6%
    "corpus_zzzzr": {
        "response_status": (0.87, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.87, 0.94),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.90, 0.94),
        "abt_provider": (0.95, 0.94),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.92, 0.97),
        "abt_planned": (0.87, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zzzzs: r42_hedges holdout (40 trusts; meaning that hangs on careful reading: negation
    # scope, hedges, drafts paused, patients-only policies, the trust's own academy and charity,
    # training sold to others, interim and vacant leads, corrections in the same reply). First
    # seen at 0.90 / 9% / 3.4%
    "corpus_zzzzs": {
        "response_status": (0.87, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.87, 0.94),
        "abt_provided": (0.90, 0.97),
        "abt_delivery": (0.90, 0.97),
        "abt_provider": (0.90, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.92, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.82, 0.91),
        "dasv_lead_name": (0.87, 0.97),
        "dasv_lead_role": (0.82, 0.91),
    },
    # corpus_zzzzt: r42_logs holdout (40 trusts; disclosure-log pages with several requests,
    # request-site threads as HTML and text, monthly log PDFs; the study's questions as 3, 6(a-c),
    # 7 and 11 of a 14-question request; request.toml). First seen at 0.88 / 18% / 4.1% (one trust
    # unmatched)
    "corpus_zzzzt": {
        "response_status": (0.87, 0.96),
        "exemptions": (0.95, 0.94),
        "policy": (0.92, 0.97),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.92, 0.94),
        "abt_planned": (0.90, 0.96),
        "dasv_lead": (0.82, 0.93),
        "dasv_lead_name": (0.90, 0.93),
        "dasv_lead_role": (0.87, 0.94),
    },
    # corpus_zzzzu: r42_sheets holdout (41 trusts; workbooks, CSV exports, Word tables, answers in
    # a table on page 2, one table for a group's trusts). First seen at 0.92 / 8% / 5.3% (a joint
    # table's two trusts unmatched)
    "corpus_zzzzu": {
        "response_status": (0.90, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.90, 0.97),
        "dasv_lead": (0.87, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # corpus_zzzzv: r43_leads holdout (41 trusts; the DASV lead and the outcome written every way:
    # name and post far apart, deputies and operational leads beside the executive, vacant and
    # interim posts, leads shared across a group, names withheld, a lead only in an organogram or
    # appendix, no executive lead but a named nurse acting as one). First seen at 0.93 / 7% / 3.7%
    "corpus_zzzzv": {
        "response_status": (0.87, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.95, 0.94),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.92, 0.97),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.85, 0.91),
        "dasv_lead_name": (0.87, 0.91),
        "dasv_lead_role": (0.87, 0.94),
    },
    # corpus_zzzzw: r43_mail holdout (42 trusts; e-mail as trusts send it: HTML-only bodies and
    # tables, Outlook markup, top-posted replies over quoted requests, forwarded chains, answers
    # over two or three mails, attached e-mails, shared-service footers naming other trusts).
    # First seen at 0.97 / 5% / 0.4%
    "corpus_zzzzw": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.95),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.92, 0.95),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.88, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.92, 0.97),
    },
    # corpus_zzzzx: r43_mixed holdout (38 trusts; a month's download folder: every format,
    # duplicates and re-sends, acknowledgements, a 9-question request with the study's questions
    # as 2, 5(a-c), 6 and 9, answers referring to each other; request.toml). First seen at 0.96 /
    # 15% / 0.5%
    "corpus_zzzzx": {
        "response_status": (0.76, 0.92),
        "exemptions": (0.97, 0.96),
        "policy": (0.94, 0.97),
        "abt_provided": (0.94, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.94, 0.96),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.92, 0.96),
        "dasv_lead": (0.92, 0.96),
        "dasv_lead_name": (0.97, 0.96),
        "dasv_lead_role": (0.97, 0.96),
    },
    # corpus_zzzzy: r44_outcomes holdout (40 trusts; outcomes and exemptions written every way
    # under a 12-question request with the study's questions as 4, 6(a-c), 7 and 10; s12, s14,
    # s21, s22, s31, s38, s40, s43; internal reviews that overturn or uphold; exemptions weighed
    # and not applied; request.toml). First seen at 0.90 / 7% / 8.8%
    "corpus_zzzzy": {
        "response_status": (0.90, 0.86),
        "exemptions": (0.90, 0.85),
        "policy": (0.92, 0.92),
        "abt_provided": (0.92, 0.92),
        "abt_delivery": (0.90, 0.90),
        "abt_provider": (0.92, 0.92),
        "abt_mandatory": (0.92, 0.92),
        "abt_sh_module": (0.92, 0.92),
        "abt_planned": (0.90, 0.92),
        "dasv_lead": (0.92, 0.92),
        "dasv_lead_name": (0.92, 0.92),
        "dasv_lead_role": (0.92, 0.92),
    },
    # corpus_zzzzz: r44_followups holdout (36 trusts; corrections, amendments and addenda,
    # internal reviews that change an answer, chasers and holding replies, re-sends, cover mails,
    # appendix sheets, leads tables with executive and deputy columns). First seen at 0.91 / 8% /
    # 6.5%
    "corpus_zzzzz": {
        "response_status": (0.83, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.86, 0.96),
        "abt_provider": (0.94, 0.96),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.94, 0.96),
        "abt_planned": (0.94, 0.96),
        "dasv_lead": (0.83, 0.87),
        "dasv_lead_name": (0.94, 0.94),
        "dasv_lead_role": (0.88, 0.88),
    },
    # corpus_zzzzza: r44_styles holdout (41 trusts; ambulance, mental health, community,
    # specialist and acute trusts; providers and training described every way; RTF, ODT, two-
    # column PDFs, phone photos, TIFF scans). First seen at 0.96 / 7% / 0.7%
    "corpus_zzzzza": {
        "response_status": (0.90, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.90, 0.94),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.90, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.92, 0.97),
    },
    # corpus_zzzzzb: r45_prose holdout (43 trusts; discursive and awkwardly ordered answers: no
    # question numbers, answers out of order, two questions answered together, bullets, self-
    # qualifying and conditional answers, answers in a preamble, long disclaimers, terse one-
    # liners). First seen at 0.91 / 14% / 2.0%
    "corpus_zzzzzb": {
        "response_status": (0.79, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.79, 0.94),
        "abt_provided": (0.88, 0.94),
        "abt_delivery": (0.90, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.90, 0.94),
        "abt_sh_module": (0.90, 0.97),
        "abt_planned": (0.86, 0.91),
        "dasv_lead": (0.86, 0.94),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.93, 0.97),
    },
    # corpus_zzzzzc: r45_joint holdout (40 trusts; joint replies: a column or a section per trust,
    # a shared FOI service, a provider collaborative's log, attachments per trust, transfers, an
    # ICB and Welsh bodies naming English trusts). First seen at 0.57 / 11% / 40% (10 trusts
    # unmatched)
    "corpus_zzzzzc": {
        "response_status": (0.80, 0.91),
        "exemptions": (0.92, 0.92),
        "policy": (0.92, 0.92),
        "abt_provided": (0.90, 0.91),
        "abt_delivery": (0.92, 0.91),
        "abt_provider": (0.92, 0.91),
        "abt_mandatory": (0.92, 0.91),
        "abt_sh_module": (0.90, 0.91),
        "abt_planned": (0.87, 0.91),
        "dasv_lead": (0.87, 0.91),
        "dasv_lead_name": (0.87, 0.91),
        "dasv_lead_role": (0.87, 0.88),
    },
    # corpus_zzzzzd: r45_scans holdout (43 trusts; scanned letters with stamps, ticks and margin
    # notes, faxes, phone photos, ruled and unruled scanned tables, mixed text and scanned PDFs).
    # First seen at 0.89 / 16% / 4.1%
    "corpus_zzzzzd": {
        "response_status": (0.81, 0.93),
        "exemptions": (0.95, 0.97),
        "policy": (0.88, 0.94),
        "abt_provided": (0.93, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.93, 0.94),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.86, 0.94),
        "dasv_lead": (0.74, 0.96),
        "dasv_lead_name": (0.88, 0.97),
        "dasv_lead_role": (0.79, 0.93),
    },
    # corpus_zzzzze: r46_buried holdout (40 trusts; the study's four questions buried in a
    # 20-question request, trap words in the unrelated answers, grouped and out-of-order answers,
    # tables, sheets and mails; its gold leaves out sections cited only for the unrelated
    # questions, which are counted here and flagged). First seen at 0.90 / 6.2% / 8.4% (1 trust
    # unmatched)
    "corpus_zzzzze": {
        "response_status": (0.85, 0.93),
        "exemptions": (0.85, 0.94),
        "policy": (0.95, 0.94),
        "abt_provided": (0.95, 0.94),
        "abt_delivery": (0.95, 0.94),
        "abt_provider": (0.95, 0.94),
        "abt_mandatory": (0.95, 0.94),
        "abt_sh_module": (0.95, 0.94),
        "abt_planned": (0.92, 0.94),
        "dasv_lead": (0.90, 0.91),
        "dasv_lead_name": (0.92, 0.92),
        "dasv_lead_role": (0.92, 0.92),
    },
    # corpus_zzzzzf: r46_people holdout (44 trusts; leads written every way, signatories and
    # officers who are not the lead, providers that are companies, charities, universities, other
    # NHS trusts and the ICB). First seen at 0.94 / 6.1% / 1.8%
    "corpus_zzzzzf": {
        "response_status": (0.88, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.90, 0.93),
        "abt_provider": (0.93, 0.95),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.90, 0.97),
        "dasv_lead_name": (0.90, 0.95),
        "dasv_lead_role": (0.88, 0.97),
    },
    # corpus_zzzzzg: r46_terse holdout (43 trusts; one-word and elliptical answers, abbreviated
    # posts such as CNO and DoN, tick and Y/N grids, blank conditional parts, attachments not
    # saved). First seen at 0.90 / 14.7% / 1.6%
    "corpus_zzzzzg": {
        "response_status": (0.86, 0.97),
        "exemptions": (0.95, 0.95),
        "policy": (0.88, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.90, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.86, 0.97),
        "dasv_lead_name": (0.93, 0.97),
        "dasv_lead_role": (0.88, 0.94),
    },
    # corpus_zzzzzh: r47_threads holdout (42 trusts; request-site threads as HTML and text, mails
    # forwarded two or three times with their history, replies in parts, clarifications, internal
    # reviews, later answers that replace earlier ones, other users' annotations). First seen at
    # 0.84 / 13.1% / 11.0% (2 trusts unmatched)
    "corpus_zzzzzh": {
        "response_status": (0.85, 0.94),
        "exemptions": (0.95, 0.95),
        "policy": (0.90, 0.94),
        "abt_provided": (0.88, 0.94),
        "abt_delivery": (0.90, 0.94),
        "abt_provider": (0.92, 0.94),
        "abt_mandatory": (0.90, 0.94),
        "abt_sh_module": (0.90, 0.94),
        "abt_planned": (0.85, 0.94),
        "dasv_lead": (0.85, 0.94),
        "dasv_lead_name": (0.90, 0.94),
        "dasv_lead_role": (0.90, 0.94),
    },
    # corpus_zzzzzi: r47_numbers holdout (44 trusts; answers as counts, dates, rates and course
    # codes, sheets of sessions per year and staff group, yes or no implied by the figures). First
    # seen at 0.96 / 8.7% / 1.7%
    "corpus_zzzzzi": {
        "response_status": (0.90, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.93, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.93, 0.92),
        "abt_sh_module": (0.90, 0.94),
        "abt_planned": (0.90, 0.97),
        "dasv_lead": (0.88, 0.94),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.90, 0.92),
    },
    # corpus_zzzzzj: r47_similar holdout (40 trusts; trusts with similar names, letterheads giving
    # a hospital's name, initials and mail domains as the only clue, other trusts named in the
    # reply, out-of-scope bodies). First seen at 0.99 / 3.1% / 0.6%
    "corpus_zzzzzj": {
        "response_status": (0.92, 0.94),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.95, 0.94),
        "abt_provider": (0.95, 0.94),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zzzzzk: r48_policies holdout (43 trusts; the policy question answered every way:
    # dedicated policies under many names, charters and statements that are not policies, broader
    # policies, a patients' policy, drafts, consultations, ratification, s21 links, s22 and s36
    # withholding). First seen at 0.98 / 3.5% / 1.0%
    "corpus_zzzzzk": {
        "response_status": (0.88, 0.92),
        "exemptions": (0.97, 0.97),
        "policy": (0.93, 0.92),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # corpus_zzzzzl: r48_outcomes holdout (42 trusts; outcomes as they arrive: partial and whole
    # s12 with s16 advice, s14, late and two-part replies, holding and clarification mails,
    # transfers, not-held notices with facts, answers outside the Act, reviews that uphold or
    # overturn). First seen at 0.98 / 6.7% / 0.9%
    "corpus_zzzzzl": {
        "response_status": (0.92, 0.97),
        "exemptions": (0.95, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # corpus_zzzzzm: r48_layouts holdout (41 trusts; two-column letters, Word text boxes and
    # nested tables, tables split across pages, footnotes, landscape sheets with notes sheets,
    # answers typed into the request, photographed and faxed tables). First seen at 0.91 / 15.0% /
    # 1.0%
    "corpus_zzzzzm": {
        "response_status": (0.87, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.75, 0.91),
        "abt_provided": (0.90, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.90, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.87, 0.96),
        "abt_planned": (0.87, 0.97),
        "dasv_lead": (0.80, 0.94),
        "dasv_lead_name": (0.90, 0.97),
        "dasv_lead_role": (0.82, 0.94),
    },
    # Round 49 (r49_dasv): the DASV lead question in depth (executive and operational leads,
    # interim and acting, vacancies, group leads, names withheld, signatories, org charts,
    # committees); first sight 0.913 / 4.8% / 6.2% (RNQ and RNS, a group's joint reply, unmatched)
    "corpus_zzzzzn": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.95, 0.95),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.88, 0.92),
    },
    # Round 49 (r49_training): the training questions in depth (licensed programmes, national
    # e-learning, commissioning through the ICB, pilots, mandatory for some groups, hedged plans);
    # first sight 0.940 / 4.2% / 3.3%
    "corpus_zzzzzo": {
        "response_status": (0.85, 0.94),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.95, 0.95),
        "abt_delivery": (0.90, 0.90),
        "abt_provider": (0.90, 0.90),
        "abt_mandatory": (0.92, 0.95),
        "abt_sh_module": (0.92, 0.95),
        "abt_planned": (0.88, 0.97),
        "dasv_lead": (0.92, 0.95),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.95),
    },
    # Round 49 (r49_formats): replies spread across files and formats (covering e-mails with
    # answers attached, cover letter and annex, Word tables, multi-sheet workbooks, a corrected
    # attachment re-sent, scans); first sight 0.907 / 12.6% / 2.6%
    "corpus_zzzzzp": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # Round 50 (r50_national): a national cross-section of 68 trusts of every kind with a
    # realistic distribution (about one in ten with a dedicated policy), in everyday formats and
    # voices; first sight 0.991 / 2.5% / 0.1%
    "corpus_zzzzzq": {
        "response_status": (0.97, 0.98),
        "exemptions": (0.98, 0.98),
        "policy": (0.97, 0.98),
        "abt_provided": (0.98, 0.98),
        "abt_delivery": (0.98, 0.98),
        "abt_provider": (0.98, 0.98),
        "abt_mandatory": (0.98, 0.98),
        "abt_sh_module": (0.98, 0.98),
        "abt_planned": (0.95, 0.98),
        "dasv_lead": (0.97, 0.98),
        "dasv_lead_name": (0.98, 0.98),
        "dasv_lead_role": (0.98, 0.98),
    },
    # Round 50 (r50_reviews): replies that changed over time (internal reviews upholding or
    # overturning, ICO decision notices, late replies after holding e-mails, instalments,
    # corrections, revised-answer columns); first sight 0.896 / 12.3% / 4.5%
    "corpus_zzzzzr": {
        "response_status": (0.90, 0.97),
        "exemptions": (0.92, 0.94),
        "policy": (0.97, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.92, 0.97),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # Round 50 (r50_sectors): ambulance, mental health, community and specialist trusts in their
    # own words, with their sectors' trap words (patients' sexual safety policies, conflict
    # training for crews); first sight 0.944 / 12.9% / 0.7%
    "corpus_zzzzzs": {
        "response_status": (0.85, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # Round 51, r51_plain: elliptical answers, answers by cross-reference, 'not applicable'
    # follow-ups, double negatives, scans. First sight at a5abfc9: 0.972 / 7.3% / 0.7%.
    "corpus_zzzzzt": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.92, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.90, 0.96),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # Round 51, r51_chains: e-mail chains newest on top, quoted history, clarifications,
    # corrections, answers split between body and attachment. First sight at a5abfc9: 0.976 / 8.9%
    # / 0.7%.
    "corpus_zzzzzu": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.95),
    },
    # Round 51, r51_longreq: a 16-question request with the study's questions at 4, 7, 7a-c, 8 and
    # 13; its author codes exemptions and status on the study questions only (flagged here as
    # sections for another question). First sight at a5abfc9: 0.874 / 15.0% / 2.9%.
    "corpus_zzzzzv": {
        "response_status": (0.51, 0.85),
        "exemptions": (0.31, 0.86),
        "policy": (0.92, 0.92),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.90, 0.94),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.94),
    },
    # Round 52, r52_leads: the DASV lead in every hard form: acting and interim holders, vacant
    # posts with cover, shared leads, a lead named only in an organogram or board paper, post-
    # nominals and honours, non-executive and below-board leads, names withheld. First sight at
    # 559ec09: 0.917 / 6.0% / 4.9%.
    "corpus_zzzzzw": {
        "response_status": (0.90, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.94),
        "dasv_lead": (0.87, 0.94),
        "dasv_lead_name": (0.82, 0.91),
        "dasv_lead_role": (0.80, 0.88),
    },
    # Round 52, r52_pagination: two-column letters, letterheads and footers on every page, answers
    # broken across a page, landscape tables over pages with their header row repeated, multi-page
    # scans. First sight at 559ec09: 0.957 / 6.0% / 1.6%.
    "corpus_zzzzzx": {
        "response_status": (0.93, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.93, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.90, 0.94),
        "abt_planned": (0.93, 0.95),
        "dasv_lead": (0.90, 0.94),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.90, 0.92),
    },
    # Round 53 (first seen at 72810f5): refusals and exemptions in their real shapes (s12 whole
    # and partial with advice, s14, s21 links, s22, s36, s40, s43 with public-interest tests,
    # refusals overturned or upheld on internal review).
    "corpus_zzzzzy": {
        "response_status": (0.95, 0.94),
        "exemptions": (0.95, 0.95),
        "policy": (0.97, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # Round 53: answers in tables (Word tables with merged cells, three and four columns with
    # notes, a paraphrased question column, PDF tables ruled and unruled over pages, sheets by row
    # and by column, one cell answering two parts).
    "corpus_zzzzzz": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.92, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # Round 53: who the reply is from (one trust's FOI team answering for another, group
    # letterheads naming several trusts, joint replies, former names, CSU and ICB senders, a trust
    # named only in a footer or reference).
    "corpus_zzzzzza": {
        "response_status": (0.90, 0.94),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # Round 52's shared FOI services corpus, kept out until round 53's matching: replies sent on
    # behalf of one trust by another's FOI office or under a group letterhead, joint replies with
    # answers per trust, former names, hospital-site signatures.
    "corpus_zzzzzzb": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.95),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.88, 0.95),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # Round 54 (first seen at be7b58f): answers split across files (cover e-mails and attachments,
    # ZIPs, policies saved beside letters, forwarded replies, duplicates, a wrong or missing
    # attachment, appendices naming no trust).
    "corpus_zzzzzzc": {
        "response_status": (0.86, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.91, 0.96),
        "abt_delivery": (0.88, 0.96),
        "abt_provider": (0.88, 0.96),
        "abt_mandatory": (0.91, 0.96),
        "abt_sh_module": (0.91, 0.96),
        "abt_planned": (0.94, 0.96),
        "dasv_lead": (0.94, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # Round 54: legalistic replies (section 17 notices quoting the Act, section 1(1)(a)
    # statements, neither confirm nor deny, partial not held, answers after statutory text,
    # letters numbering their own paragraphs).
    "corpus_zzzzzzd": {
        "response_status": (0.90, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.87, 0.97),
        "abt_provided": (0.90, 0.97),
        "abt_delivery": (0.90, 0.97),
        "abt_provider": (0.90, 0.94),
        "abt_mandatory": (0.87, 0.97),
        "abt_sh_module": (0.87, 0.97),
        "abt_planned": (0.90, 0.94),
        "dasv_lead": (0.87, 0.96),
        "dasv_lead_name": (0.92, 0.97),
        "dasv_lead_role": (0.90, 0.97),
    },
    # Round 55 (first seen at f553600): whether training is required and who delivers it, said
    # indirectly (essential, core skills, MaST lists, expected of managers, required for some
    # roles; licensed packages, trained facilitators, Freedom to Speak Up guardians, universities,
    # national e-learning, former providers), parts answered together, out of order or under the
    # wrong number.
    "corpus_zzzzzze": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.85, 0.87),
        "abt_provider": (0.90, 0.90),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # Round 55: hospital groups (shared FOI teams, executives and letterheads, joint replies with
    # one answer or a column per trust, one trust of a group answering for itself, a partner trust
    # as trainer, single trusts that look like groups).
    "corpus_zzzzzzf": {
        "response_status": (0.90, 0.94),
        "exemptions": (0.95, 0.95),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # Round 55: replies from FOI case-management systems and portals (templated field/value
    # letters, the request echoed before each answer or all questions first, page frames, request-
    # site threads, do-not-reply system e-mails with attachments, status lines).
    "corpus_zzzzzzg": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # Round 56 (first seen at 9887e68): redacted and partly withheld replies (black boxes,
    # [REDACTED], XXXX, providers withheld under s43 but named elsewhere, redaction notes in
    # footers, withheld cells), half ordinary replies.
    "corpus_zzzzzzh": {
        "response_status": (0.95, 0.94),
        "exemptions": (0.92, 0.92),
        "policy": (0.95, 0.95),
        "abt_provided": (0.95, 0.95),
        "abt_delivery": (0.92, 0.94),
        "abt_provider": (0.87, 0.91),
        "abt_mandatory": (0.95, 0.95),
        "abt_sh_module": (0.95, 0.95),
        "abt_planned": (0.95, 0.94),
        "dasv_lead": (0.92, 0.94),
        "dasv_lead_name": (0.95, 0.94),
        "dasv_lead_role": (0.95, 0.94),
    },
    # Round 56: answers typed inside the requester's own message (under quoted questions, ANSWER:
    # in capitals, coloured HTML, annotated Word and PDF copies of the request, corrections above
    # the quoted inline reply).
    "corpus_zzzzzzi": {
        "response_status": (0.90, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.92, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.90, 0.97),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # Round 56: one reply answering two or three requests at once, each under its own reference
    # and numbering (other requests' policies, training and executive leads, exemptions for the
    # other request only).
    "corpus_zzzzzzj": {
        "response_status": (0.92, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # Round 57 (first seen at 79ca9b8): time and tense - training piloted, paused, resumed or
    # ended, policies withdrawn, superseded or due for ratification, leads who left and interim
    # cover, mandatory from or until a date; coded as at the reply's date.
    "corpus_zzzzzzk": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # Round 57: who delivers the training, told every way (commissioned, licensed, accredited,
    # train-the-trainer, e-learning platforms, charities, universities, NHS bodies and another
    # trust's team, funders and commissioners beside the provider, names withheld or only in an
    # attachment).
    "corpus_zzzzzzl": {
        "response_status": (0.92, 0.97),
        "exemptions": (0.95, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.88, 0.94),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # Round 57: the DASV lead told every way (interim and acting holders, job shares and joint
    # leads, names in tables, signatures and an attached chart, names withheld with the title
    # kept, long titles, group and ICB leads, names that look like titles or places).
    "corpus_zzzzzzm": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.92, 0.94),
        "dasv_lead_name": (0.87, 0.94),
        "dasv_lead_role": (0.92, 0.97),
    },
    # Round 58 (first seen at aa3aba3): a busy office's shorthand and acronyms (Y/N, ext, opt,
    # mand, SS policy, SH module, CNO, DoN, Exec Dir, TBC, ticks and crosses, Y/N grids, one-
    # line e-mails) beside ordinary letters.
    "corpus_zzzzzzn": {
        "response_status": (0.75, 0.96),
        "exemptions": (0.95, 0.97),
        "policy": (0.77, 0.96),
        "abt_provided": (0.95, 0.94),
        "abt_delivery": (0.90, 0.97),
        "abt_provider": (0.92, 0.97),
        "abt_mandatory": (0.92, 0.92),
        "abt_sh_module": (0.87, 0.94),
        "abt_planned": (0.92, 0.94),
        "dasv_lead": (0.87, 0.96),
        "dasv_lead_name": (0.97, 0.96),
        "dasv_lead_role": (0.87, 0.96),
    },
    # Round 58: messy replies (typos, run-on sentences, numbering that skips or repeats, answers
    # out of order, template leftovers, questions pasted twice, a reply correcting itself mid-
    # answer).
    "corpus_zzzzzzo": {
        "response_status": (0.85, 0.96),
        "exemptions": (0.95, 0.95),
        "policy": (0.92, 0.97),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.92, 0.97),
        "abt_provider": (0.92, 0.97),
        "abt_mandatory": (0.90, 0.97),
        "abt_sh_module": (0.92, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.90, 0.97),
        "dasv_lead_name": (0.87, 0.97),
        "dasv_lead_role": (0.87, 0.97),
    },
    # Round 58: how replies say no, not quite and yes-but (double negatives, neither ... nor,
    # not as such, not in the sense you describe, not mandatory except for ..., negated
    # providers, no lead formally designated but ...).
    "corpus_zzzzzzp": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.92, 0.94),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.94),
        "dasv_lead_name": (0.95, 0.94),
        "dasv_lead_role": (0.95, 0.94),
    },
    # Round 59 (first seen at 2969b40): tables that lost their structure on the way (Word tables
    # pasted into plain-text e-mails, tab- and space-aligned, pipes and markdown, CSV text,
    # flattened log rows, PDFs with interleaved columns), half ordinary letters.
    "corpus_zzzzzzq": {
        "response_status": (0.83, 0.96),
        "exemptions": (0.95, 0.95),
        "policy": (0.80, 0.94),
        "abt_provided": (0.85, 0.97),
        "abt_delivery": (0.76, 0.93),
        "abt_provider": (0.80, 0.93),
        "abt_mandatory": (0.88, 0.97),
        "abt_sh_module": (0.78, 0.96),
        "abt_planned": (0.90, 0.94),
        "dasv_lead": (0.76, 0.96),
        "dasv_lead_name": (0.85, 0.96),
        "dasv_lead_role": (0.78, 0.96),
    },
    # Round 59: answers buried in context (strategy, the sexual safety charter, staff survey
    # figures, board papers, other policies and trainings, decoy people and providers), half
    # ordinary replies.
    "corpus_zzzzzzr": {
        "response_status": (0.87, 0.94),
        "exemptions": (0.95, 0.95),
        "policy": (0.95, 0.95),
        "abt_provided": (0.85, 0.89),
        "abt_delivery": (0.87, 0.91),
        "abt_provider": (0.85, 0.89),
        "abt_mandatory": (0.80, 0.86),
        "abt_sh_module": (0.85, 0.89),
        "abt_planned": (0.90, 0.89),
        "dasv_lead": (0.95, 0.94),
        "dasv_lead_name": (0.95, 0.94),
        "dasv_lead_role": (0.95, 0.94),
    },
    # Round 59: the questions restated in the trust's own words (paraphrased, merged, split,
    # renumbered or lettered, turned into headings, summarised in an opening paragraph).
    "corpus_zzzzzzs": {
        "response_status": (0.72, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.85, 0.96),
        "abt_provider": (0.87, 0.96),
        "abt_mandatory": (0.85, 0.96),
        "abt_sh_module": (0.85, 0.94),
        "abt_planned": (0.90, 0.94),
        "dasv_lead": (0.87, 0.94),
        "dasv_lead_name": (0.87, 0.94),
        "dasv_lead_role": (0.90, 0.97),
    },
    # Round 60: tables flattened into text (space-set columns in mails and text files, tab and
    # pipe tables, Word tables pasted one cell a line, disclosure logs whose cells run into one
    # paragraph, PDFs with the question and answer columns side by side, one wide CSV row), half
    # ordinary letters.
    "corpus_zzzzzzt": {
        "response_status": (0.90, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.92, 0.97),
        "abt_provided": (0.90, 0.97),
        "abt_delivery": (0.90, 0.97),
        "abt_provider": (0.92, 0.97),
        "abt_mandatory": (0.90, 0.97),
        "abt_sh_module": (0.90, 0.97),
        "abt_planned": (0.95, 0.94),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # Round 60: several trainings, policies or leads in one answer (lists in one sentence or
    # table, each with its own provider and mandate; policy lists; several safeguarding leads),
    # half ordinary letters.
    "corpus_zzzzzzu": {
        "response_status": (0.87, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.87, 0.97),
        "abt_provider": (0.90, 0.97),
        "abt_mandatory": (0.85, 0.97),
        "abt_sh_module": (0.85, 0.94),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # Round 60: NHS jargon and acronyms (ABT, SSP, SH, DASV, EDI, OD, FTSU, CNO, DoN, MAST, ESR,
    # IH, the trust's own acronym, committee names), terse or long, half ordinary letters.
    "corpus_zzzzzzv": {
        "response_status": (0.87, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.92, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.92, 0.97),
        "abt_mandatory": (0.92, 0.94),
        "abt_sh_module": (0.92, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.92, 0.92),
    },
    # Round 61: answers that point elsewhere (see Q2, as above, the attached appendix or table,
    # an earlier FOI on the disclosure log under s21, one answer for several questions, answers
    # only in an earlier paragraph or an earlier reply in the thread), half ordinary letters.
    "corpus_zzzzzzw": {
        "response_status": (0.87, 0.96),
        "exemptions": (0.95, 0.95),
        "policy": (0.85, 0.96),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.90, 0.97),
        "abt_provider": (0.92, 0.97),
        "abt_mandatory": (0.90, 0.97),
        "abt_sh_module": (0.92, 0.97),
        "abt_planned": (0.95, 0.93),
        "dasv_lead": (0.92, 0.96),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # Round 61: answers full of conditions and exceptions (mandatory for some staff groups,
    # optional but encouraged, except bank staff, delivery differing by site, a module only in
    # the managers' version, interim or acting leads, a provider changing during the year), half
    # ordinary letters.
    "corpus_zzzzzzx": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.94),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.94),
    },
    # Round 61: replies split across a covering letter and appendices or attachments (answer
    # sheets naming no trust, their own numbering A1-A7 or 1.1-1.7, attached policies as
    # evidence, zips, files saved apart), half ordinary letters.
    "corpus_zzzzzzy": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # round 62 (after 61): answers numbered otherwise than the request (lettered (a)-(d) or A-D,
    # roman parts, merged 'Questions 2 and 3' and '2 & 3' rows, split 4a-4c, renumbered after a
    # dropped question, other orders, paraphrased logs)
    "corpus_zzzzzzz": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.95, 0.94),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.92, 0.97),
        "dasv_lead_role": (0.92, 0.97),
    },
    # round 62: what a trust really sends besides its reply (acknowledgements, clarification
    # requests, section 10 extensions, holding apologies, cover e-mails, a reply sent twice, a
    # corrected reply withdrawing one sent in error)
    "corpus_zzzzzzza": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # round 62: kinds of document named for a policy (procedure, guideline, SOP, strategy,
    # charter, pledge, toolkit, a broader policy's appendix, drafts, expired, a partner's or
    # host's policy), modules within courses, interim and shared leads
    "corpus_zzzzzzzb": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.95, 0.95),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # round 63 (after 62): notes and marks that carry or change an answer (superscripts,
    # asterisks, daggers, [n], endnotes, notes under a table, sidebars and text boxes, two-
    # column pages)
    "corpus_zzzzzzzc": {
        "response_status": (0.92, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.87, 0.94),
        "abt_provided": (0.95, 0.95),
        "abt_delivery": (0.92, 0.92),
        "abt_provider": (0.92, 0.94),
        "abt_mandatory": (0.92, 0.94),
        "abt_sh_module": (0.90, 0.92),
        "abt_planned": (0.95, 0.95),
        "dasv_lead": (0.90, 0.97),
        "dasv_lead_name": (0.90, 0.94),
        "dasv_lead_role": (0.90, 0.94),
    },
    # round 63: what a Word or Excel file carries besides its visible text (tracked changes,
    # comments, text boxes, headers and footers, hidden text, rows, columns and sheets, draft
    # and final sheets)
    "corpus_zzzzzzzd": {
        "response_status": (0.92, 0.94),
        "exemptions": (0.95, 0.95),
        "policy": (0.95, 0.95),
        "abt_provided": (0.95, 0.95),
        "abt_delivery": (0.95, 0.95),
        "abt_provider": (0.95, 0.95),
        "abt_mandatory": (0.95, 0.95),
        "abt_sh_module": (0.95, 0.95),
        "abt_planned": (0.92, 0.95),
        "dasv_lead": (0.92, 0.94),
        "dasv_lead_name": (0.92, 0.94),
        "dasv_lead_role": (0.92, 0.94),
    },
    # round 63: organisational change (merged and renamed trusts, group FOI services answering
    # for one member, hosted services, an ICB replying for a trust, leads who moved)
    "corpus_zzzzzzze": {
        "response_status": (0.92, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.95, 0.95),
        "abt_provider": (0.92, 0.92),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # round 64 (after 63): replies that disagree with themselves (a summary table against the
    # detail, a cover e-mail against its attachment, a Yes taken back, answers contradicting
    # each other, later corrections)
    "corpus_zzzzzzzf": {
        "response_status": (0.87, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.94),
        "abt_provided": (0.92, 0.92),
        "abt_delivery": (0.92, 0.91),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.87, 0.87),
        "abt_sh_module": (0.90, 0.92),
        "abt_planned": (0.95, 0.94),
        "dasv_lead": (0.85, 0.91),
        "dasv_lead_name": (0.85, 0.91),
        "dasv_lead_role": (0.85, 0.91),
    },
    # round 64: tables in unusual directions (questions as column headers over one row of
    # answers, merged and two-row headers, tables over page breaks, Yes/No and Details columns,
    # grids by staff group)
    "corpus_zzzzzzzg": {
        "response_status": (0.87, 0.93),
        "exemptions": (0.95, 0.94),
        "policy": (0.87, 0.91),
        "abt_provided": (0.90, 0.94),
        "abt_delivery": (0.82, 0.91),
        "abt_provider": (0.85, 0.94),
        "abt_mandatory": (0.85, 0.94),
        "abt_sh_module": (0.87, 0.94),
        "abt_planned": (0.95, 0.94),
        "dasv_lead": (0.87, 0.94),
        "dasv_lead_name": (0.90, 0.91),
        "dasv_lead_role": (0.87, 0.91),
    },
    # round 64: forms marked by hand or by a post room (ticks and circles drawn on printed
    # forms, margin notes, crossed-out answers, stamps, scans and photos)
    "corpus_zzzzzzzh": {
        "response_status": (0.70, 0.96),
        "exemptions": (0.80, 0.93),
        "policy": (0.75, 0.93),
        "abt_provided": (0.85, 0.93),
        "abt_delivery": (0.82, 0.96),
        "abt_provider": (0.82, 0.96),
        "abt_mandatory": (0.80, 0.90),
        "abt_sh_module": (0.80, 0.92),
        "abt_planned": (0.90, 0.91),
        "dasv_lead": (0.70, 0.89),
        "dasv_lead_name": (0.75, 0.90),
        "dasv_lead_role": (0.80, 0.90),
    },
    # round 65 (internal reviews, ICO decision notices, late and later releases: the trust's
    # final position)
    "corpus_zzzzzzzi": {
        "response_status": (0.87, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.94),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.92, 0.94),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.92, 0.94),
    },
    # round 65 (replies in continuous prose, in their own order, with context that is no answer)
    "corpus_zzzzzzzj": {
        "response_status": (0.92, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.90, 0.97),
        "abt_delivery": (0.92, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.90, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # round 65 (template guidance and placeholders left in, case-management headers, a paragraph
    # from another request)
    "corpus_zzzzzzzk": {
        "response_status": (0.85, 0.96),
        "exemptions": (0.90, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.95, 0.95),
        "abt_provider": (0.95, 0.95),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # round 66 (replies that tell a history with dates: launched, paused, relaunched, approved
    # before or after the letter, leads with effect from a date)
    "corpus_zzzzzzzl": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # round 66 (long replies: contents lists, background sections, themed sections numbered
    # their own way, tables and records of many courses, annexes, summary boxes)
    "corpus_zzzzzzzm": {
        "response_status": (0.87, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.90, 0.94),
        "abt_provided": (0.87, 0.97),
        "abt_delivery": (0.87, 0.94),
        "abt_provider": (0.87, 0.94),
        "abt_mandatory": (0.90, 0.97),
        "abt_sh_module": (0.80, 0.96),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.87, 0.96),
        "dasv_lead_name": (0.90, 0.97),
        "dasv_lead_role": (0.87, 0.97),
    },
    # round 66 (very short informal replies: one-word answers, Y/N codes, answers in brackets or
    # in a subject line, initials for a signature)
    "corpus_zzzzzzzn": {
        "response_status": (0.75, 0.92),
        "exemptions": (0.95, 0.95),
        "policy": (0.90, 0.97),
        "abt_provided": (0.87, 0.97),
        "abt_delivery": (0.87, 0.97),
        "abt_provider": (0.92, 0.97),
        "abt_mandatory": (0.85, 0.94),
        "abt_sh_module": (0.92, 0.97),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.80, 0.96),
        "dasv_lead_name": (0.90, 0.96),
        "dasv_lead_role": (0.82, 0.96),
    },
    # round 67 (answers that differ by staff group, site or division: mandatory for some,
    # providers per division, leads per site)
    "corpus_zzzzzzzo": {
        "response_status": (0.92, 0.94),
        "exemptions": (0.95, 0.94),
        "policy": (0.95, 0.94),
        "abt_provided": (0.95, 0.95),
        "abt_delivery": (0.95, 0.95),
        "abt_provider": (0.90, 0.92),
        "abt_mandatory": (0.95, 0.95),
        "abt_sh_module": (0.92, 0.92),
        "abt_planned": (0.95, 0.94),
        "dasv_lead": (0.92, 0.92),
        "dasv_lead_name": (0.92, 0.92),
        "dasv_lead_role": (0.92, 0.92),
    },
    # round 67 (spreadsheet replies of many shapes: return templates with many trusts' rows,
    # comments and notes columns, dropdowns, log exports, old and hidden sheets)
    "corpus_zzzzzzzp": {
        "response_status": (0.85, 0.90),
        "exemptions": (0.90, 0.90),
        "policy": (0.90, 0.92),
        "abt_provided": (0.90, 0.92),
        "abt_delivery": (0.92, 0.92),
        "abt_provider": (0.90, 0.92),
        "abt_mandatory": (0.92, 0.92),
        "abt_sh_module": (0.87, 0.89),
        "abt_planned": (0.90, 0.92),
        "dasv_lead": (0.78, 0.88),
        "dasv_lead_name": (0.80, 0.88),
        "dasv_lead_role": (0.80, 0.91),
    },
    # round 67 (e-mails carrying the trust's internal correspondence: drafts, department
    # replies, notes not to include, disagreements)
    "corpus_zzzzzzzq": {
        "response_status": (0.92, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.95, 0.95),
        "abt_provider": (0.95, 0.95),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # round 68 (forms filled in on screen: ticked boxes, drop-downs, answer boxes, 'delete as
    # appropriate' by deletion or strike-through, comments that qualify a tick)
    "corpus_zzzzzzzr": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # round 68 (answers that quote other documents at length: policies, minutes, course
    # outlines, job descriptions, national letters, whose own words about other things are not
    # the answer)
    "corpus_zzzzzzzs": {
        "response_status": (0.87, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # round 68 (a national mailing of 48 trusts of every kind in realistic proportions and
    # everyday formats)
    "corpus_zzzzzzzt": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # round 69 (the trust's own words for the training, the policy and the lead, and near
    # misses: branded programmes, campaigns and other trainings, policies under other names,
    # leads called SRO or portfolio directors)
    "corpus_zzzzzzzu": {
        "response_status": (0.92, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.92, 0.97),
    },
    # round 69 (a second national mailing of 48 trusts, spring 2025, after NHS England's call to
    # name DASV leads)
    "corpus_zzzzzzzv": {
        "response_status": (0.87, 0.94),
        "exemptions": (0.95, 0.95),
        "policy": (0.91, 0.95),
        "abt_provided": (0.91, 0.95),
        "abt_delivery": (0.95, 0.95),
        "abt_provider": (0.95, 0.95),
        "abt_mandatory": (0.91, 0.95),
        "abt_sh_module": (0.95, 0.95),
        "abt_planned": (0.91, 0.93),
        "dasv_lead": (0.95, 0.95),
        "dasv_lead_name": (0.95, 0.95),
        "dasv_lead_role": (0.95, 0.95),
    },
    # round 69 (exchanges after a first reply: follow-up questions, updates, corrections on one
    # point, withdrawn refusals, chasers, reworded requests)
    "corpus_zzzzzzzw": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.95),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # round 70 (answers out of the request's order: grouped, lettered A to G, turned to by
    # number, given inside another answer, cross-referred)
    "corpus_zzzzzzzx": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.95, 0.95),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # round 70 (ambulance, mental health, community and specialist trusts in their own sector's
    # words)
    "corpus_zzzzzzzy": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # round 70 (e-mail furniture: signatures, disclaimers, automatic replies, campaign banners,
    # letterheads naming the chair and chief executive)
    "corpus_zzzzzzzz": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.95),
    },
    # round 71 (answers in harder tables: merged cells, two-level headers, parts as rows under a
    # merged label, answer and comment columns, tick columns, tables over a page break,
    # questions across the top, workbooks of several sheets)
    "corpus_zzzzzzzza": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # round 71 (formal, legalistic replies: the Act recited, sections weighed and not applied,
    # public interest tests, neither confirm nor deny, section 16 advice, answers inside long
    # paragraphs)
    "corpus_zzzzzzzzb": {
        "response_status": (0.92, 0.97),
        "exemptions": (0.95, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # round 71 (replies out of systems: request-site threads with other users' annotations,
    # case-management exports, web-form confirmations, ticket histories)
    "corpus_zzzzzzzzc": {
        "response_status": (0.87, 0.94),
        "exemptions": (0.92, 0.94),
        "policy": (0.95, 0.95),
        "abt_provided": (0.92, 0.94),
        "abt_delivery": (0.92, 0.94),
        "abt_provider": (0.95, 0.94),
        "abt_mandatory": (0.92, 0.94),
        "abt_sh_module": (0.92, 0.94),
        "abt_planned": (0.95, 0.94),
        "dasv_lead": (0.90, 0.94),
        "dasv_lead_name": (0.92, 0.94),
        "dasv_lead_role": (0.90, 0.94),
    },
    # round 72 (scanned and photographed replies: image-only PDFs, phone photos with keystone
    # and uneven light, fax pages with header strips, stamps across answers, scanned answer
    # tables and appendices)
    "corpus_zzzzzzzzd": {
        "response_status": (0.92, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.92, 0.96),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.92, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.92, 0.97),
    },
    # round 72 (e-mail chains and corrected replies: answers on top of quoted requests,
    # amendments and completions in later messages, holding replies, clarification exchanges,
    # answers only in attachments, an unrelated request quoted below)
    "corpus_zzzzzzzze": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.95, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # round 72 (replies for more than one organisation or part of one: joint letters answering
    # trust by trust, a shared FOI service answering for one trust, group letterheads, hosted
    # services, a division's reply; the study's questions inside a longer request)
    "corpus_zzzzzzzzf": {
        "response_status": (0.90, 0.97),
        "exemptions": (0.92, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.92, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.95),
    },
    # round 73 (redaction and withholding inside the text: names and providers blacked out or
    # marked [REDACTED], XXXX or [s40(2)], redaction notes in margins and footnotes, schedules
    # of withheld information, redaction marks beside but not on the study's questions)
    "corpus_zzzzzzzzg": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.95, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # round 73 (plain, conversational replies: chatty e-mails without numbering, bullet lists,
    # one flowing paragraph, easy-read style, idiom and understatement, double negatives,
    # answers in an unusual order without saying which is which)
    "corpus_zzzzzzzzh": {
        "response_status": (0.85, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.90, 0.94),
        "abt_provided": (0.90, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.87, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.92, 0.94),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.92, 0.97),
        "dasv_lead_role": (0.90, 0.94),
    },
    # round 73 (replies shaped by time: public interest extensions, late replies, partial
    # replies with the rest promised or sent later, interim updates, answers as at a date,
    # internal reviews changing an answer)
    "corpus_zzzzzzzzi": {
        "response_status": (0.92, 0.94),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # round 74 (file formats beyond the usual: hand-written RTF, ODT and ODS, legacy XLS, CSV in
    # two encodings, plain text, saved .htm e-mail bodies, TIFF and PNG scans, ZIP archives,
    # e-mails attaching any of these)
    "corpus_zzzzzzzzj": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.95, 0.94),
        "abt_provider": (0.95, 0.94),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # round 74 (one reply over several files: covering letters and answer annexes, answers split
    # over two attachments, the policy or a provider's brochure attached, e-mails with three
    # attachments of which one answers, files named for no trust)
    "corpus_zzzzzzzzk": {
        "response_status": (0.90, 0.94),
        "exemptions": (0.95, 0.94),
        "policy": (0.90, 0.97),
        "abt_provided": (0.90, 0.97),
        "abt_delivery": (0.92, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.90, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.85, 0.96),
        "dasv_lead_name": (0.90, 0.94),
        "dasv_lead_role": (0.85, 0.97),
    },
    # round 74 (specialist and smaller trusts: children's, orthopaedic, cancer, learning-
    # disability, mental-health and ambulance trusts; national, regional and ICB schemes beside
    # the trust's own; unusual lead posts)
    "corpus_zzzzzzzzl": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.94),
        "dasv_lead_name": (0.95, 0.94),
        "dasv_lead_role": (0.90, 0.91),
    },
    # Round 75, hedged and qualified answers ('to the best of our knowledge', 'we cannot
    # confirm', 'being verified', in some areas but not trust-wide): 0.95 / 9% / 0.0% at first
    # sight, 0.99 / 4% / 0.2% after the round's changes
    "corpus_zzzzzzzzm": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.95, 0.95),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # Round 75, arrangements shared beyond one trust (ICB-commissioned training, system
    # policies, leads over several trusts, group FOI offices): 0.98 / 6% / 0.6% at first sight,
    # 0.99 / 3% / 0.4% after
    "corpus_zzzzzzzzn": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.95),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.95),
    },
    # Round 75, partial replies (section 12 for some questions, sections 21, 22, 40 and 43 for
    # parts, not held for one part, a clarification on one question): 0.93 / 13% / 0.7% at first
    # sight, 0.95 / 12% / 0.2% after (noisy scans whose answers run together or lost their
    # numbers stay flagged)
    "corpus_zzzzzzzzo": {
        "response_status": (0.90, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.87, 0.97),
        "abt_delivery": (0.92, 0.97),
        "abt_provider": (0.95, 0.96),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.92, 0.97),
        "abt_planned": (0.92, 0.94),
        "dasv_lead": (0.90, 0.97),
        "dasv_lead_name": (0.90, 0.97),
        "dasv_lead_role": (0.90, 0.97),
    },
    # Round 76, answers full of figures (staff trained, completion rates, contract values,
    # dates, policy versions): 0.97 / 4% / 0.4% at first sight, 0.98 / 4% / 0.0% after the
    # round's changes
    "corpus_zzzzzzzzp": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.92, 0.97),
        "abt_provider": (0.92, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # Round 76, replies written in a hurry (misspellings, wrong numbers, answers pasted under
    # the wrong number, placeholders, half-deleted sentences): 0.94 / 10% / 0.5% at first sight
    # and after
    "corpus_zzzzzzzzq": {
        "response_status": (0.82, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.92, 0.94),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.92, 0.97),
        "abt_provider": (0.92, 0.97),
        "abt_mandatory": (0.90, 0.94),
        "abt_sh_module": (0.92, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.87, 0.96),
        "dasv_lead_name": (0.90, 0.97),
        "dasv_lead_role": (0.85, 0.97),
    },
    # Round 76, answers layered by staff group, site or division: 0.95 / 5% / 2.6% at first
    # sight, 0.96 / 6% / 1.3% after (a site's or a division's lead beside the trust's, a sheet's
    # short rows)
    "corpus_zzzzzzzzr": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.95, 0.97),
        "abt_provided": (0.92, 0.97),
        "abt_delivery": (0.90, 0.92),
        "abt_provider": (0.87, 0.92),
        "abt_mandatory": (0.95, 0.97),
        "abt_sh_module": (0.95, 0.95),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.92, 0.97),
        "dasv_lead_name": (0.95, 0.97),
        "dasv_lead_role": (0.92, 0.94),
    },
    # Round 77, replies revised (internal reviews, corrections, replies in two parts,
    # clarifications): 0.975 / 3.3% / 0.0% at first sight, 1.000 / 0.6% / 0.0% after (a refusal
    # whose every section a review set aside, a revised version superseding a named day's reply)
    "corpus_zzzzzzzzs": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # Round 77, answers out of order or merged: 0.931 / 10.0% / 0.2% at first sight, 0.975 / 5.0%
    # / 0.0% after (one paragraph for two questions, a log's answers in turn under the request
    # quoted whole)
    "corpus_zzzzzzzzt": {
        "response_status": (0.90, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.90, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.95, 0.97),
        "abt_provider": (0.97, 0.97),
        "abt_mandatory": (0.97, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.92, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.95, 0.97),
    },
    # Round 77, replies typed carelessly: 0.931 / 10.4% / 2.1% at first sight, 0.956 / 10.0% / 0.2%
    # after (key words misspelt by one slip, a run-on typed without stops, a busy office's Y and N)
    "corpus_zzzzzzzzu": {
        "response_status": (0.95, 0.96),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.92, 0.97),
        "abt_provider": (0.90, 0.94),
        "abt_mandatory": (0.90, 0.97),
        "abt_sh_module": (0.95, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.87, 0.96),
        "dasv_lead_name": (0.90, 0.97),
        "dasv_lead_role": (0.87, 0.97),
    },
    # Round 78, answers numbered and labelled every way: 0.908 / 9.0% / 3.4% at first sight (12 of
    # its 15 unflagged errors the values of a trust left unmatched for a person), 0.923 / 7.3% /
    # 3.4% after (parts numbered (i)-(iii) under a bare 'Question 2', decimals 2.1-2.3 under answer
    # 2)
    "corpus_zzzzzzzzv": {
        "response_status": (0.85, 0.94),
        "exemptions": (0.95, 0.95),
        "policy": (0.95, 0.94),
        "abt_provided": (0.92, 0.94),
        "abt_delivery": (0.90, 0.94),
        "abt_provider": (0.90, 0.94),
        "abt_mandatory": (0.87, 0.91),
        "abt_sh_module": (0.85, 0.89),
        "abt_planned": (0.95, 0.94),
        "dasv_lead": (0.87, 0.94),
        "dasv_lead_name": (0.87, 0.94),
        "dasv_lead_role": (0.87, 0.94),
    },
    # Round 78, each trust's own vocabulary (charters, 'the Service', StatMand, upstander): 0.994 /
    # 2.9% / 0.0% at first sight, unchanged after
    "corpus_zzzzzzzzw": {
        "response_status": (0.97, 0.97),
        "exemptions": (0.97, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.97, 0.97),
        "abt_delivery": (0.97, 0.97),
        "abt_provider": (0.95, 0.97),
        "abt_mandatory": (0.92, 0.97),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.97, 0.97),
        "dasv_lead": (0.97, 0.97),
        "dasv_lead_name": (0.97, 0.97),
        "dasv_lead_role": (0.97, 0.97),
    },
    # Round 78, long replies inside a 12-question request with decoy trainings, policies and leads:
    # 0.973 / 6.9% / 0.9% at first sight, unchanged after (a decoy conflict resolution training's
    # provider and requirement still read as the bystander training's in one reply)
    "corpus_zzzzzzzzx": {
        "response_status": (0.95, 0.97),
        "exemptions": (0.95, 0.97),
        "policy": (0.97, 0.97),
        "abt_provided": (0.95, 0.97),
        "abt_delivery": (0.90, 0.94),
        "abt_provider": (0.92, 0.94),
        "abt_mandatory": (0.92, 0.94),
        "abt_sh_module": (0.97, 0.97),
        "abt_planned": (0.95, 0.97),
        "dasv_lead": (0.95, 0.97),
        "dasv_lead_name": (0.95, 0.94),
        "dasv_lead_role": (0.97, 0.97),
    },
}

# Files that name no trust at all (a leaflet, a policy saved apart from its covering e-mail):
# nothing in them can say whose they are, so they stay unmatched, with no candidates, until
# pinned; the ingest line and summary say so.
NAMES_NO_TRUST = {
    "corpus_zzzzzzzg": {"RPH_FOI_24-0398.xlsx"},  # initials the register does not hold
    "corpus_q": {"Active Bystander - course leaflet.pdf", "Sexual Safety Policy v1.0.pdf"},
    "corpus_t": {"Sexual Safety Policy HR-091.pdf"},
    # an organogram appendix its cover letter calls "Appendix A", naming no trust or reference
    "corpus_zy": {"Appendix A - Safeguarding governance structure.pdf"},
    # a case system's CSV export naming only its case officer
    "corpus_zzk": {"FOI-24-0991_export.csv"},
    # an appendix naming no trust; a sheet whose only sign, "GHFT", is two trusts' initials
    "corpus_zzo": {"Appendix A - FOI 1207.docx", "GHFT FOI 24-577.xlsx"},
    # a policy saved apart from its covering e-mail, naming no trust
    "corpus_zzzk": {"Sexual Safety Policy v3.0 (RM).pdf"},
    # a completed questionnaire its cover letter calls "Appendix A", naming no trust
    "corpus_zzzr": {"Appendix A - completed questionnaire.docx"},
    # a policy attached to a letter, saved apart, naming no trust
    "corpus_zzzzb": {"Appendix 1 - Sexual Safety Policy v1.0.pdf"},
    # a policy saved apart from its scanned covering letter, naming no trust
    "corpus_zzzzf": {"Sexual Safety Policy v2.0 (Appendix D removed).pdf"},
    # a phone photo too blurred to read (its retake is matched), and a reply's second page
    # photographed apart, with no letterhead
    "corpus_zzzzi": {"IMG_20241205_091422.jpg", "IMG_20241205_091502.jpg"},
    # the second of two phone photos of a printed reply: its answers page names no trust
    "corpus_zzzzzd": {"IMG_20250121_093448.jpg"},
    # a sheet naming its trust only by its town in the file name
    "corpus_zzzzzzr": {"Walsall FOI 2024-887.xlsx"},
    # an answer table saved apart from its cover letter ("refer to the attached table"), and a
    # draft policy saved apart, neither naming a trust or a reference
    "corpus_zzzzzzw": {"Appendix 1 - FOI response table.xlsx"},
    "corpus_zzzzzzy": {"Appendix 2 - DRAFT Sexual Safety Policy.pdf"},
    # an answers annex citing only "1502/1" ..., a draft policy and a provider's brochure
    # saved apart from their replies
    "corpus_zzzzzzzzk": {
        "Annex 1 - response table.xlsx",
        "DRAFT Sexual Safety Policy v0.4.pdf",
        "Greenfinch Learning - programme outline.pdf",
    },
    # a policy saved beside its reply, naming no trust (it "supports the NHS England Sexual
    # Safety in Healthcare Charter": no letterhead of NHS England's)
    "corpus_zzzzzzzzn": {"Sexual Safety Policy v2.0.pdf"},
    "corpus_zzzzzzzzx": {"SA71 Sexual Safety Policy v1.1.pdf"},  # an attached policy
}


# Files reported as errors, each naming the file and what to do, the rest of the batch read: a
# stub "PDF" one author attached to a reply (an e-mail's logo too small to be a page is set
# aside as skipped, not reported)
DAMAGED = {
    "corpus_zzzzzzzzg": {"FOI-CW-24-4471 Response.eml > Sexual Safety Policy v2.pdf"},
}


# Tesseract's readings of the corpora's scans, recorded (gzipped TSV, under the hash of the
# Tesseract version, options and page image) so the ratchet measures the coding without
# spending half its time in Tesseract; a page this Tesseract has not read is read live. After
# a change to how pages are rendered, record afresh:
#   rm -r tests/fixtures/ocr_recordings && FOI_UPDATE_GOLDEN=1 pytest tests/test_accuracy.py
OCR_RECORDINGS = FIXTURES / "ocr_recordings"


@pytest.fixture(scope="module", autouse=True)
def _recorded_ocr() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(RECORDINGS_ENV, str(OCR_RECORDINGS))
        if os.environ.get("FOI_UPDATE_GOLDEN") == "1":
            patch.setenv(RECORD_ENV, "1")
        yield


@pytest.fixture(scope="module", params=sorted(FLOORS))
def evaluation(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Evaluation]:
    corpus = FIXTURES / request.param
    where = tmp_path_factory.mktemp(request.param)
    codebook = _numbered_as_asked(corpus, where)
    layout = Layout(raw=corpus / "raw", processed=where / "out")
    result = ingest(layout, IngestOptions(jobs=2, codebook=codebook))
    with layout.documents_csv.open(encoding="utf-8") as handle:
        failed = {row["path"] for row in csv.DictReader(handle) if row["status"] == "error"}
    assert failed == DAMAGED.get(request.param, set())
    assert result.errors == len(failed)
    _LAYOUTS[request.param] = layout
    return request.param, evaluate(corpus / "gold.csv", layout, load_codebook(codebook))


def _numbered_as_asked(corpus: Path, where: Path) -> Path | None:
    """The built-in codebook numbered as the corpus's request was (its ``request.toml``: the
    study's questions inside a longer request), as a researcher would write it; None when the
    corpus asked the study's four questions alone."""
    request = corpus / "request.toml"
    if not request.exists():
        return None
    numbering = tomllib.loads(request.read_text(encoding="utf-8"))
    text = default_codebook_path().read_text(encoding="utf-8")
    for qid, label in numbering["labels"].items():
        text, found = re.subn(rf'(id = "{qid}"\nlabel = )"[^"]*"', rf'\1"{label}"', text)
        assert found == 1, qid
    count = numbering["request_questions"]
    text = text.replace('\nname = "', f'\nrequest_questions = {count}\nname = "', 1)
    path = where / "codebook.toml"
    path.write_text(text, encoding="utf-8")
    return path


_LAYOUTS: dict[str, Layout] = {}


# Trusts whose only reply is left unmatched, with the trust among its candidates (so it is put
# before a person, flagged): corpus_zh's RXQ is a scan whose letterhead OCR lost but for
# "Healthcare NHS Trust" and the street; corpus_zj's RP1 is a log page naming the trust only as
# "NHFT", which three trusts share. (corpus_zg's RH5, a specked scan whose letterhead OCR
# garbled, is matched since its page is read again without the specks.)
UNMATCHED_FOR_A_PERSON = {
    "corpus_zh": ("RXQ",),
    "corpus_zj": ("RP1",),
    "corpus_zzj": ("RY4",),  # a sheet signed only "HCT", its candidate
    "corpus_zzk": ("RBK",),  # a case system's export naming no trust
    "corpus_zzo": ("RR7",),  # a sheet signed only "GHFT", two trusts' initials
    "corpus_zzq": ("RYY",),  # "KCHFT", the initials of both Kent Community and King's College
    "corpus_zzx": ("RXQ",),  # a scan that kept only "Healthcare NHS Trust" and its postcode
    "corpus_zzzc": ("RBD",),  # a scan whose letterhead OCR could not read
    # a holding e-mail signed only "CCC" (its sender's initials, too weak alone), and a scan
    # whose file name gives another trust's initials ("NHCT") than its letterhead's trust
    "corpus_zzzzy": ("REN", "RHA"),
    # a trust's notice that the request, sent to it by mistake, was meant for another trust and
    # passed on: ambiguous between the writer and the trust it was meant for
    "corpus_zzzzzc": ("RXM",),
    # an answer sheet naming its trust only as "BTH", in its file name and footer
    "corpus_zzzzze": ("RXL",),
    # a reply signed only "Homerton FOI Team" (a part of the name) with its acknowledgement
    "corpus_zzzzzh": ("RQX",),
    # a photographed letter whose letterhead OCR could not read
    "corpus_zzzzzzh": ("RFS",),
    # a sheet naming its trust only by its town in the file name ("Walsall FOI 2024-887.xlsx"),
    # which the matcher does not read
    "corpus_zzzzzzr": ("RBK",),
    # a workbook whose first sheet copies the request and whose answer sheet names its trust
    # only in its title row (read as body text, not a letterhead): left for a person
    "corpus_zzzzzzzd": ("RQX",),
    # a workbook naming its trust only by initials ("RPH") that are no name the register holds
    "corpus_zzzzzzzg": ("RGM",),
    # a workbook naming its trust only by the initials in its file name ("STH FOI ...xlsx"),
    # weak evidence alone: left for a person with its trust the one candidate
    "corpus_zzzzzzzo": ("RHQ",),
    # a CSV naming its trust only in a footer line, and one only by initials in its file name
    # ("WLT_FOI_24_1408_answers.csv"): left for a person, each with its trust the candidate
    "corpus_zzzzzzzp": ("RC9", "RKL"),
    # a case export naming its trust only as "Medway" in its file name and in one answer's
    # words ("Medway has a Sexual Safety ... Policy"), its case ID "MFT4471": left for a person
    "corpus_zzzzzzzzc": ("RPA",),
    # a mail signed only "CPFT", the initials of Cambridgeshire and Peterborough and of
    # Cornwall Partnership: left for a person with both candidates
    "corpus_zzzzzzzzv": ("RT1",),
}

# Trusts a corpus's author took for open (their copy of the ODS extract has no close date)
# that the register records as taken over before their replies were dated: Solent NHS Trust
# (R1C) merged into Hampshire and Isle of Wight Healthcare (RW1) on 1 October 2024, and North
# Middlesex (RAP) joined the Royal Free (RAL) on 1 January 2025. Their 2025 replies count for
# the successor (the match message says so); the gold's rows for them are scored as missing.
TAKEN_OVER = {
    "corpus_zzzg": {"R1C": "RW1", "RAP": "RAL"},
    "corpus_zzzi": {"R1C": "RW1"},
}

# Bodies out of scope that no register knows, left unmatched with no candidate (no trust's
# values come from them): a private hospital saying it is no public authority under the Act.
UNKNOWN_BODIES = {
    "corpus_zzs": {"RE_ FOI request - Ashcombe Park Hospital.eml"},
    "corpus_zzv": {"Harbourside PCF - FOI reply.docx"},  # a GP federation no register names
    # a private hospital and a GP federation
    "corpus_zzy": {
        "RE_ Freedom of Information request (Linden Grange).eml",
        "Wenmouth PCF information request reply.docx",
    },
    "corpus_zzzf": {"Marlowe Park Private Hospital - information request reply.docx"},
    "corpus_zzzze": {
        "Cedarbrook Healthcare - response to information request.pdf"
    },  # a private group
    "corpus_zzzzq": {"Northgate Park Hospital - your FOI request.eml"},  # a private hospital
    "corpus_zzzzr": {"ICB FOI response 24-778.jpg"},  # an ICB's photographed reply naming no trust
    "corpus_zzzzt": {"Harbourside Independent Hospital - reply.pdf"},  # a private hospital
    "corpus_zzzzw": {"Re_ your information request - Harbourside Private Hospital.eml"},  # private
    "corpus_zzzzzj": {"Marlowe Park Hospital - your information request.docx"},  # private
    "corpus_zzzzx": {"Hartwell Park Hospital - FOIA response.docx"},  # a private hospital
    "corpus_zzzzzb": {"Fernleigh Park Hospital - FOI reply.eml"},  # a private hospital
    "corpus_zzzzzq": {"Hollybank Private Hospital - FOI reply.pdf"},  # a private hospital
    "corpus_zzzzzzb": {"Foxbridge Private Hospital FOI reply.pdf"},  # a private hospital
    "corpus_zzzzzze": {"Harbourside Private Hospital FOI reply.docx"},  # a private hospital
    "corpus_zzzzzzm": {
        "Re_ Freedom of Information request - Hartwell Park Hospital.eml"
    },  # a private hospital
    "corpus_zzzzzzo": {"Harrowfield Private Hospital - FOI.eml"},  # a private hospital
    "corpus_zzzzzzp": {
        "Larkspur Grange Hospital - response to your enquiry.eml"
    },  # an independent hospital
    "corpus_zzzzzzt": {"Harrowfield Private Hospital - FOI reply.eml"},  # a private hospital
    "corpus_zzzzzzx": {"Harbourside Private Hospital - response to your enquiry.pdf"},  # private
    "corpus_zzzzzzy": {"Ashdene Park Hospital FOI reply.pdf"},  # a private hospital
    "corpus_zzzzzzz": {"Hartwell Park Hospital FOI reply.eml"},  # a private hospital
    "corpus_zzzzzzzb": {"Fernleigh Park Hospital response.pdf"},  # a private hospital
    "corpus_zzzzzzzc": {"Harbourside Private Hospital - FOI response.eml"},  # private
    "corpus_zzzzzzzd": {"Thornbury Vale Hospital FOI reply.eml"},  # a private hospital
    "corpus_zzzzzzzf": {"Hartmoor Park Hospital FOI reply.pdf"},  # a private hospital
    "corpus_zzzzzzzg": {"Harbourside Private Hospital FOI reply.pdf"},  # private
    "corpus_zzzzzzzh": {"Larkfield Grange response scan.pdf"},  # a private hospital's form
    "corpus_zzzzzzzi": {"Harrowmere Private Hospital - FOI.eml"},  # a private hospital
    "corpus_zzzzzzzj": {"Harrowgate Park FOI letter.pdf"},  # a private hospital
    "corpus_zzzzzzzk": {"Your enquiry - Harbourside Private Hospital.eml"},  # private
    "corpus_zzzzzzzl": {"Your enquiry - Kingsmere Park Hospital.eml"},  # a private hospital
    "corpus_zzzzzzzn": {"Hazelmere Park Hospital FOI.pdf"},  # a private hospital
    "corpus_zzzzzzzr": {"Harbourside Private Hospital FOI form.pdf"},  # a private hospital
    "corpus_zzzzzzzs": {"Harrowgate Vale Hospital - your FOI request.eml"},  # private
    "corpus_zzzzzzzw": {"Larkfield Park reply.pdf"},  # a private hospital
    "corpus_zzzzzzzx": {"Harrowmere Private Hospital reply.txt"},  # a private hospital
    "corpus_zzzzzzzy": {"Larkfield Priory FOI reply.pdf"},  # a private hospital
    "corpus_zzzzzzzza": {"Kestrel Vale Private Hospital - FOI response.pdf"},  # private
    "corpus_zzzzzzzzb": {"Thornbury Vale Hospital - your information request.eml"},  # private
    "corpus_zzzzzzzzd": {"Ashcombe Park reply.jpg"},  # a private hospital's photographed letter
    "corpus_zzzzzzzzg": {"Re_ FOI - Harrowfield Park Private Hospital.eml"},  # private
    "corpus_zzzzzzzzh": {"Re_ FOI request - Hartsmere Priory Hospital.eml"},  # private
    "corpus_zzzzzzzzj": {"RE Freedom of Information request - St Aldhelms.eml"},  # private
    "corpus_zzzzzzzzk": {"Harbourside Private Hospital - information request.pdf"},  # private
    "corpus_zzzzzzzzm": {"Harrowfield Park - response to information request.pdf"},  # private
    "corpus_zzzzzzzzp": {"Re Freedom of Information request.eml"},  # a private hospital
    "corpus_zzzzzzzzq": {"Harbourview FOI reply.eml"},  # a private hospital
    "corpus_zzzzzzzzs": {"Fernlea Private Hospital - information request.eml"},  # private
    "corpus_zzzzzzzzt": {"Kingsmead Private Hospital FOI reply.eml"},  # a private hospital
    "corpus_zzzzzzzzu": {"Re your FOI request.eml"},  # a private hospital
    "corpus_zzzzzzzzv": {"Hollybrook Private Hospital FOI reply.txt"},  # a private hospital
    "corpus_zzzzzzzzx": {"Re_ Freedom of Information request - Hollins Vale.eml"},  # private
}


# Bodies out of scope whose names come close to a trust's ("Lancashire and South Cumbria ICB"):
# left unmatched with that trust as a candidate, for a person, never given to it.
OUT_OF_SCOPE_FOR_A_PERSON = {
    "corpus_zzzp": {"RE_ FOI LSC ICB 24-0449.eml"},
    # a GP federation's reply (its own name read as an out-of-scope body) that opens with the
    # hospital trust it works with: left between the two
    "corpus_zzzzzj": {"RE_ FOI - Tamar Valley GP Federation.eml"},
    # an ICB's case record naming a trust whose services it commissions: left between the two
    "corpus_zzzzzzzzc": {"NHS Lincolnshire ICB - FOI case LICB-24-0771.pdf"},
}


# A body's statement appended to a trust's reply as a file of its own ("CWP FOI 24-0662 Appendix
# A - ICB statement.pdf", naming the ICB's own lead): read as the body's, out of scope, so
# nothing in it is coded for the trust (its lead is not the trust's); the file is not joined to
# the trust's reply (not done)
APPENDED_BODY_STATEMENT = {
    "corpus_zzzzzzzzl": {"CWP FOI 24-0662 Appendix A - ICB statement.pdf"},
}


# A document saved on its own that its author left with no trust, which one trust's reply names
# by its title: it goes with that reply (`named_in_reply`, as the README says)
LINKED_BY_ITS_REPLY = {
    "corpus_zzzzzza": {"Sexual_Safety_in_the_Workplace_Policy_v1.2.pdf": {"RET"}},
}


def test_every_reply_matched_to_its_trust(evaluation: tuple[str, Evaluation]) -> None:
    corpus, scores = evaluation
    expected = {*UNMATCHED_FOR_A_PERSON.get(corpus, ()), *TAKEN_OVER.get(corpus, {})}
    assert scores.missing_trusts == tuple(sorted(expected))


def test_every_file_matched_right_or_put_before_a_person(
    evaluation: tuple[str, Evaluation],
) -> None:
    """Issue 13: no file given to a wrong trust; a body that is not an English NHS trust is
    out of scope; a file that is not a reply is never a trust's; a file left unmatched names
    its trust among the candidates (so that trust is flagged, not silently "no reply")."""
    corpus = evaluation[0]
    truth = FIXTURES / corpus / "files.csv"
    if not truth.exists():
        pytest.skip("this corpus has no files.csv")
    with (_LAYOUTS[corpus].documents_csv).open(encoding="utf-8") as handle:
        rows = {r["path"]: r for r in csv.DictReader(handle)}
    wrong = []
    with truth.open(encoding="utf-8") as handle:
        for expected in csv.DictReader(handle):
            row = rows[expected["file"]]
            got = {row["trust_code"], *row["also_trusts"].split(";")} - {""}
            named = set(expected["trust_codes"].split(";")) - {""}
            want = {TAKEN_OVER.get(corpus, {}).get(c, c) for c in named}
            if expected["out_of_scope"]:
                ok = row["status"] == "out_of_scope" or (
                    row["status"] == "unmatched"
                    and not row["candidates"]
                    and expected["file"] in UNKNOWN_BODIES.get(corpus, set())
                    or row["status"] == "unmatched"
                    and expected["file"] in OUT_OF_SCOPE_FOR_A_PERSON.get(corpus, set())
                )
            elif not want:
                linked = LINKED_BY_ITS_REPLY.get(corpus, {}).get(expected["file"])
                ok = not got or (got == linked and row["match_method"] == "named_in_reply")
            elif row["status"] == "unmatched":
                candidates = set(row["candidates"].split(";"))
                ok = (
                    want <= candidates
                    or named <= candidates
                    or expected["file"] in NAMES_NO_TRUST.get(corpus, set())
                )
            else:
                ok = got == want or (
                    row["status"] == "out_of_scope"
                    and expected["file"] in APPENDED_BODY_STATEMENT.get(corpus, set())
                )
            if not ok:
                wrong.append(
                    f"{expected['file']}: want {want or expected['out_of_scope']}, got "
                    f"{got or row['status']} ({row['match_method']})"
                )
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("field", FIELDS)
def test_accuracy_does_not_fall(evaluation: tuple[str, Evaluation], field: str) -> None:
    corpus, scores = evaluation
    score = next(f for f in scores.fields if f.field == field)
    accuracy_floor, not_flagged_floor = FLOORS[corpus][field]
    assert score.accuracy >= accuracy_floor
    assert score.accuracy_not_review is not None
    assert score.accuracy_not_review >= not_flagged_floor
