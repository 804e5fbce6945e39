from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.idcard import check_digit, mask_id
from core.roster.fields import MEMBER_FIELDS, label_of
from core.roster.validation import FieldIssue, validate_member
from tests.support import id_from_parts as make_id
from tests.support import wrong_check

TODAY = datetime.date(2024, 6, 15)


def record(**values: object) -> dict[str, object]:
    """A complete, valid member as typed into the form, with some fields replaced."""
    base: dict[str, object] = {
        "name": "张三",
        "gender": "男",
        "ethnicity": "汉族",
        "birth_date": "1985-03-02",
        "id_number": make_id(),
        "education": "高中",
        "phone": "13812345678",
        "wechat": "会用微信",
        "village": "东村",
        "village_group": "三组",
        "group": "第一党小组",
        "category": "正式党员",
        "joined_date": "2010-07-01",
        "confirmed_date": "2011-07-01",
        "status": "正常",
        "status_date": "",
        "note": "",
    }
    base.update(values)
    return base


def issues_of(raw: dict[str, object]) -> list[FieldIssue]:
    return validate_member(raw, TODAY)[1]


def errors_on(raw: dict[str, object]) -> dict[str, str]:
    return {i.field: i.message for i in issues_of(raw) if i.level == "error"}


def test_valid_record_is_cleaned() -> None:
    clean, issues = validate_member(record(), TODAY)
    assert issues == []
    assert clean == {
        "name": "张三",
        "gender": "M",
        "ethnicity": "汉族",
        "birth_date": "1985-03-02",
        "id_number": make_id(),
        "education": "高中",
        "phone": "13812345678",
        "wechat": "wechat",
        "village": "东村",
        "village_group": "三组",
        "group": "第一党小组",
        "category": "full",
        "joined_date": "2010-07-01",
        "confirmed_date": "2011-07-01",
        "status": "active",
        "status_date": None,
        "note": None,
    }


def test_name_alone_gives_defaults() -> None:
    clean, issues = validate_member({"name": " 李 四 "}, TODAY)
    assert issues == []
    assert set(clean) == {f.key for f in MEMBER_FIELDS}
    assert clean["name"] == "李四"
    assert clean["category"] == "full"
    assert clean["status"] == "active"
    assert clean["wechat"] is None
    assert all(clean[key] is None for key in clean if key not in ("name", "category", "status"))


@pytest.mark.parametrize("blank", [None, "", "   ", "\u3000", float("nan")])
def test_blank_values_mean_not_given(blank: object) -> None:
    clean, issues = validate_member(
        {"name": "李四", "phone": blank, "joined_date": blank, "note": blank}, TODAY
    )
    assert issues == []
    assert clean["phone"] is None
    assert clean["joined_date"] is None
    assert clean["note"] is None


@pytest.mark.parametrize("name", [None, "", "  "])
def test_name_is_required(name: object) -> None:
    clean, issues = validate_member({"name": name}, TODAY)
    assert [(i.field, i.level) for i in issues] == [("name", "error")]
    assert issues[0].message.startswith("姓名")
    assert clean["name"] is None


def test_spreadsheet_cell_values() -> None:
    clean, issues = validate_member(
        record(
            gender=1.0,
            birth_date=datetime.datetime(1985, 3, 2),
            phone=13812345678,
            joined_date=40360,  # 2010-07-01 as an Excel serial
            confirmed_date=datetime.date(2011, 7, 1),
            village_group=3.0,
            category="正式",
            status="在册",
        ),
        TODAY,
    )
    assert issues == []
    assert clean["gender"] == "M"
    assert clean["birth_date"] == "1985-03-02"
    assert clean["phone"] == "13812345678"
    assert clean["joined_date"] == "2010-07-01"
    assert clean["confirmed_date"] == "2011-07-01"
    assert clean["village_group"] == "3"
    assert clean["status"] == "active"


def test_every_message_starts_with_the_field_label() -> None:
    bad = {"name": "张3", "gender": "?", "birth_date": "1985-13-01", "id_number": "123", "phone": "123"}
    bad |= {
        key: "x" for key in ("wechat", "category", "status", "joined_date", "confirmed_date", "status_date")
    }
    bad["note"] = "字" * 501
    issues = issues_of(record(**bad))
    assert {i.field for i in issues} == set(bad)
    for issue in issues:
        assert issue.level == "error"
        assert issue.message.startswith(label_of(issue.field)), issue


def test_multiple_errors_are_reported_together() -> None:
    clean, issues = validate_member(
        record(name="王 5", phone="110", id_number=wrong_check(make_id()), category="积极分子"),
        TODAY,
    )
    errors = {i.field: i.message for i in issues if i.level == "error"}
    assert set(errors) == {"name", "phone", "id_number", "category"}
    assert errors["name"] == "姓名含有不允许的字符「5」"
    assert errors["category"] == "人员类别只能是：正式党员、预备党员"
    assert errors["id_number"].startswith("公民身份号码：校验位错误")
    assert clean["name"] is None and clean["phone"] is None and clean["id_number"] is None
    assert clean["category"] is None
    assert clean["village"] == "东村"  # the valid fields are still cleaned


