"""One error base class; every message is one line that says what to do.

The CLI prints ``str(error)`` to stderr and exits non-zero; library code raises these
instead of printing.
"""


class FoiAuditError(Exception):
    """Base class: the message is a one-line, actionable sentence."""


class ReadError(FoiAuditError):
    """A file could not be read as a reply."""


class UnsupportedFormat(ReadError):
    """The file's type is not one foi-audit reads."""


class EncryptedFile(ReadError):
    """The file is password-protected."""


class EmptyFile(ReadError):
    """The file holds no bytes or no text."""


class NotAPage(EmptyFile):
    """An image too small to be a page: a logo or an icon."""


class TooLarge(ReadError):
    """The file (or what it unpacks to) is over a safety limit."""


class CorruptFile(ReadError):
    """The file is damaged or truncated."""


class NeedsOcr(ReadError):
    """Scanned pages need Tesseract, which is not installed."""


class ReaderTimeout(ReadError):
    """A reader took longer than the per-file time limit."""


class RegisterError(FoiAuditError):
    """The trust register or an ODS extract is unusable."""


class CodebookError(FoiAuditError):
    """A codebook file is malformed."""


class StoreError(FoiAuditError):
    """Processed data is missing or unreadable."""


class InputError(FoiAuditError):
    """A user-supplied file (mapping, overrides, asked, gold) is malformed."""


class StudyError(FoiAuditError):
    """A study's foi-audit.toml is unusable, or a run would mix two studies' data."""


class Interrupted(FoiAuditError):
    """The run was stopped (Ctrl-C, SIGTERM); the message says what state the outputs are in."""
