"""Bench for the letter engine (issue 3): 5,000 letters against a bare platypus loop, and labels.

    python bench/letters.py --letters 5000 --repeat 2

Builds generated addressees in memory and makes their "Uitnodiging Dag van de Mantelzorg"
letters twice over, alternately: with the letter engine (letterhead, logo, window address,
date and kenmerk, footer, page numbers, signature) and with a bare ReportLab platypus loop
that makes the same pages in the same embedded font without page decoration. Then it makes
address labels for everyone. The last line printed is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from steunpunt.domain.choices import Grouping, LetterKind, Salutation
from steunpunt.domain.letters.addressee import Addressee, Household, households
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.letters.merge_fields import fields_for
from steunpunt.domain.names import PersonName
from steunpunt.letters.address_block import Recipient
from steunpunt.letters.default_templates import DEFAULT_TEMPLATES
from steunpunt.letters.letter import Letter, LetterText
from steunpunt.services.letters.values import household_values

TEMPLATE_NAME = "Uitnodiging Dag van de Mantelzorg"
REFERENCE = "2026-0001"
LETTER_DATE = date(2026, 10, 20)
TODAY = date(2026, 10, 1)  # fixed, so the generated people are the same every run
TARGET_RATIO = 0.5
LABELS_TARGET_S = 10.0
FIXED_PEOPLE = (  # names Helvetica cannot print, first in every run
    ("Ayşe", "", "Yılmaz", Salutation.MRS),
    ("Łukasz", "", "Wiśniewski", Salutation.MR),
    ("Małgorzata", "", "Dąbrowski", Salutation.NEUTRAL),
    ("Çağlar", "", "Öztürk", Salutation.MR),
)


# --- input -----------------------------------------------------------------------------------


def make_addressees(count: int, seed: int = 2026) -> list[Addressee]:
    """``count`` generated caregivers with Dutch addresses, the same for the same seed."""
    from faker import Faker

    from steunpunt.demo.people import DemoRandom, People

    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    rng = DemoRandom(seed)
    people = People(fake, rng, TODAY)
    addressees = []
    for number in range(1, count + 1):
        male = rng.random() < 0.35
        origin = people.origin()
        person = people.person(
            male, rng.between(25, 90), origin, people.surname(origin, male), people.address()
        )
        name = PersonName(person.first_name, person.infix, person.last_name)
        salutation = Salutation.MR if male else Salutation.MRS
        if rng.random() < 0.08:
            salutation = Salutation.NEUTRAL
        if number <= len(FIXED_PEOPLE):
            first, infix, last, salutation = FIXED_PEOPLE[number - 1]
            name = PersonName(first, infix, last)
        addressees.append(Addressee(number, name, salutation, person.address))
    return addressees


def make_images() -> tuple[bytes, bytes]:
    """A small PNG logo and a transparent PNG signature, drawn in memory."""
    from PIL import Image, ImageDraw

    logo = Image.new("RGB", (480, 180), "white")
    draw = ImageDraw.Draw(logo)
    draw.ellipse((10, 10, 170, 170), fill="#1b6a8f")
    draw.ellipse((60, 40, 120, 100), fill="white")
    draw.rectangle((190, 60, 470, 90), fill="#1b6a8f")
    draw.rectangle((190, 110, 400, 130), fill="#8fb8cc")
    signature = Image.new("RGBA", (360, 120), (255, 255, 255, 0))
    draw = ImageDraw.Draw(signature)
    points = [(10 + x * 7, 60 + ((x * 37) % 50) - 25) for x in range(48)]
    draw.line(points, fill=(20, 30, 90, 255), width=4)
    files = []
    for image in (logo, signature):
        buffer = BytesIO()
        image.save(buffer, "PNG")
        files.append(buffer.getvalue())
    return files[0], files[1]


def make_style() -> HouseStyle:
    """A complete house style, so the engine does all of its work."""
    logo, signature = make_images()
    return HouseStyle(
        organisation="Steunpunt Mantelzorg Eemland",
        street_line="Postbus 1234",
        postal_line="3800 BE  AMERSFOORT",
        phone="033 123 45 67",
        email="info@steunpunt.example",
        website="www.steunpunt.example",
        signatory_name="Marieke Jansen",
        signatory_role="Consulent mantelzorg",
        footer="Steunpunt Mantelzorg Eemland · KvK 12345678 · IBAN NL91 ABNA 0417 1643 00",
        logo=logo,
        signature=signature,
    ).check()


def make_letters(style: HouseStyle, count: int) -> tuple[list[Letter], list[Household]]:
    """The letters of a per-person mailing, as the mailing service builds them."""
    groups = households(make_addressees(count), Grouping.PER_PERSON)
    letters = [
        Letter(
            Recipient(group.name_lines, group.address),
            household_values(group, style, REFERENCE, LETTER_DATE),
        )
        for group in groups
    ]
    return letters, groups


# --- the two letter makers ---------------------------------------------------------------------


def engine_run(target: Path, style: HouseStyle, text: LetterText, letters: list[Letter]) -> int:
    """The letter engine, called as the mailing service calls it."""
    from steunpunt.letters.letter import render_letters

    available = [field.name for field in fields_for(LetterKind.DAY_OF_CARE)]
    return render_letters(
        target,
        style,
        text,
        iter(letters),
        available,
        progress=lambda _done: True,
        title=f"Mailing {REFERENCE} {TEMPLATE_NAME}",
    )


def bare_parts(body: str) -> list[tuple[str, str]]:
    """(style, text) per paragraph or bullet item of a template body, ** as ``<b>``."""
    import re

    def markup(line: str) -> str:
        return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escape(line.strip()))

    parts = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if all(line.startswith("- ") for line in lines):
            parts += [("item", markup(line[2:])) for line in lines]
        else:
            parts.append(("body", markup(" ".join(lines))))
    return parts


def bare_run(target: Path, style: HouseStyle, text: LetterText, letters: list[Letter]) -> int:
    """What a programmer would write: one platypus story, a page per letter, no decoration."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    from steunpunt.letters.fonts import register_fonts

    fonts = register_fonts()
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=10, leading=14, spaceAfter=8.4)
    styles = {
        "body": body,
        "address": ParagraphStyle("address", parent=body, leading=12.5, spaceAfter=0),
        "item": ParagraphStyle(
            "item", parent=body, leftIndent=6 * mm, bulletIndent=1.5 * mm, spaceAfter=2
        ),
        "subject": ParagraphStyle("subject", parent=body, fontName=fonts.bold, spaceAfter=17),
    }
    parts = bare_parts(text.body)
    closing = escape(style.closing)
    signatory = escape(style.signatory_name)
    story: list[Any] = []
    for number, letter in enumerate(letters):
        if number:
            story.append(PageBreak())
        values = {name: escape(value) for name, value in letter.values.items()}
        story += [Paragraph(escape(line), styles["address"]) for line in letter.recipient.lines]
        story.append(Spacer(1, 12 * mm))
        story.append(
            Paragraph(f"Datum: {values['datum']} &nbsp; Ons kenmerk: {values['kenmerk']}", body)
        )
        story.append(Paragraph(escape(text.subject).format_map(values), styles["subject"]))
        for kind, part in parts:
            bullet = "•" if kind == "item" else None
            story.append(Paragraph(part.format_map(values), styles[kind], bulletText=bullet))
        story += [Paragraph(closing, body), Spacer(1, 12 * mm), Paragraph(signatory, body)]
    document = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=20 * mm,
        topMargin=25 * mm,
        bottomMargin=28 * mm,
        title="Brieven",
    )
    document.build(story)
    return len(letters)


