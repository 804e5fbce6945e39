"""统计报表: the study report on screen — coverage by lesson, the ledger, members with no recent study."""
