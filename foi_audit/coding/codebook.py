"""Codebooks: which fields a study codes, their allowed values and their decision rules.

A codebook is a TOML file (the default one is ``codebook.toml`` beside this module). The
engine (``coding.engine``) reads the rules; summary and review read only the fields, their
values and ``applies_when`` (the base a conditional field is counted among).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from foi_audit.errors import CodebookError

FIELD_KINDS = ("categorical", "multi", "text")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # categorical: one of values; multi: ';'-joined subset of values; text: free text
    label: str  # short human label ("Dedicated sexual-safety policy")
    definition: str
    values: tuple[str, ...] = ()
    value_labels: tuple[tuple[str, str], ...] = ()  # (value, plain-English label)
    applies_when: tuple[str, str] | None = None  # (field, value): counted only among these
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def allows(self, value: str) -> bool:
        if not value or self.kind == "text":
            return True
        if self.kind == "multi":
            return all(part in self.values for part in value.split(";"))
        return value in self.values

    def value_label(self, value: str) -> str:
        return dict(self.value_labels).get(value, value.replace("_", " "))


@dataclass(frozen=True)
class Codebook:
    name: str
    description: str
    fields: tuple[Field, ...]
    source: str  # file it was loaded from
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise CodebookError(
            f"{name!r} is not a field of codebook {self.name!r}: choose one of "
            + ", ".join(self.field_names)
        )


DEFAULT_CODEBOOK = "codebook.toml"


def default_codebook_path() -> Path:
    return Path(str(resources.files("foi_audit.coding").joinpath(DEFAULT_CODEBOOK)))


def load_codebook(path: Path | None = None) -> Codebook:
    """Load and validate a codebook; ``None`` means the built-in one for the study."""
    path = path or default_codebook_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CodebookError(f"{path} does not exist: pass a codebook TOML file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CodebookError(f"{path} is not valid TOML ({exc}); fix the line it names") from exc
    return parse_codebook(data, str(path))


def parse_codebook(data: dict[str, Any], source: str) -> Codebook:
    fields_data = data.get("fields")
    if not isinstance(fields_data, list) or not fields_data:
        raise CodebookError(f"{source}: needs at least one [[fields]] table")
    fields = []
    names: set[str] = set()
    for index, item in enumerate(fields_data, start=1):
        name = item.get("name")
        if not name or not isinstance(name, str):
            raise CodebookError(f"{source}: field {index} has no name")
        if name in names:
            raise CodebookError(f"{source}: field {name!r} is defined twice")
        names.add(name)
        kind = item.get("kind", "categorical")
        if kind not in FIELD_KINDS:
            raise CodebookError(
                f"{source}: field {name!r} has kind {kind!r}; use one of " + ", ".join(FIELD_KINDS)
            )
        values = tuple(item.get("values", ()))
        if kind != "text" and not values:
            raise CodebookError(f"{source}: field {name!r} needs its allowed values")
        applies = item.get("applies_when")
        applies_when = None
        if applies:
            if not isinstance(applies, str) or "=" not in applies:
                raise CodebookError(
                    f"{source}: field {name!r}: applies_when must look like 'abt_provided=yes'"
                )
            other, value = (part.strip() for part in applies.split("=", 1))
            applies_when = (other, value)
        labels = item.get("value_labels", {})
        fields.append(
            Field(
                name=name,
                kind=kind,
                label=item.get("label", name.replace("_", " ")),
                definition=item.get("definition", ""),
                values=values,
                value_labels=tuple((str(k), str(v)) for k, v in labels.items()),
                applies_when=applies_when,
                raw=item,
            )
        )
    for f in fields:
        if f.applies_when and f.applies_when[0] not in names:
            raise CodebookError(
                f"{source}: field {f.name!r} applies_when names unknown field {f.applies_when[0]!r}"
            )
    codebook = Codebook(
        name=data.get("name", Path(source).stem),
        description=data.get("description", ""),
        fields=tuple(fields),
        source=source,
        raw=data,
    )
    from foi_audit.coding.engine import compile_codebook

    compile_codebook(codebook)  # bad patterns or rule values fail here, with the rule named
    return codebook


def codebook_summary(codebook: Codebook) -> dict[str, Any]:
    """The codebook as plain data (for ``foi-audit codebook`` and its ``--json``)."""
    fields = []
    for f in codebook.fields:
        fields.append(
            {
                "name": f.name,
                "kind": f.kind,
                "label": f.label,
                "definition": f.definition,
                "values": list(f.values),
                "value_labels": dict(f.value_labels),
                "applies_when": "=".join(f.applies_when) if f.applies_when else "",
                "questions": list(f.raw.get("questions", [])),
                "decision": str(f.raw.get("decision", "")),
                "rules": [
                    {
                        "id": r.get("id", ""),
                        "value": str(r.get("value", "")),
                        "only": list(r.get("only", [])),
                        "any": list(r.get("any", [])),
                        "all": list(r.get("all", [])),
                        "unless": list(r.get("unless", [])),
                        "extract": list(r.get("extract", [])),
                        "from_field": r.get("from_field", ""),
                    }
                    for r in f.raw.get("rules", [])
                ],
                "examples": [
                    {"text": str(e.get("text", "")), "value": str(e.get("value", ""))}
                    for e in f.raw.get("examples", [])
                ],
            }
        )
    return {
        "name": codebook.name,
        "description": codebook.description,
        "source": codebook.source,
        "questions": [
            {"id": q.get("id", ""), "label": q.get("label", ""), "text": q.get("text", "")}
            for q in codebook.raw.get("questions", [])
        ],
        "fields": fields,
    }
