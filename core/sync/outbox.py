"""Push batches that left this PC in a sync package and have no answer yet (table ``sync_outbox``).

A batch is written here with its id, its rows (table, id, rev sent) and — for rows the server already
held — the records exactly as sent, like the one unanswered batch of an online sync. Until its answer
arrives (in a reply file, or from an online sync that sends it again under its id) its rows stay
dirty and go in no other batch: a later package carries the same batch again, so the district
answers it once whichever copy it sees first. The answer removes it, in the transaction that applies
it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from core.store import Store

Key = tuple[str, str]


@dataclass(frozen=True)
class HeldBatch:
    batch_id: str
    rows: list[tuple[str, str, int]]  # (table, id, rev sent)
    records: list[dict[str, Any] | None]  # as sent for rows the server held; None for new rows


def held_batches(store: Store) -> list[HeldBatch]:
    """The batches waiting for an answer, in the order they were made."""
    return [
        HeldBatch(
            str(batch_id),
            [(str(t), str(i), int(rev)) for t, i, rev in json.loads(rows)],
            list(json.loads(records)),
        )
        for batch_id, rows, records in store.conn.execute(
            "SELECT batch_id, rows, records FROM sync_outbox ORDER BY position"
        )
    ]


def held_keys(store: Store) -> set[Key]:
    return {(table, row_id) for batch in held_batches(store) for table, row_id, _ in batch.rows}


def hold(store: Store, batch_id: str, rows: list[tuple[str, str, int]], records: list[dict[str, Any] | None]) -> None:
    """Keep a batch until its answer (inside the caller's transaction)."""
    position = int(store.scalar("SELECT coalesce(max(position), 0) + 1 FROM sync_outbox"))
    store.conn.execute(
        "INSERT INTO sync_outbox (batch_id, position, rows, records) VALUES (?, ?, ?, ?)",
        (batch_id, position, json.dumps([list(row) for row in rows]),
         json.dumps(records, ensure_ascii=False, separators=(",", ":"))),
    )


def release(store: Store, batch_id: str) -> None:
    """The batch was answered (or given up): its rows go in new batches from now on."""
    store.conn.execute("DELETE FROM sync_outbox WHERE batch_id = ?", (batch_id,))


def held_records(store: Store) -> int:
    """How many records the held batches carry."""
    return int(store.scalar("SELECT coalesce(sum(json_array_length(rows)), 0) FROM sync_outbox"))