# --- ID number --------------------------------------------------------------------------------


def test_bad_check_digit_message() -> None:
    number = make_id()
    assert errors_on(record(id_number=wrong_check(number))) == {
        "id_number": f"公民身份号码：校验位错误：按前 17 位计算，最后一位应为 {number[17]}"
    }


def test_excel_number_in_id_column() -> None:
    errors = errors_on(record(id_number=4.10101198503021e17))
    assert list(errors) == ["id_number"]
    assert "文本" in errors["id_number"]


def test_fifteen_digit_number_is_converted_with_a_warning() -> None:
    clean, issues = validate_member(record(id_number="410101850302123", birth_date="1985-03-02"), TODAY)
    first17 = "41010119850302123"
    assert clean["id_number"] == first17 + check_digit(first17)
    assert [(i.field, i.level) for i in issues] == [("id_number", "warning")]
    assert issues[0].message.startswith("公民身份号码：15 位旧号码已转换为 18 位")
    assert mask_id(clean["id_number"]) in issues[0].message  # messages never show a full ID number
    assert clean["id_number"] not in issues[0].message


def test_id_and_birth_date_must_agree() -> None:
    errors = errors_on(record(birth_date="1985-04-02"))
    assert list(errors) == ["id_number"]
    assert "1985-03-02" in errors["id_number"] and "1985-04-02" in errors["id_number"]
    assert errors["id_number"].startswith("公民身份号码：")


def test_month_precision_birth_date_compares_year_and_month() -> None:
    clean, issues = validate_member(record(birth_date="1985年3月"), TODAY)
    assert issues == []
    assert clean["birth_date"] == "1985-03"
    assert list(errors_on(record(birth_date="1985-02"))) == ["id_number"]
    assert list(errors_on(record(birth_date="1986-03"))) == ["id_number"]


def test_id_and_gender_must_agree() -> None:
    errors = errors_on(record(gender="女"))
    assert list(errors) == ["id_number"]
    assert "男" in errors["id_number"] and "女" in errors["id_number"]


def test_birth_date_and_gender_are_filled_from_the_id() -> None:
    number = make_id(birth="19790611", seq="042")
    clean, issues = validate_member({"name": "赵敏", "id_number": number}, TODAY)
    assert issues == []
    assert clean["birth_date"] == "1979-06-11"
    assert clean["gender"] == "F"
    assert clean["id_number"] == number


def test_unreadable_birth_date_is_not_replaced_by_the_id() -> None:
    clean, issues = validate_member(record(birth_date="1985-02-30"), TODAY)
    assert [(i.field, i.level) for i in issues] == [("birth_date", "error")]
    assert issues[0].message == "出生日期：日期不存在：1985-02-30"
    assert clean["birth_date"] is None


def test_lower_case_x_is_stored_upper_case() -> None:
    for seq in range(1000):
        number = make_id(seq=f"{seq:03d}")
        if number.endswith("X") and int(number[16]) % 2:
            break
    clean, issues = validate_member(record(id_number=number.lower()), TODAY)
    assert issues == []
    assert clean["id_number"] == number


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["birth_date", "joined_date", "confirmed_date", "status_date"])
def test_dates_not_in_the_future(key: str) -> None:
    raw = {"name": "李四", key: "2024-06-16"}
    clean, issues = validate_member(raw, TODAY)
    assert [(i.field, i.level) for i in issues] == [(key, "error")]
    assert "晚于今天" in issues[0].message
    assert clean[key] is None
    assert validate_member({"name": "李四", key: "2024-06-15"}, TODAY)[1] == []
    assert validate_member({"name": "李四", key: "2024-06"}, TODAY)[1] == []


@pytest.mark.parametrize(
    ("birth", "joined", "ok"),
    [
        ("1990-05-20", "2008-05-20", True),
        ("1990-05-20", "2008-05-19", False),
        ("1990-05-20", "2007-12-01", False),
        ("2000-02-29", "2018-03-01", True),
        ("2000-02-29", "2018-02-28", False),
        ("1990-05", "2008-05", True),
        ("1990-05", "2008-05-01", True),
        ("1990-05", "2008-04", False),
        ("1990-05-31", "2008-05", True),  # may be 2008-05-31
    ],
)
def test_joined_at_eighteen_or_later(birth: str, joined: str, ok: bool) -> None:
    raw = {"name": "李四", "birth_date": birth, "joined_date": joined}
    errors = errors_on(raw)
    if ok:
        assert errors == {}
    else:
        assert list(errors) == ["joined_date"]
        assert errors["joined_date"].startswith("入党日期：")
        assert "18" in errors["joined_date"]


def test_eighteenth_birthday_uses_the_birth_date_from_the_id() -> None:
    raw = {"name": "李四", "id_number": make_id(birth="19900520"), "joined_date": "2008-05-19"}
    assert list(errors_on(raw)) == ["joined_date"]


