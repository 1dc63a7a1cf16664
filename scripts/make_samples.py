"""Write the bundled SYNTHETIC sample replies into data/raw/ (run from the repository root).

    python scripts/make_samples.py        # needs the dev extras: pip install -e '.[dev]'

The trusts are real NHS trusts in England (names and codes from the ODS register); everything the
replies say (policies, providers, names, references, links) is invented, and every document says
so in its own text. They answer the study's request (sexual safety policy, Active Bystander
Training, DASV lead) in every format foi-audit reads. The output is deterministic.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

from make_reader_fixtures import (  # noqa: E402
    docx_letter,
    email_message,
    msg_tree,
    pdf_letter,
    scanned_pdf,
    write_cfb,
    xlsx_workbook,
)

RAW = ROOT / "data" / "raw"
SYNTHETIC = "SYNTHETIC EXAMPLE – not a real FOI reply"
REQUESTER = "Rachel Okafor <r.okafor.research@example.org>"
Q1 = (
    "1. Does the Trust have a dedicated policy on sexual safety / sexual harassment of staff? "
    "If so, please provide a copy or a link."
)
Q2 = "2. Does the Trust provide Active Bystander Training (ABT) to staff?"
Q2A = "2(a) Is it delivered in-house or by an external provider (please name the provider)?"
Q2B = "2(b) Is it mandatory or optional?"
Q2C = "2(c) Does it include a module specifically on sexual harassment?"
Q3 = "3. If the Trust does not provide ABT, does it plan to introduce it?"
Q4 = (
    "4. Has the Trust appointed an executive lead for domestic abuse and sexual violence (DASV)? "
    "Please give the name and job title."
)
REVIEW = (
    "If you are unhappy with the way your request has been handled, you may ask for an internal "
    "review within 40 working days. If you remain dissatisfied you may complain to the "
    "Information Commissioner's Office."
)


def west_suffolk_pdf() -> bytes:
    """RGR: text PDF letter with a ruled Q/A table; dedicated policy via s21 link."""
    return pdf_letter(
        [
            "West Suffolk NHS Foundation Trust",
            "West Suffolk Hospital, Hardwick Lane",
            "Bury St Edmunds IP33 2QZ",
            SYNTHETIC,
        ],  # fmt: skip
        [
            "Ms R Okafor      Our ref: FOI 24-0412      25 November 2024",
            "Dear Ms Okafor",
            "Thank you for your request received on 4 November 2024. Our answers are in the "
            f"table below. ({SYNTHETIC}.)",
        ],
        [
            (
                Q1,
                "Yes. Our Sexual Safety at Work Policy is published on our website, so it is "
                "exempt under section 21 of the Act (information accessible by other means): "
                "https://example.org/wsft/policies/sexual-safety-at-work",
            ),
            (Q2, "Yes."),
            (Q2A, "External provider: Harbourline Training Ltd delivers all sessions."),
            (Q2B, "Optional - staff are encouraged to attend."),
            (Q2C, "Yes, there is a dedicated sexual harassment module."),
            (Q3, "Not applicable."),
            (Q4, "Yes - Dr Helena Marsh-Okoye, Chief Nurse."),
        ],
        [
            REVIEW,
            "Yours sincerely",
            "Information Governance Team",
            "West Suffolk NHS Foundation Trust",
        ],  # fmt: skip
        f"West Suffolk NHS Foundation Trust - Freedom of Information - {SYNTHETIC}",
    )


def dudley_scan() -> bytes:
    """RNA: a scanned (image-only) letter; general policy only, no ABT but planned."""
    return scanned_pdf(
        [
            [
                "The Dudley Group NHS Foundation Trust",
                "Russells Hall Hospital, Pensnett Road, Dudley DY1 2HQ",
                SYNTHETIC,
                "",
                "Ref: FOI/DG/24/1187                          28 November 2024",
                "Dear Ms Okafor",
                "",
                "1. Dedicated sexual safety policy?",
                "No dedicated policy. Sexual harassment is covered by our",
                "Bullying and Harassment Policy.",
                "",
                "2. Active Bystander Training?",
                "No, the Trust does not currently provide ABT.",
                "",
                "3. Plans to introduce it?",
                "Yes. We plan to introduce ABT during 2025/26.",
                "",
                "4. Executive lead for DASV?",
                "Yes. The lead is the Director of Nursing. We have not",
                "given the name of the post holder.",
                "",
                "Yours sincerely",
                "FOI Office, The Dudley Group NHS Foundation Trust",
            ]
        ]
    )


def royal_devon_docx() -> bytes:
    """RH8: Word reply, letterhead only in the page header; policy in development."""
    return docx_letter(
        [
            "Royal Devon University Healthcare NHS Foundation Trust",
            "Royal Devon and Exeter Hospital, Barrack Road, Exeter EX2 5DW",
        ],  # fmt: skip
        [
            SYNTHETIC,
            "FOI reference: RD-2024-3310",
            "Dear Ms Okafor",
            "Please find our response to your request of 4 November 2024 below.",
        ],
        [
            ("Question", "Response"),
            (
                Q1,
                "A dedicated Sexual Safety Policy is being drafted and is expected to go to "
                "the People Committee for approval in spring 2025.",
            ),  # fmt: skip
            (Q2, "Yes."),
            (Q2A, "In-house: delivered by our own Organisational Development facilitators."),
            (Q2B, "Mandatory for all line managers."),
            (Q2C, "No, not specifically; harassment features in the scenarios."),
            (Q3, "N/A"),
            (Q4, "Yes - Professor Daniel Ashworth, Chief Medical Officer."),
        ],
        [REVIEW, "Kind regards", "Freedom of Information Team"],
        f"Royal Devon University Healthcare NHS Foundation Trust | {SYNTHETIC}",
    )


def plymouth_xlsx() -> bytes:
    """RK9: spreadsheet with title rows and a merged title; no policy, no ABT, no lead."""
    return xlsx_workbook(
        [
            (
                "Response",
                [
                    ["University Hospitals Plymouth NHS Trust", None, None],
                    [f"FOI 24/2231 - response sent 29/11/2024 - {SYNTHETIC}", None, None],
                    [None, None, None],
                    ["Ref", "Question", "Answer"],
                    ["1", Q1[3:], "No. The Trust does not have a policy on this subject."],
                    ["2", Q2[3:], "No."],
                    ["2a-c", "Delivery, mandatory, module", "N/A"],
                    ["3", Q3[3:], "No, there are no plans at present."],
                    ["4", Q4[3:], "No executive lead has been appointed for DASV."],
                ],
                ["A1:C1", "A2:C2"],
            )
        ]
    )


def north_bristol_eml() -> bytes:
    """RVJ: email whose body names no trust; the reply is in the attached PDF."""
    attachment = pdf_letter(
        ["North Bristol NHS Trust", "Southmead Hospital, Bristol BS10 5NB", SYNTHETIC],
        ["Dear Ms Okafor", f"Response to FOI NBT-24-5120. {SYNTHETIC}."],
        [
            (Q1, "Yes - the Sexual Misconduct and Sexual Safety Policy is attached."),
            (Q2, "Yes."),
            (
                Q2A,
                "Both: an external provider, Clearwell Learning, trained our in-house "
                "facilitators, who now run the sessions.",
            ),  # fmt: skip
            (Q2B, "Optional."),
            (Q2C, "Yes."),
            (Q3, "Not applicable."),
            (
                Q4,
                "Yes, the Deputy Chief Nurse. The name of the post holder is withheld under "
                "section 40(2) of the Act (personal information).",
            ),  # fmt: skip
        ],
        [REVIEW, "Yours sincerely", "FOI Team"],
        f"North Bristol NHS Trust - {SYNTHETIC}",
    )
    return email_message(
        "FOI NBT-24-5120 - response",
        "FOI Team <nbt.foi@nhs.example>",
        REQUESTER,
        "Mon, 02 Dec 2024 14:12:00 +0000",
        f"Dear Ms Okafor,\n\nPlease find our response attached.\n\n{SYNTHETIC}\n\nFOI Team\n",
        attachments=[("FOI NBT-24-5120 response.pdf", attachment, "application/pdf")],
        boundary_seed="nbt",
    )


def east_london_msg() -> bytes:
    """RWK: Outlook message with the answers in the body; general policy only."""
    body = "\r\n".join(
        [
            "Dear Ms Okafor,",
            "",
            f"Freedom of Information request ELFT/24/0877 ({SYNTHETIC}).",
            "",
            Q1,
            "The Trust does not have a separate policy; sexual harassment is covered by our "
            "Dignity at Work Policy.",
            "",
            Q2,
            "Yes. It is delivered by an external provider, Northgate Bystander Partners. It is "
            "mandatory for all staff and includes a module on sexual harassment.",
            "",
            Q3,
            "N/A",
            "",
            Q4,
            "Yes - Ms Priya Raman-Cole, Chief Nursing Officer.",
            "",
            "Kind regards",
            "Information Governance, East London NHS Foundation Trust",
        ]
    )
    return write_cfb(
        msg_tree(
            "RE: Freedom of Information request ELFT/24/0877",
            "ELFT FOI",
            "elft.foi@nhs.example",
            "Rachel Okafor",
            dt.datetime(2024, 11, 27, 11, 40, tzinfo=dt.UTC),
            body,
        )
    )


def nottingham_html() -> bytes:
    """RX1: a saved disclosure-log page; another entry on the page cites a different section."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Disclosure log | Nottingham University Hospitals NHS Trust</title>
