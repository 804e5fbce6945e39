"""The PySide6 desktop interface. Talks to core through the task runner only."""
