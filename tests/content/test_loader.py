"""The loader turns any bytes into a model or `path:line: message` errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.content.loader import MAX_FILE_BYTES, load_model
from trainer.content.models import Persona, Rubric, Scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = (ROOT / "scenarios" / "saas-cfo-price.yaml").read_text()


def load(tmp_path: Path, text: str | bytes, model=Scenario, name: str = "my-scenario.yaml"):
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return load_model(path, model)


def messages(result) -> list[str]:
    return [str(e) for e in result[1]]


def test_valid_file_loads_with_id_from_stem(tmp_path):
    model, errors, _ = load(tmp_path, SCENARIO)
    assert errors == []
    assert model.id == "my-scenario"
    assert model.objections[0].category == "price"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "file is empty"),
        ("# only a comment\n", "file is empty"),
        ("- a\n- b\n", "top level must be a mapping of fields, found a list"),
        ("just a string\n", "top level must be a mapping of fields, found a string"),
        ("title: [unclosed\n", "YAML:"),
        ("title: !!python/object:os.system {}\n", "YAML:"),
        ("title: a\ntitle: b\n", "duplicate key 'title'"),
    ],
)
def test_malformed_yaml_is_one_line_error(tmp_path, text, expected):
    model, errors, _ = load(tmp_path, text)
    assert model is None
    assert len(errors) == 1
    assert expected in errors[0].message
    assert str(errors[0]).startswith(str(tmp_path / "my-scenario.yaml"))


def test_non_utf8_bytes_name_the_line(tmp_path):
    model, errors, _ = load(tmp_path, b"title: ok\nsituation: caf\xe9\n")
    assert model is None
    assert errors[0].line == 2
    assert "not UTF-8" in errors[0].message


def test_alias_bomb_fails_fast(tmp_path):
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for i, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[i]
        bomb += f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    model, errors, _ = load(tmp_path, bomb)
    assert model is None
    assert "too many values" in errors[0].message


def test_oversized_file_is_refused(tmp_path):
    model, errors, _ = load(tmp_path, "title: " + "x" * MAX_FILE_BYTES)
    assert model is None
    assert "limit" in errors[0].message


def test_unknown_field_and_wrong_enum_point_at_their_lines(tmp_path):
    text = SCENARIO.replace("difficulty: normal", "difficulty: brutal").replace(
        "turn_limit: 12", "turn_limit: 12\ncolour: blue"
    )
    _, errors, _ = load(tmp_path, text)
    lines = SCENARIO.splitlines()
    by_field = {e.message.split(":")[0]: e for e in errors}
    assert by_field["difficulty"].line == lines.index("difficulty: normal") + 1
    assert "must be one of 'easy', 'normal' or 'hard'" in by_field["difficulty"].message
    assert by_field["colour"].message == "colour: unknown field"
    assert by_field["colour"].line == lines.index("turn_limit: 12") + 2


def test_nested_error_points_at_the_nested_line(tmp_path):
    text = SCENARIO.replace("category: price", "category: money")
    _, errors, _ = load(tmp_path, text)
    (error,) = errors
    assert error.message.startswith("objections.0.category:")
    assert error.line == SCENARIO.splitlines().index("    category: price") + 1


def test_missing_field_is_reported(tmp_path):
    text = SCENARIO.replace("title: The CFO who says it costs too much\n", "")
    _, errors, _ = load(tmp_path, text)
    assert [e.message for e in errors] == ["title: required field is missing"]


def test_id_must_match_stem_and_stem_must_be_a_slug(tmp_path):
    _, errors, _ = load(tmp_path, "id: other\n" + SCENARIO)
    assert "must match the file name" in errors[0].message
    _, errors, _ = load(tmp_path, SCENARIO, name="Bad Name.yaml")
    assert "not a valid id" in errors[0].message


def test_control_characters_in_text_are_refused(tmp_path):
    text = (
        SCENARIO.replace("The CFO who", "The \\e[31mCFO who")
        .replace("title: The", 'title: "The')
        .replace("too much\n", 'too much"\n', 1)
    )
    _, errors, _ = load(tmp_path, text)
    assert any("control character" in e.message for e in errors)


def test_rubric_weights_must_sum_to_100(tmp_path):
    text = (ROOT / "rubrics" / "consultative-vs-pressure.yaml").read_text()
    _, errors, _ = load(tmp_path, text.replace("weight: 25", "weight: 30", 1), Rubric, "r.yaml")
    assert any("sum to 100, not 105" in e.message for e in errors)


def test_persona_needs_lines_for_every_move(tmp_path):
    text = (ROOT / "personas" / "dana-cfo.yaml").read_text()
    cut = text[: text.index("  walk_away:")]
    _, errors, _ = load(tmp_path, cut, Persona, "p.yaml")
    assert any("missing lines for move(s): walk_away" in e.message for e in errors)


yaml_ish = st.text(
    alphabet=st.sampled_from(
        list("abc:-[]{}&*!|>'\"#%@`\n\t ?,0123456789\\x") + ["\u00e9", "\x00", "\x1b"]
    ),
    max_size=300,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=yaml_ish)
def test_any_text_gives_a_model_or_errors_never_an_exception(tmp_path, text):
    model, errors, _ = load(tmp_path, text)
    assert (model is None) == bool(errors)
    for error in errors:
        assert "\n" not in str(error)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_any_bytes_never_raise(tmp_path, data):
    model, errors, _ = load(tmp_path, data, Persona, "p.yaml")
    assert model is None and errors