# --- measuring ---------------------------------------------------------------------------------


def memory_info() -> Any:
    """psutil's memory figures of this process (``rss``, and ``peak_wset`` on Windows)."""
    import psutil  # type: ignore[import-untyped]

    return psutil.Process().memory_info()


def rss_mib() -> float:
    return float(memory_info().rss) / 2**20


@contextmanager
def rss_peak(interval: float = 0.02) -> Iterator[list[float]]:
    """Sample this process's RSS in a thread; the yielded list holds the peak (MiB) afterwards."""
    peak = [rss_mib()]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(interval):
            peak[0] = max(peak[0], rss_mib())

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        stop.set()
        thread.join()
        peak[0] = max(peak[0], rss_mib())


def peak_rss_mib() -> float:
    """The process's peak RSS so far (MiB): the kernel's high-water mark where there is one."""
    info = memory_info()
    peak = getattr(info, "peak_wset", None)  # Windows
    if peak is None:
        try:
            import resource
        except ImportError:
            return float(info.rss) / 2**20
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        peak *= 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return float(peak) / 2**20


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def timed(make: Callable[[], object]) -> tuple[float, float, float]:
    """Seconds, RSS at the start and peak RSS (MiB) of one call, garbage collected first.

    Memory freed by an earlier run stays with the process, so a run's peak includes what the
    runs before it left behind; the RSS at the start shows how much that was.
    """
    gc.collect()
    start = rss_mib()
    with rss_peak() as peak:
        started = time.perf_counter()
        make()
        seconds = time.perf_counter() - started
    return seconds, start, peak[0]


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def bench_letters(
    folder: Path, style: HouseStyle, letters: list[Letter], repeat: int
) -> dict[str, object]:
    """Bare loop and engine alternately, ``repeat`` times each; pages checked with pypdf."""
    template = next(t for t in DEFAULT_TEMPLATES if t.name == TEMPLATE_NAME)
    text = LetterText(template.subject, template.body)
    runs: dict[str, Callable[[Path, HouseStyle, LetterText, list[Letter]], int]] = {
        "bare": bare_run,
        "engine": engine_run,
    }
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    peaks: dict[str, list[float]] = {name: [] for name in runs}
    for round_number in range(1, repeat + 1):
        for name, run in runs.items():
            target = folder / f"{name}.pdf"
            took, start, peak = timed(partial(run, target, style, text, letters))
            seconds[name].append(took)
            peaks[name].append(peak)
            say(
                f"round {round_number} {name:>6}: {took:6.2f} s, "
                f"{len(letters) / took:6.1f} pages/s, peak {peak:.0f} MiB (from {start:.0f})"
            )
    pages = {name: pdf_pages(folder / f"{name}.pdf") for name in runs}
    if pages["engine"] != len(letters):
        raise SystemExit(f"engine made {pages['engine']} pages for {len(letters)} letters")
    if pages["bare"] != pages["engine"]:
        raise SystemExit(f"bare loop made {pages['bare']} pages, engine {pages['engine']}")
    rate = {name: pages[name] / statistics.median(seconds[name]) for name in runs}
    best = {name: pages[name] / min(seconds[name]) for name in runs}
    figures: dict[str, object] = {"pages": pages["engine"]}
    for name in runs:
        figures[f"{name}_s_median"] = round(statistics.median(seconds[name]), 2)
        figures[f"{name}_s_best"] = round(min(seconds[name]), 2)
    figures.update(
        {
            "engine_pages_per_s": round(rate["engine"], 1),
            "bare_pages_per_s": round(rate["bare"], 1),
            "engine_pages_per_s_best": round(best["engine"], 1),
            "bare_pages_per_s_best": round(best["bare"], 1),
            "ratio": round(rate["engine"] / rate["bare"], 3),
            "ratio_best": round(best["engine"] / best["bare"], 3),
            "target_ratio": TARGET_RATIO,
            "engine_pdf_mb": round((folder / "engine.pdf").stat().st_size / 1e6, 2),
            "bare_pdf_mb": round((folder / "bare.pdf").stat().st_size / 1e6, 2),
            "engine_peak_rss_mib": round(max(peaks["engine"]), 1),
            "bare_peak_rss_mib": round(max(peaks["bare"]), 1),
        }
    )
    return figures


