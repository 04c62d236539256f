"""The PySide6 user interface: views, dialogs, table models and the background-task helper."""
