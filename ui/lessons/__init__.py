"""The micro-lessons page (微党课): the catalogue, bulk entry of study and the study records."""