def bench_labels(folder: Path, groups: Sequence[Household]) -> dict[str, object]:
    """All addresses on 3 x 7 label sheets, as a mailing makes them."""
    from steunpunt.domain.letters.label_sheet import LabelPreset
    from steunpunt.letters.labels import render_labels

    sheet = LabelPreset.THREE_BY_SEVEN.sheet
    target = folder / "labels.pdf"
    took, _start, peak = timed(
        lambda: render_labels(
            target,
            sheet,
            (Recipient(group.name_lines, group.address) for group in groups),
            lambda _done: True,
        )
    )
    pages = pdf_pages(target)
    say(f"labels: {len(groups)} on {pages} sheets in {took:.2f} s, peak {peak:.0f} MiB")
    return {
        "labels": len(groups),
        "labels_pages": pages,
        "labels_s": round(took, 2),
        "labels_target_s": LABELS_TARGET_S,
        "labels_pdf_mb": round(target.stat().st_size / 1e6, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each, alternately")
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    args = parser.parse_args()
    if args.letters < 1 or args.repeat < 1:
        parser.error("--letters and --repeat must be at least 1")

    from steunpunt.letters.fonts import register_fonts
    from steunpunt.letters.letter_document import LetterDocument  # noqa: F401  (import once)

    register_fonts()  # parsed once, outside every timing
    started = time.perf_counter()
    style = make_style()
    letters, groups = make_letters(style, args.letters)
    say(f"input: {len(letters)} letters built in {time.perf_counter() - started:.2f} s")

    with tempfile.TemporaryDirectory(prefix="steunpunt-letters-") as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        figures: dict[str, object] = {"letters": len(letters), "repeat": args.repeat}
        figures.update(bench_letters(folder, style, letters, args.repeat))
        figures.update(bench_labels(folder, groups))
        if args.keep:
            say(f"PDFs kept in {folder}")

    figures["peak_rss_mib"] = round(peak_rss_mib(), 1)
    figures["targets_met"] = (
        float(figures["ratio"]) >= TARGET_RATIO  # type: ignore[arg-type]
        and float(figures["labels_s"]) <= LABELS_TARGET_S  # type: ignore[arg-type]
    )
    for key, value in figures.items():
        say(f"{key:>24}: {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
