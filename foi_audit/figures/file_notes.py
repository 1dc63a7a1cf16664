"""What every figure says about the files behind it: some not matched, some set aside."""

from __future__ import annotations

from foi_audit.wording import count as count_of
from foi_audit.wording import verb


def unmatched_warning(files_unmatched: int) -> str:
    """What summary, report and tables open with while some files are not matched."""
    if not files_unmatched:
        return ""
    return (
        f"{count_of(files_unmatched, 'file')} {verb(files_unmatched, 'is')} not matched to a "
        "trust: figures may miss trusts (their candidates are flagged "
        "unmatched_file_may_belong; pin each file in mapping.csv and ingest again)"
    )


def set_aside_note(out_of_scope: int, skipped: int) -> str:
    """Files read but not counted for any trust, and why."""
    aside = []
    if out_of_scope:
        aside.append(
            f"{count_of(out_of_scope, 'file')} from bodies that are not NHS trusts in England "
            "(out of scope, not counted)"
        )
    if skipped:
        aside.append(f"{count_of(skipped, 'file')} skipped as not a reply")
    return f"Set aside: {'; '.join(aside)} (see documents.csv)." if aside else ""