<script>window.analytics = "ignore me";</script></head>
<body><header><img src="logo.svg" alt="Nottingham University Hospitals NHS Trust"></header>
<nav><a href="/">Home</a> / <a href="/foi">Freedom of Information</a></nav>
<main><h1>Disclosure log - December 2024</h1><p><strong>{SYNTHETIC}</strong></p>
<article><h2>FOI 24-3318: Sexual safety, Active Bystander Training and DASV lead</h2>
<p>Date of response: 3 December 2024</p>
<table><tr><th>Question</th><th>Response</th></tr>
<tr><td>{Q1}</td><td>Yes. The Sexual Safety Charter Policy is published at
<a href="https://example.org/nuh/sexual-safety-policy">https://example.org/nuh/sexual-safety-policy</a>
and is therefore exempt under section 21.</td></tr>
<tr><td>{Q2}</td><td>Yes. (a) In-house, by our Learning and Organisational Development team.
(b) Optional. (c) Yes.</td></tr>
<tr><td>{Q3}</td><td>Not applicable.</td></tr>
<tr><td>{Q4}</td><td>Yes - Mr Tobias Wren, Director of Nursing.</td></tr></table></article>
<article><h2>FOI 24-3320: Car parking</h2><p>Information on staff car parking permits is
withheld under section 43 (commercial interests).</p></article></main>
<footer><p>Nottingham University Hospitals NHS Trust, Queen's Medical Centre, Nottingham NG7 2UH</p></footer>
</body></html>
""".encode()


def east_north_herts_txt() -> bytes:
    """RWH: plain text export; policy in development, no ABT, lead's title only."""
    return "\r\n".join(
        [
            "East and North Hertfordshire Teaching NHS Trust - Freedom of Information",
            SYNTHETIC,
            "",
            "Request reference: ENH-FOI-24-6021     Date of response: 2 December 2024",
            "",
            Q1,
            "Answer: A dedicated policy is in development; until it is approved the Respect at "
            "Work Policy applies.",
            "",
            Q2,
            "Answer: No.",
            "",
            Q3,
            "Answer: Yes, we intend to introduce ABT in 2025.",
            "",
            Q4,
            "Answer: Yes. The executive lead is the Chief People Officer.",
            "",
        ]
    ).encode("cp1252")


