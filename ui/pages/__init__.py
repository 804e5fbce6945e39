"""The pages of the main window, one per domain concept."""
