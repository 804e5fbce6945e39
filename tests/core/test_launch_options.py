"""Which start of main.py opens the window and which runs a command."""

from __future__ import annotations

import pytest

from core.launch_options import wants_desktop


@pytest.mark.parametrize(
    ("argv", "desktop"),
    [
        ([], True),
        (["--db", "x.db", "--lang", "en"], True),
        (["--db", "demo"], True),  # a database file called "demo" is not the demo command
        (["--screenshot", "a.png", "--page", "pairing"], True),
        (["--db", "x.db", "demo"], False),
        (["pairing", "suggest", "--json"], False),
        (["-h"], False),
        (["--version"], False),  # answered by the command line, without loading Qt
    ],
)
def test_sub_commands_and_help_go_to_the_command_line(argv: list[str], desktop: bool) -> None:
    assert wants_desktop(argv) is desktop
