"""The command line speaks Dutch like the window: argparse's help, headings and errors too."""

from __future__ import annotations

import argparse
import re

import pytest

from steunpunt.cli import build_parser, main

ENGLISH = re.compile(
    r"\b(usage|positional|arguments|options|show|this help|message|exit|required|invalid|"
    r"choice|choose|error|expected|unrecognized|ambiguous|could match|ignored|explicit|"
    r"subcommands|default)\b",
    re.IGNORECASE,
)
"""argparse's English words; none may reach a person."""
WRONG_CALLS = [
    ["report", "verantwoording.pdf"],
    ["report"],
    ["demo", "--caregivers", "veel"],
    ["onzin"],
    ["export", "--status", "weg", "lijst.xlsx"],
    ["--d", "map"],
    ["--data-dir"],
    ["--demo=ja"],
    ["backup", "extra"],
    ["inzage", "drie"],
    ["mailing", "--grouping", "straat", "--template", "Uitnodiging"],
]


def parsers() -> list[argparse.ArgumentParser]:
    """The program's parser and every sub-command's."""
    main_parser = build_parser()
    found = [main_parser]
    for action in main_parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += list(action.choices.values())
    return found


def english(text: str) -> list[str]:
    return ENGLISH.findall(text.replace("--help", ""))


def test_every_option_of_every_command_says_in_dutch_what_it_does() -> None:
    assert len(parsers()) == 10
    for parser in parsers():
        for action in parser._actions:
            if action.help == argparse.SUPPRESS:
                continue
            what = f"{parser.prog} {action.option_strings or action.dest}"
            assert action.help, f"{what} has no help"
            assert not english(action.help), what
            takes_value = action.nargs != 0
            if takes_value:  # no English placeholder made from the name: FILE, DATA_DIR
                assert action.metavar or action.choices, what


@pytest.mark.parametrize("command", [[], *([p.prog.split()[1]] for p in parsers()[1:])])
def test_help_is_dutch(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([*command, "--help"])
    assert stopped.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith(f"gebruik: steunpunt {' '.join(command)}".rstrip())
    assert "opties:" in shown and "-h, --help" in shown and "toon deze hulp en stop" in shown
    assert english(shown) == []
    if not command:
        assert "opdrachten:" in shown and "self-test" in shown


@pytest.mark.parametrize("call", WRONG_CALLS, ids=" ".join)
def test_a_wrong_call_is_told_in_dutch(call: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(call)
    assert stopped.value.code == 2
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err.startswith("gebruik: steunpunt")
    assert ": fout: " in said.err
    assert english(said.err) == []
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]  # argparse itself untouched


def test_the_errors_name_what_is_wrong(capsys: pytest.CaptureFixture[str]) -> None:
    expected = {
        "report": "deze argumenten ontbreken: BESTAND, --from, --until",
        "onzin": "ongeldige keuze 'onzin' (kies uit 'demo', 'mailing', 'export', 'report', "
        "'inzage', 'backup', 'restore', 'import', 'self-test')",
        "inzage drie": "NUMMER: ongeldige waarde 'drie'",
        "--data-dir": "--data-dir: hier hoort een waarde bij",
        "backup extra": "onbekende argumenten: extra",
    }
    for call, message in expected.items():
        with pytest.raises(SystemExit):
            main(call.split())
        assert message in capsys.readouterr().err
