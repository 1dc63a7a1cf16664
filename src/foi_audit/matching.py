"""Match a file (and its attachments) to a trust in the register.

PLACEHOLDER until the matcher lands: only an ODS code in the file name is recognised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from foi_audit.model import Document, Match
from foi_audit.register import Register


def match_group(group: Sequence[Document], register: Register) -> Match:
    for token in re.findall(r"[A-Z0-9]{3,5}", group[0].path):
        if register.get(token):
            return Match(token, "code_in_name", 100.0)
    return Match("", "none", 0.0, "no trust found in the file: pin it in data/mapping.csv")
