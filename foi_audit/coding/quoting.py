"""E-mails as text: a printout's own header, and a reply written below the message it quotes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from foi_audit.coding.compiled import Patterns
from foi_audit.coding.labels import QUOTE_MARK
from foi_audit.coding.records import Line


def below_quote(lines: Sequence[Line], quoted_mail: Patterns) -> int:
    """Where the sender's text starts under a quoted message that opens the mail ("Rowan
    Tessler wrote on 28/11/2024:" over "> ..." lines, then "Dear Rowan, we are sorry ..."):
    the first unmarked line after the quote's marked ones; 0 when the mail does not open so."""
    opening = "\n".join(line.text for line in lines[:4])
    if not lines or not any(pattern.match(opening) for pattern in quoted_mail):
        return 0
    marked = 0
    for index, line in enumerate(lines[1:], start=1):
        if QUOTE_MARK.match(line.text):
            marked += 1
        elif marked:
            return index
        elif index > 3:
            return 0  # Outlook's header lines, then no marked quote: an ordinary history
    return 0


# A mail client's printout (a PDF of an e-mail) opens with the message's own header lines.
_HEADER_FROM = re.compile(r"^\s*from:\s+\S", re.I)
_HEADER_SENT = re.compile(r"^\s*(?:sent|date|subject):\s+\S", re.I)


def printed_header(lines: Sequence[Line]) -> int:
    """Where an e-mail printed to PDF or saved as text has its own "From:" line, with "Sent:"
    (or "Subject:") among its first lines, so its quoted history is cut as an e-mail's is;
    -1 when it is no e-mail."""
    top = [line.text for line in lines[:12]]
    own = next((i for i, t in enumerate(top) if _HEADER_FROM.match(t)), -1)
    return own if any(_HEADER_SENT.match(t) for t in top[own + 1 :]) and own >= 0 else -1