def york_ack_eml() -> bytes:
    """RCB: acknowledgement only (no reply yet)."""
    return email_message(
        "Acknowledgement: Freedom of Information request",
        "FOI <yorkfoi@nhs.example>",
        REQUESTER,
        "Tue, 05 Nov 2024 08:02:00 +0000",
        "Dear Requester,\n\nThank you for your request for information, which we received on "
        "4 November 2024. We will respond within 20 working days.\n\n"
        f"{SYNTHETIC}\n\nFreedom of Information Office\n"
        "York and Scarborough Teaching Hospitals NHS Foundation Trust\n",
        boundary_seed="york",
    )


SAMPLES = {
    "FOI response 24-0412.pdf": west_suffolk_pdf,
    "Scans/scan_20241128_1187.pdf": dudley_scan,
    "Response to your FOI request.docx": royal_devon_docx,
    "Book2.xlsx": plymouth_xlsx,
    "Inbox/FOI NBT-24-5120 - response.eml": north_bristol_eml,
    "Inbox/RE Freedom of Information request.msg": east_london_msg,
    "disclosure-log-december-2024.html": nottingham_html,
    "foi-reply.txt": east_north_herts_txt,
    "Inbox/Acknowledgement - FOI request.eml": york_ack_eml,
}
DUPLICATE = ("Replies/FOI response 24-0412 (1).pdf", "FOI response 24-0412.pdf")

ASKED = [  # trust_code, date_received, reference
    ("RCB", "2024-11-04", ""),
    ("RGR", "2024-11-04", "FOI 24-0412"),
    ("RH8", "2024-11-04", "RD-2024-3310"),
    ("RK9", "2024-11-05", "FOI 24/2231"),
    ("RNA", "2024-11-04", "FOI/DG/24/1187"),
    ("RNQ", "2024-11-04", ""),  # never replied
    ("RVJ", "2024-11-04", "NBT-24-5120"),
    ("RWH", "2024-11-04", "ENH-FOI-24-6021"),
    ("RWK", "2024-11-04", "ELFT/24/0877"),
    ("RWP", "2024-11-04", ""),  # never replied
    ("RX1", "2024-11-04", "FOI 24-3318"),
]


def main() -> None:
    written: dict[str, bytes] = {}
    for relative, build in SAMPLES.items():
        written[relative] = build()
    written[DUPLICATE[0]] = written[DUPLICATE[1]]
    for relative, data in written.items():
        path = RAW / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["trust_code", "date_sent", "date_received", "reference"])
    for code, received, reference in ASKED:
        writer.writerow([code, "2024-11-04", received, reference])
    (RAW / "asked.csv").write_text(buffer.getvalue(), encoding="utf-8")
    total = sum(len(d) for d in written.values())
    print(f"wrote {len(written)} sample files ({total / 1024:.0f} KB) and asked.csv to {RAW}")


if __name__ == "__main__":
    main()
