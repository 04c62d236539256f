"""What the sign-in dialog waits for: the code of the screens loads later, while the person types."""

from __future__ import annotations

import subprocess
import sys

from steunpunt.ui.main_window import MainWindow

LOADED_LATER = (
    "steunpunt.ui.main_window",
    "steunpunt.ui.caregivers.form_view",
    "email_validator",
    "phonenumbers",
    "reportlab",
)


def test_starting_up_to_the_sign_in_loads_no_screen_and_no_validation_library() -> None:
    probe = (
        "import sys, steunpunt.app; "
        f"print(','.join(name for name in {LOADED_LATER!r} if name in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == ""


def test_the_window_makes_the_caregiver_form_when_it_is_first_needed(window: MainWindow) -> None:
    assert window._form_view is None
    window.new_caregiver()
    assert window.stack.currentWidget() is window.form_view
