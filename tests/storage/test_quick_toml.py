"""The shortcut for a record's tables gives exactly what tomllib gives, or its error.

Each case is parsed both ways and compared, documents and error messages alike; the cases that
must take the shortcut are checked to take it, so a shortcut that silently always fell back
would fail here too.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bandtimer.storage.history import quick_toml
from bandtimer.storage.history.codec import record_to_toml
from bandtimer.storage.history.files import read_record

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "history"
HEAD = 'format = 1\nid = "ab12cd34"\n\n[routine]\nname = "Hips"\n'


def outcome(parse, text: str) -> object:
    try:
        return ("document", parse(text))
    except tomllib.TOMLDecodeError as error:
        return ("error", str(error))


def assert_same(text: str) -> None:
    """Compared as text: `nan` is a TOML float that equals nothing, itself included."""
    assert repr(outcome(quick_toml.loads, text)) == repr(outcome(tomllib.loads, text))


def test_every_fixture_record_parses_to_what_tomllib_makes_of_it_through_the_shortcut() -> None:
    files = sorted(FIXTURE.glob("2025/*.toml"))
    assert len(files) >= 10
    quick = 0
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        assert_same(text)
        quick += quick_toml._quick(text) is not None
    assert quick >= 10, "the shortcut served the records bandtimer wrote"


def test_a_record_written_by_the_codec_takes_the_shortcut_for_all_its_tables() -> None:
    path = next(p for p in sorted(FIXTURE.glob("2025/*.toml"))
                if "5ca1ab1e" not in p.name)  # the fixture's corrupt file aside
    text = record_to_toml(read_record(path))
    assert quick_toml._quick(text) == tomllib.loads(text)


@pytest.mark.parametrize("tail", [
    "[[segment]]\nindex = 0\nindex = 1\n",  # a key twice
    "[[segment]]\nindex = 01\n",  # a leading zero
    "[[segment]]\nindex = 0 # a comment\n",
    "[[segment]]\nkind = \"a \\\"quoted\\\" word\"\n",  # an escape
    "[[segment]]\nkind = \"tab\there\"\n",
    "[[segment]]\nreps = [1,2]\n",
    "[[segment]]\nreps = [1, 2, ]\n",
    "[[segment]]\nreps = [\"a\"]\n",
    "[[exercise]]\nreps = [10, 10, 10]\nheld_seconds = [30.0, 28.5]\nnone = []\n",
    "[[exercise]]\nreps = [1, 2.5, -0]\n[[segment]]\nindex = 0\n[[exercise]]\nnumber = 2\n",
    "[[routine]]\nname = \"a table already\"\n",
    "[[ segment ]]\nindex = 0\n",
    "[[a.b]]\nindex = 0\n",
    "[[segment]]\nat = 2025-03-18T07:30:00Z\n",
    "[[segment]]\nindex = 1e3\n",
    "[[segment]]\r\nindex = 0\r\n",
    "[[segment]]\nindex = 0\n[[exercise]]\nname = \"late\"\n",
    "[[segment]]\nindex = 0\n[routine]\nname = \"again\"\n",
    "[[segment]]\nindex=0\n",
    "[[segment]]\na.b = 1\n",
    "[[segment]]\nindex = 123456789012345678901234567890\n",
    "[[segment]]\nindex = -0\nplanned_seconds = -0.0\nskipped = true\nside = \"\"\n",
    "[[segment]]\n\n\n[[segment]]\n",
    "[[segment]]\nname = \"\"\"\n[[segment]]\n\"\"\"\n",
])
def test_anything_out_of_the_ordinary_after_the_first_segment_reads_as_tomllib_reads_it(
    tail: str,
) -> None:
    assert_same(HEAD + "\n" + tail)


@pytest.mark.parametrize("head", [
    HEAD + "segment = 1\n",  # `segment` already taken: tomllib's error
    HEAD + "[segment]\nx = 1\n",
    'name = """\n',  # the first `[[segment]]` is inside a string
    "not toml at all\n",
    "",
])
def test_a_head_that_already_says_something_about_segments_or_is_broken_reads_as_tomllib(
    head: str,
) -> None:
    assert_same(head + "\n[[segment]]\nindex = 0\n")


keys = st.sampled_from(["index", "kind", "set", "side", "skipped", "reps", "x-y", "9"])
values = st.one_of(
    st.integers(-(10**20), 10**20).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.text(max_size=8).map(lambda s: '"' + s + '"'),
    st.sampled_from(["true", "false", "True", "nan", "inf", "+1", "1_000", "0x1f", "'lit'",
                     "1.", ".5", "-0.0", "00", "[]", "{}", "[1, 2]", "[1.5, -2]", "[1,2]",
                     "[1, ]", "[[1]]", '["a"]']),
)
lines = st.one_of(
    st.tuples(keys, st.sampled_from([" = ", "=", " =  "]), values).map("".join),
    st.sampled_from(["[[segment]]", "", "# note", " ", "[segment]", "[[exercise]]",
                     "[[routine]]", "[[format]]"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(lines, max_size=14))
def test_any_tail_reads_exactly_as_tomllib_reads_it(tail: list[str]) -> None:
    assert_same(HEAD + "\n[[segment]]\n" + "\n".join(tail) + "\n")
