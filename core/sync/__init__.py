"""Sync with the district server (DESIGN §4): the protocol's shared pieces and the branch client.

Shared with the server: ``schema`` (what each table's data holds), ``validate`` (checking a pushed
record), ``merge`` (the three-way field merge).

The branch client (no Qt; run it on a worker thread with its own ``Store``):

- ``run.sync(store, progress=, cancel=, transport=) -> SyncResult`` — one sync: info → push → pull.
- ``enroll.enroll(store, server_url, code, device_name) -> EnrollResult`` — join a branch.
- ``status.sync_status(store) -> SyncStatus``, ``status.sync_due(store)`` — what the user sees.
- ``conflicts.list_conflicts / resolve_conflict``, ``rejections.list_rejections / retry_rejection /
  discard_rejection`` — the two lists the user acts on.
- ``config`` — the local sync settings; ``errors`` — ``SyncError`` and its kinds.
- ``transport`` (HTTP, retries), ``push``, ``pull``, ``rekey``, ``info``, ``describe``, ``tables``.
"""
