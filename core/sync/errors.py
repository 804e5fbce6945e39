"""What can go wrong in a sync, each with a Chinese message that says what to do."""

from __future__ import annotations


class SyncError(Exception):
    """A sync that could not finish; ``message`` is shown to the user as it is (Chinese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ServerUnreachable(SyncError):
    """No answer from the server (no network, wrong address, server down or overloaded),
    even after retrying."""


class ServerRefused(SyncError):
    """The server answered but said no (unknown or revoked token, used enrollment code, …)."""

    def __init__(self, message: str, *, status: int = 0, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class NotEnrolled(SyncError):
    """This database has not been enrolled with a district server yet."""


class EnrollRefused(SyncError):
    """Enrollment refused on this computer (e.g. the database belongs to another branch)."""


class SyncCancelled(SyncError):
    """The user cancelled; everything finished before that is saved and consistent."""

    def __init__(self, message: str = "同步已取消。已经完成的部分已保存，下次同步会从这里继续。") -> None:
        super().__init__(message)
