"""The bad-input corpus on every workbook format (.xlsx, .xls, .ods; WPS .et where it differs): broken,
cut off, empty and password-protected files and sheets over 50,000 rows are refused with a Chinese
message and nothing written; formulas, text that looks like a formula and header-only sheets are
imported as the office sees them; the command line answers the same."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from core.roster.importer import apply_import, plan_import
from core.roster.members import list_members
from core.store import Store
from core.tabular import MAX_ROWS, TableReadError
from tests.bad_input_files import garbage
from tests.core.test_bad_input_corpus import (
    ROSTER,
    file_hash,
    refused_by_both_importers,
    run_measured,
    table_digest,
)
from tests.spreadsheet_formats import (
    FORMATS,
    Book,
    Grid,
    OdsFormula,
    encrypted_ods_bytes,
    encrypted_xlsx_bytes,
    save,
    xls_bytes,
)

Maker = Callable[[Path], Path]
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def saved(name: str, book: Book) -> Maker:
    return lambda folder: save(book, folder / name)


def data(name: str, content: bytes | Callable[[], bytes]) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content() if callable(content) else content)
        return path
    return make


def cut_off(suffix: str) -> Maker:
    def make(folder: Path) -> Path:
        whole = save(Book([Grid("花名册", [ROSTER, *[["张三", "男"]] * 400])]), folder / f"whole.{suffix}")
        return data(f"截断.{suffix}", whole.read_bytes()[: whole.stat().st_size // 2])(folder)
    return make


ONE_MEMBER = Book([Grid("花名册", [ROSTER, ["张三", "男"]])])
REFUSED: list[tuple[str, Maker, str]] = [
    *((f"cut off .{s}", cut_off(s), "损坏") for s in FORMATS),
    *((f"garbage named .{s}", data(f"花名册.{s}", garbage(20_000)), "损坏") for s in FORMATS),
    *((f"an empty .{s}", data(f"花名册.{s}", b""), "损坏") for s in FORMATS),
    *((f"a .{s} without cells", saved(f"花名册.{s}", Book([Grid("Sheet1", [])])), "没有数据") for s in FORMATS),
    ("a broken legacy .xls (OLE)", data("花名册.xls", OLE_MAGIC + bytes(4096)), "损坏"),
    ("garbage named .et", data("花名册.et", garbage(20_000)), "WPS 表格"),
    ("a password-protected .xls", data("花名册.xls", lambda: xls_bytes(ONE_MEMBER, password_protected=True)), "密码"),
    ("a password-protected .et", data("花名册.et", lambda: xls_bytes(ONE_MEMBER, password_protected=True)), "密码"),
    ("a password-protected .xlsx", data("花名册.xlsx", encrypted_xlsx_bytes), "密码"),
    ("a password-protected .ods", data("花名册.ods", encrypted_ods_bytes), "密码"),
]


@pytest.mark.parametrize(("case", "make", "says"), REFUSED, ids=[c[0] for c in REFUSED])
def test_both_importers_refuse_the_workbook_in_chinese_and_write_nothing(
    store: Store, tmp_path: Path, case: str, make: Maker, says: str
) -> None:
    path = make(tmp_path)
    for message in refused_by_both_importers(store, path, says):
        assert path.name in message


@pytest.fixture(scope="module")
def too_long(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A roster of MAX_ROWS members and a header, one row too many, in every format."""
    folder = tmp_path_factory.mktemp("too_long")
    book = Book([Grid("花名册", [["姓名"], *([f"人{n}"] for n in range(MAX_ROWS))])])
    return {suffix: save(book, folder / f"花名册.{suffix}") for suffix in FORMATS}


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_sheet_over_the_row_limit_is_refused(store: Store, too_long: dict[str, Path], suffix: str) -> None:
    before = table_digest(store)
    with pytest.raises(TableReadError, match=f"超过 {MAX_ROWS} 行"):
        plan_import(store, too_long[suffix])
    assert table_digest(store) == before


LOOKS_LIKE_FORMULAS = ["=HYPERLINK(\"http://evil.example/\",\"点我\")", "=1+1", "@SUM(A1:A3)"]


@pytest.mark.parametrize("suffix", FORMATS)
def test_text_that_looks_like_a_formula_stays_text(store: Store, tmp_path: Path, suffix: str) -> None:
    book = Book([Grid("花名册", [["姓名", "所在村", "党小组", "备注"], ["张三", *LOOKS_LIKE_FORMULAS]])])
    assert apply_import(store, plan_import(store, save(book, tmp_path / f"花名册.{suffix}"))).inserted == 1
    (member,) = list_members(store)
    assert [member["village"], member["group"], member["note"]] == LOOKS_LIKE_FORMULAS


def test_ods_formulas_give_their_saved_results(store: Store, tmp_path: Path) -> None:
    book = Book([Grid("花名册", [["姓名", "党小组", "备注"], ["张三", OdsFormula("of:=1+1", 2), OdsFormula("of:=[.B2]*3", 6)]])])
    assert apply_import(store, plan_import(store, save(book, tmp_path / "花名册.ods"))).inserted == 1
    (member,) = list_members(store)
    assert (member["group"], member["note"]) == ("2", "6")


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_header_only_writes_nothing(store: Store, tmp_path: Path, suffix: str) -> None:
    before = table_digest(store)
    plan = plan_import(store, save(Book([Grid("花名册", [["河东村花名册"], ROSTER])]), tmp_path / f"空.{suffix}"))
    assert plan.outcomes == [] and plan.errors == []
    assert apply_import(store, plan).inserted == 0
    assert table_digest(store) == before


CLI_CASES: list[tuple[str, Maker, list[str], int, str | int]] = [
    ("a password-protected .xls", data("花名册.xls", lambda: xls_bytes(ONE_MEMBER, password_protected=True)),
     ["import-roster"], 1, "密码"),
    ("a cut off .ods", cut_off("ods"), ["import-roster"], 1, "损坏"),
    ("a .xls roster, dry run", saved("花名册.xls", ONE_MEMBER), ["import-roster", "--dry-run"], 0, 1),
    ("an .ods roster, dry run", saved("花名册.ods", ONE_MEMBER), ["import-roster", "--dry-run"], 0, 1),
]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc")
@pytest.mark.parametrize(("case", "make", "command", "code", "outcome"), CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_the_command_reads_every_format_and_writes_nothing_on_a_refusal(
    tmp_path: Path, case: str, make: Maker, command: list[str], code: int, outcome: str | int
) -> None:
    db = tmp_path / "branch.db"
    Store.open(db).close()
    before = file_hash(db)
    exit_code, stdout, stderr, _peak = run_measured(db, *command, make(tmp_path), "--json")
    assert exit_code == code, stderr
    assert "Traceback" not in stderr
    answer = json.loads(stdout)
    if isinstance(outcome, str):
        assert outcome in stderr and outcome in answer["error"]
    else:
        assert answer["inserted"] == outcome and answer["errors"] == []
    assert file_hash(db) == before
