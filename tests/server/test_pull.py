"""Pull: paging by the server-wide version, the branch's rows and the district's only."""

from __future__ import annotations

from tests.server.api import enrolled, member
from tests.sync_server import RunningServer, admin


def test_pages_follow_the_version_sequence(district_server: RunningServer) -> None:
    office = enrolled(district_server)
    for start in range(0, 1200, 400):
        office.push([member(office.branch_id, f"党员{i}") for i in range(start, start + 400)])

    first = office.pull(0, limit=500)
    assert len(first["records"]) == 500 and first["more"] is True
    assert first["next"] == first["records"][-1]["version"]
    second = office.pull(first["next"], limit=500)
    third = office.pull(second["next"], limit=500)
    assert len(second["records"]) == 500 and second["more"] is True
    assert len(third["records"]) == 200 and third["more"] is False
    versions = [r["version"] for page in (first, second, third) for r in page["records"]]
    assert all(a < b for a, b in zip(versions, versions[1:], strict=False))
    assert len({r["id"] for page in (first, second, third) for r in page["records"]}) == 1200

    empty = office.pull(third["next"])
    assert empty == {"records": [], "next": third["next"], "more": False}

    small = office.pull(0, limit=7)
    assert [r["version"] for r in small["records"]] == versions[:7] and small["more"] is True
    assert len(office.pull(0)["records"]) == 500  # the default limit
    assert len(office.pull(0, limit=5000)["records"]) == 500  # at most 500
    for bad in ({"limit": 0}, {"since": -1}, {"since": "abc"}):
        answer = office.pull_raw(**bad)  # type: ignore[arg-type]
        assert answer.status_code == 400 and answer.json()["detail"]["code"] == "bad_request"


def test_a_published_lesson_reaches_every_branch(district_server: RunningServer) -> None:
    a = enrolled(district_server, "甲村支部")
    b = enrolled(district_server, "乙村支部")
    a_row = member(a.branch_id, "甲村党员")
    a.push([a_row])
    lesson = admin(
        district_server.db_url, "lesson", "publish", "--title", "学习党章", "--url", "https://v.example.cn/dz",
        "--minutes", "15", "--speaker", "王书记", "--topic", "党章", "--published", "2026-11-01",
        "--credit-hours", "0.5",
    )
    b_row = member(b.branch_id, "乙村党员")
    b.push([b_row])

    a_seen, b_seen = a.pull_all(), b.pull_all()
    assert [r["id"] for r in a_seen] == [a_row["id"], lesson["lesson_id"]]
    assert [r["id"] for r in b_seen] == [lesson["lesson_id"], b_row["id"]]
    pulled = a_seen[1]
    assert pulled["table"] == "lessons" and pulled["branch_id"] == "district"
    assert pulled["version"] == lesson["version"]
    assert pulled["data"]["title"] == "学习党章" and pulled["data"]["video_url"] == "https://v.example.cn/dz"
    assert pulled["data"]["minutes"] == 15 and pulled["data"]["credit_hours"] == 0.5
    assert pulled["data"]["published_date"] == "2026-11-01" and pulled["data"]["speaker"] == "王书记"
    # Incremental: only what is new since the cursor.
    assert [r["id"] for r in a.pull(lesson["version"])["records"]] == []
