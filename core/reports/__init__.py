"""Reports built from the branch database: figures, tables and charts for screen, XLSX and PDF."""