@pytest.mark.parametrize(
    ("joined", "confirmed", "ok"),
    [
        ("2010-07-01", "2011-07-01", True),
        ("2010-07-01", "2012-07-01", True),
        ("2010-07-01", "2011-12-31", True),
        ("2010-07-01", "2011-06-30", False),
        ("2010-07-01", "2012-07-02", False),
        ("2010-07-01", "2010-07-01", False),
        ("2012-02-29", "2013-02-28", True),
        ("2012-02-29", "2014-03-01", True),
        ("2012-02-29", "2014-03-02", False),
        ("2010-07", "2011-07", True),
        ("2010-07", "2011-06", False),
        ("2010-07", "2012-07-31", True),
        ("2010-07", "2012-08-01", False),
    ],
)
def test_confirmation_one_to_two_years_after_joining(joined: str, confirmed: str, ok: bool) -> None:
    errors = errors_on(record(joined_date=joined, confirmed_date=confirmed))
    if ok:
        assert errors == {}
    else:
        assert list(errors) == ["confirmed_date"]
        assert errors["confirmed_date"].startswith("转正日期：")


def test_probationary_member_has_no_confirmation_date() -> None:
    errors = errors_on(record(category="预备党员", joined_date="2023-07-01", confirmed_date="2024-06-01"))
    assert list(errors) == ["confirmed_date"]
    assert "预备党员" in errors["confirmed_date"]
    clean, issues = validate_member(
        record(category="预备", joined_date="2023-07-01", confirmed_date=None), TODAY
    )
    assert issues == []
    assert clean["category"] == "probationary"


def test_full_member_without_joined_date_is_not_checked_for_the_window() -> None:
    assert errors_on(record(joined_date=None, confirmed_date="2011-07-01")) == {}


# --- other fields -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("汉", "汉族"), (" 汉族 ", "汉族"), ("回", "回族"), ("蒙古", "蒙古族"), ("穿青人", "穿青人")],
)
def test_ethnicity(raw: str, expected: str) -> None:
    assert validate_member({"name": "李四", "ethnicity": raw}, TODAY)[0]["ethnicity"] == expected


def test_choices_and_synonyms() -> None:
    clean, issues = validate_member({"name": "李四", "wechat": "不会微信", "status": "已故"}, TODAY)
    assert issues == []
    assert clean["wechat"] == "smart_no_wechat"
    assert clean["status"] == "deceased"


def test_phone_forms() -> None:
    assert validate_member({"name": "李四", "phone": "(0372)1234567"}, TODAY)[0]["phone"] == "0372-1234567"
    errors = errors_on({"name": "李四", "phone": "12345"})
    assert errors["phone"].startswith("手机")


def test_text_fields_are_stripped_and_halfwidth() -> None:
    clean, _ = validate_member(
        {
            "name": "李四",
            "group": " 第２党小组 ",
            "village": "\u3000东村",
            "education": "大专 ",
            "note": " 独居 ",
        },
        TODAY,
    )
    assert clean["group"] == "第2党小组"
    assert clean["village"] == "东村"
    assert clean["education"] == "大专"
    assert clean["note"] == "独居"


def test_note_length() -> None:
    assert errors_on({"name": "李四", "note": "字" * 500}) == {}
    errors = errors_on({"name": "李四", "note": "字" * 501})
    assert list(errors) == ["note"]
    assert errors["note"].startswith("备注：")


def test_unknown_keys_are_ignored() -> None:
    clean, issues = validate_member({"name": "李四", "something": "else"}, TODAY)
    assert issues == []
    assert "something" not in clean


@given(
    birth=st.dates(min_value=datetime.date(1930, 1, 1), max_value=datetime.date(2000, 12, 31)),
    seq=st.from_regex(r"[0-9]{3}", fullmatch=True),
    join_after_days=st.integers(min_value=18 * 366, max_value=60 * 365),
    probation_days=st.integers(min_value=366, max_value=730),
)
def test_cleaned_records_validate_to_themselves(
    birth: datetime.date, seq: str, join_after_days: int, probation_days: int
) -> None:
    joined = birth + datetime.timedelta(days=join_after_days)
    confirmed = joined + datetime.timedelta(days=probation_days)
    raw = record(
        id_number=make_id(birth=birth.strftime("%Y%m%d"), seq=seq),
        birth_date=f"{birth.year}年{birth.month}月{birth.day}日",
        gender=None,
        joined_date=joined.strftime("%Y/%m/%d") if joined <= TODAY else None,
        confirmed_date=confirmed.strftime("%Y.%m.%d") if confirmed <= TODAY else None,
        phone="(0372)1234567-12",
        ethnicity="汉",
    )
    clean, issues = validate_member(raw, TODAY)
    assert issues == []
    again, issues_again = validate_member(clean, TODAY)
    assert issues_again == []
    assert again == clean
