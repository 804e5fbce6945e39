"""The QR material page (二维码物料): posters, table stands and label sheets for the micro-lessons, the
branch's official accounts and any link, previewed as they are chosen, saved as a checked PDF or printed
at actual size."""
