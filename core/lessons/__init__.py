"""Micro-lessons (微党课) and who studied them."""
