"""Ruling lines in a scanned page image: table rules, their skew, and the grids they form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from foi_audit.readers.tesseract import pnm

# Ruling-line detection, as fractions of the page so that any scan resolution works.
RUN_FRACTION = 1 / 33  # shortest dark run that counts as part of a rule (longer than letters)
MIN_HORIZONTAL_FRACTION = 0.1  # of the page width
MIN_VERTICAL_FRACTION = 0.03  # of the page height (a one-row table is about this tall)
MAX_THICKNESS_FRACTION = 1 / 150  # thicker dark bands are logos or shading, not rules
RULE_ERASE_FRACTION = 1 / 300  # width painted over a rule before OCR (12 px at 300 dpi)
MIN_COVER = 0.6  # share of a rule's length that must be dark (broken lines still pass)
MAX_SKEW = 0.035  # tangent of the largest skew looked for (2 degrees)
EDGE_FRACTION = 0.02  # of the page: a dark band this close to an edge is the scanner's


@dataclass(frozen=True)
class Rule:
    """A straight dark line: its position across and its extent along, in deskewed pixels."""

    position: float
    start: float
    end: float


@dataclass(frozen=True)
class Grid:
    """A ruled table: the positions of its horizontal and vertical rules, deskewed."""

    rows: tuple[float, ...]
    columns: tuple[float, ...]
    # each vertical rule's (position, top, bottom): a form's rows are not all cut alike
    verticals: tuple[tuple[float, float, float], ...] = ()

    def bounds(self, top: float, bottom: float, tolerance: float) -> list[float]:
        """The inner column edges a rule draws through the row between ``top`` and ``bottom``
        (all of them when the rules' extents are not known)."""
        middle = (top + bottom) / 2
        return [
            x
            for x in self.columns[1:-1]
            if not self.verticals
            or any(
                abs(position - x) <= tolerance and start - tolerance <= middle <= end + tolerance
                for position, start, end in self.verticals
            )
        ]

    def contains(self, x: float, y: float, tolerance: float) -> bool:
        return (
            self.columns[0] - tolerance <= x <= self.columns[-1] + tolerance
            and self.rows[0] - tolerance <= y <= self.rows[-1] + tolerance
        )


@dataclass(frozen=True)
class PageRules:
    """Ruling lines on one page image. ``slope`` is the skew: deskewed x = x + slope * y and
    deskewed y = y - slope * x."""

    slope: float = 0.0
    horizontal: tuple[Rule, ...] = ()
    vertical: tuple[Rule, ...] = ()
    grids: tuple[Grid, ...] = ()
    tolerance: float = 10.0


def find_rules(image: Any) -> PageRules:
    """Long straight dark lines (table rules) in a page image, and the ruled grids they form.

    Pixels darker than the paper are kept where they belong to a run longer than any letter;
    the skew is the angle at which those runs line up best; a rule is a thin band of such runs
    covering most of its length (so noise, gaps in a photocopied line and a slight tilt are all
    tolerated, while logos and shaded boxes are too thick to count).
    """
    import numpy as np

    full = np.asarray(image.convert("L"), dtype=np.uint8)
    # half size, keeping the darkest pixel of each 2x2 so thin grey rules survive: 4x faster
    scale = 2 if min(full.shape) >= 1200 else 1
    if scale == 2:
        rows, cols = full.shape[0] // 2 * 2, full.shape[1] // 2 * 2
        even, odd = full[0:rows:2, :cols], full[1:rows:2, :cols]
        pairs = np.minimum(even, odd)
        gray = np.minimum(pairs[:, 0::2], pairs[:, 1::2])
    else:
        gray = full
    height, width = gray.shape
    counts = np.bincount(gray.ravel(), minlength=256)
    paper = int(np.searchsorted(np.cumsum(counts), gray.size // 2))
    # light enough for thin grey rules, dark enough to skip pale shading of header rows
    dark = gray < paper - max(30, paper // 7)
    run = max(16, int(width * RUN_FRACTION))
    h_along, h_across = _inside(_run_centres(dark, run, axis=1), height)
    v_along, v_across = _inside(_run_centres(dark, run, axis=0), width)
    if len(h_along) == 0 and len(v_along) == 0:
        return PageRules()
    slope = _skew(np, h_along, h_across, v_along, v_across)
    thickness = max(4, int(height * MAX_THICKNESS_FRACTION))
    # both coordinates deskewed: across the rule (its position) and along it (its extent)
    horizontal = _rules(
        np,
        h_across - slope * h_along,
        h_along + slope * h_across,
        run,
        thickness,
        width * MIN_HORIZONTAL_FRACTION,
    )
    vertical = _rules(
        np,
        v_across + slope * v_along,
        v_along - slope * v_across,
        run,
        thickness,
        height * MIN_VERTICAL_FRACTION,
    )
    tolerance = max(6.0, width / 150)
    grids = _grids(horizontal, vertical, tolerance)
    return PageRules(
        slope=slope,
        horizontal=tuple(_scaled(rule, scale) for rule in horizontal),
        vertical=tuple(_scaled(rule, scale) for rule in vertical),
        grids=tuple(
            Grid(
                tuple(y * scale for y in g.rows),
                tuple(x * scale for x in g.columns),
                tuple((x * scale, a * scale, b * scale) for x, a, b in g.verticals),
            )
            for g in grids
        ),
        tolerance=tolerance * scale,
    )


def without_rules(image: Any, rules: PageRules) -> bytes:
    """The page as a PGM image with its rules painted the paper's colour (a few pixels wider
    than a rule is drawn, for its grey edges; words keep their places)."""
    from PIL import ImageDraw

    clean = image.convert("L").copy()
    histogram = clean.histogram()
    half, total, paper = clean.width * clean.height // 2, 0, 255
    for level, count in enumerate(histogram):
        total += count
        if total >= half:
            paper = level
            break
    draw = ImageDraw.Draw(clean)
    width = max(5, round(clean.height * RULE_ERASE_FRACTION))
    slope = rules.slope
    # back from deskewed to page coordinates: y = y' + slope * x, x = x' - slope * y
    for rule in rules.horizontal:
        ends = [
            (x - slope * rule.position, rule.position + slope * x) for x in (rule.start, rule.end)
        ]
        draw.line(ends, fill=paper, width=width)
    for rule in rules.vertical:
        ends = [
            (rule.position - slope * y, y + slope * rule.position) for y in (rule.start, rule.end)
        ]
        draw.line(ends, fill=paper, width=width)
    return pnm(clean)


def _scaled(rule: Rule, scale: int) -> Rule:
    return Rule(rule.position * scale, rule.start * scale, rule.end * scale)


def _run_centres(mask: Any, run: int, axis: int) -> tuple[Any, Any]:
    """Centres of every fully dark window of ``run`` pixels along ``axis`` of ``mask``:
    (position along the run, position across it)."""
    import numpy as np

    sums = np.cumsum(mask, axis=axis, dtype=np.int32)
    if axis == 1:
        window = sums[:, run:] - sums[:, :-run]
        across, along = np.nonzero(window == run)
    else:
        window = sums[run:, :] - sums[:-run, :]
        along, across = np.nonzero(window == run)
    return along.astype(np.float64) + run / 2, across.astype(np.float64)


def _inside(runs: tuple[Any, Any], extent: int) -> tuple[Any, Any]:
    """Runs away from the page's edges: a scanner's shadow down one side is straight however
    the page lies, and would hide the page's own skew (it is never a table's rule)."""
    along, across = runs
    margin = extent * EDGE_FRACTION
    keep = (across >= margin) & (across <= extent - margin)
    return along[keep], across[keep]


def _skew(np: Any, h_along: Any, h_across: Any, v_along: Any, v_across: Any) -> float:
    """The slope at which the dark runs pile up most sharply (rules then lie on single rows)."""
    step = max(1, (len(h_along) + len(v_along)) // 40000)  # a sample is plenty
    ha, hc = h_along[::step], h_across[::step]
    va, vc = v_along[::step], v_across[::step]

    def score(slope: float) -> float:
        total = 0.0
        for across in (hc - slope * ha, vc + slope * va):
            if len(across):
                bins = np.bincount(np.round(across - across.min()).astype(np.int64))
                total += float(np.dot(bins, bins))
        return total

    # coarse then fine; ties go to the straighter slope
    spacing = 2 * MAX_SKEW / 14
    coarse = sorted((float(s) for s in np.linspace(-MAX_SKEW, MAX_SKEW, 15)), key=abs)
    centre = max(coarse, key=score)
    fine = sorted((float(s) for s in np.linspace(centre - spacing, centre + spacing, 11)), key=abs)
    return max(fine, key=score)


def _rules(
    np: Any, across: Any, along: Any, run: int, thickness: int, min_length: float
) -> tuple[Rule, ...]:
    if len(across) == 0:
        return ()
    offset = across.min()
    bins = np.round(across - offset).astype(np.int64)
    counts = np.bincount(bins)
    rules: list[Rule] = []
    for low, high in _bands(np, counts, min_length * 0.5):
        if high - low + 1 > thickness:
            # a solid shape (logo, dark shading): only a rule standing out of it may count
            level = float(np.median(counts[low : high + 1]))
            peaks = _bands(np, counts[low : high + 1], max(2 * level, min_length * 0.5))
            candidates = [(low + a, low + b) for a, b in peaks if b - a + 1 <= thickness]
        else:
            candidates = [(low, high)]
        for a, b in candidates:
            band = (bins >= a - 1) & (bins <= b + 1)
            rules.extend(_segments(np, across[band], along[band], run, min_length))
    return tuple(rules)


def _bands(np: Any, counts: Any, threshold: float) -> list[tuple[int, int]]:
    """Runs of consecutive bins whose count reaches ``threshold``, as (first, last)."""
    strong = np.concatenate(([False], counts >= threshold, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(strong))
    return [(int(a), int(b) - 1) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _segments(np: Any, across: Any, along: Any, run: int, min_length: float) -> list[Rule]:
    """One band of dark runs cut where it has long breaks (two tables in line, a logo above)."""
    order = np.argsort(along)
    along, across = along[order], across[order]
    breaks = np.flatnonzero(np.diff(along) > 2 * run) + 1
    rules = []
    for part_along, part_across in zip(
        np.split(along, breaks), np.split(across, breaks), strict=True
    ):
        start, stop = float(part_along[0]) - run / 2, float(part_along[-1]) + run / 2
        covered = len(np.unique((part_along / 4).astype(np.int64))) * 4 + run
        if stop - start >= min_length and covered >= MIN_COVER * (stop - start):
            rules.append(Rule(float(np.average(part_across)), start, stop))
    return rules


def _distinct(positions: list[float], tolerance: float) -> tuple[float, ...]:
    """Sorted positions, pieces of one broken rule counted once."""
    result: list[float] = []
    for position in sorted(positions):
        if result and position - result[-1] <= tolerance:
            continue
        result.append(position)
    return tuple(result)


def _grids(
    horizontal: tuple[Rule, ...], vertical: tuple[Rule, ...], tolerance: float
) -> tuple[Grid, ...]:
    """Rules that cross each other, grouped into tables with at least two of each kind."""
    parent = list(range(len(horizontal) + len(vertical)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, h_rule in enumerate(horizontal):
        for j, v_rule in enumerate(vertical):
            if (
                h_rule.start - tolerance <= v_rule.position <= h_rule.end + tolerance
                and v_rule.start - tolerance <= h_rule.position <= v_rule.end + tolerance
            ):
                parent[root(i)] = root(len(horizontal) + j)
    groups: dict[int, tuple[list[float], list[Rule]]] = {}
    for i, h_rule in enumerate(horizontal):
        groups.setdefault(root(i), ([], []))[0].append(h_rule.position)
    for j, v_rule in enumerate(vertical):
        groups.setdefault(root(len(horizontal) + j), ([], []))[1].append(v_rule)
    grids = [
        Grid(
            _distinct(rows, tolerance),
            _distinct([rule.position for rule in columns], tolerance),
            tuple((rule.position, rule.start, rule.end) for rule in columns),
        )
        for rows, columns in groups.values()
    ]
    grids = [grid for grid in grids if len(grid.rows) >= 2 and len(grid.columns) >= 2]
    return tuple(sorted(grids, key=lambda grid: grid.rows[0]))
