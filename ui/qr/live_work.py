"""What the QR page asks of core about 活码 (live codes), run on a worker thread of the task runner: the
preview's stand-in codes (a preview never makes a code), and the branch's printed codes for the list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QCoreApplication

from core.qr import QrError
from core.qr.live_links import KIND_NAMES, LiveLink, list_links, live_available, public_base
from core.qr.short_codes import live_url
from core.qr.targets import QrTarget
from core.store import Store

# Printed under a code in the preview while the code itself is only made when the material is saved.
PLACEHOLDER = "????????"



def clean_label(label: str) -> str:
    """A place as it is kept with a code: spaces run together, none at the ends."""
    return " ".join((label or "").split())


def _key(kind: str, lesson_id: str | None, url: str | None, label: str) -> tuple[str, str, str, str]:
    if kind == "lesson":
        return kind, lesson_id or "", "", label
    return kind, "", url or "", label


def preview_targets(store: Store, targets: Sequence[QrTarget], label: str) -> list[QrTarget]:
    """``targets`` as the live codes they would print as, without making any: a target that already has
    a code at this place shows that code, a new one shows :data:`PLACEHOLDER`."""
    base = public_base(store)
    if base is None:
        raise QrError(
            QCoreApplication.translate("QrLiveWork", "This computer has not joined a district server, so it "
                                       "cannot print live codes."),
            QCoreApplication.translate("QrLiveWork", "Join the branch on the Sync page first, or choose "
                                       "“Direct link”."))
    place = clean_label(label)
    existing: dict[tuple[str, str, str, str], str] = {}
    for link in reversed(list_links(store, include_retired=False)):  # the oldest code in use is the one reused
        existing.setdefault(_key(link.kind, link.lesson_id, link.target_url, link.label), link.code)
    shown = []
    for target in targets:
        if target.kind not in KIND_NAMES:
            raise QrError(
                QCoreApplication.translate("QrLiveWork", "Plain text cannot be a live code."),
                QCoreApplication.translate("QrLiveWork", "Choose “Direct link”, or write a link that starts "
                                           "with http://."))
        code = existing.get(_key(target.kind, target.lesson_id, target.payload, place), PLACEHOLDER)
        shown.append(replace(target, payload=live_url(base, code), short_code=code))
    return shown


@dataclass(frozen=True)
class LiveState:
    """What the live-code parts of the page show, read in one go."""

    available: bool  # this PC has joined a district server
    links: list[LiveLink] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # places used before, most used first

    def link(self, code: str) -> LiveLink | None:
        return next((link for link in self.links if link.code == code), None)


def load_live(store: Store) -> LiveState:
    links = list_links(store, include_retired=True)
    counts: dict[str, int] = {}
    for link in links:
        if link.label:
            counts[link.label] = counts.get(link.label, 0) + 1
    labels = sorted(counts, key=lambda label: -counts[label])
    return LiveState(live_available(store), links, labels)
