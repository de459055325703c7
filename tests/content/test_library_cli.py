"""The library as a whole, and `trainer validate` / `trainer list` end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.content.library import check_templates, load_library

ROOT = Path(__file__).resolve().parents[2]


def copy_scenario(content_dir: Path, name: str, **replace: str) -> Path:
    text = (ROOT / "scenarios" / "saas-cfo-price.yaml").read_text()
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    path = content_dir / "scenarios" / f"{name}.yaml"
    path.write_text(text)
    return path


def test_shipped_library_is_valid_and_renders():
    library = load_library()
    assert library.errors == []
    assert check_templates(library) == []
    assert "consultative-vs-pressure" in library.rubrics


def test_validate_ok_exits_0(capsys):
    assert main(["validate"]) == 0
    assert "ok:" in capsys.readouterr().err


def test_missing_persona_reference_is_an_error(content_dir, capsys):
    path = copy_scenario(content_dir, "ghost", **{"persona: dana-cfo": "persona: nobody"})
    assert main(["validate", str(content_dir)]) == 2
    out = capsys.readouterr().out.strip().splitlines()
    line = path.read_text().splitlines().index("persona: nobody") + 1
    assert out == [f"{path}:{line}: persona: no persona 'nobody' in the library"]


def test_broken_template_fails_in_validate_with_its_line(content_dir, capsys):
    path = copy_scenario(
        content_dir, "typo", **{"{{ offer.price }} is more": "{{ offer.prise }} is more"}
    )
    assert main(["validate", str(path)]) == 2
    (line,) = capsys.readouterr().out.strip().splitlines()
    assert line.startswith(f"{path}:")
    assert "objections.0.surface: template error" in line and "prise" in line


def test_sandbox_blocks_attribute_escapes(content_dir, capsys):
    copy_scenario(
        content_dir,
        "sneaky",
        **{"{{ offer.price }} is more": "{{ offer.__class__.__mro__ }} is more"},
    )
    assert main(["validate", str(content_dir)]) == 2
    assert "template error" in capsys.readouterr().out


def test_duplicate_ids_across_folders(content_dir, capsys):
    copy_scenario(content_dir, "saas-cfo-price")
    assert main(["validate", str(content_dir)]) == 2
    assert "duplicate id 'saas-cfo-price'" in capsys.readouterr().out


def test_validate_reports_only_the_named_file(content_dir, capsys):
    good = copy_scenario(content_dir, "fine")
    copy_scenario(content_dir, "broken", **{"difficulty: normal": "difficulty: 7"})
    assert main(["validate", str(good)]) == 0
    assert main(["validate", str(content_dir)]) == 2
    assert "broken.yaml" in capsys.readouterr().out


def test_validate_bad_path_is_exit_2(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope")]) == 2
    assert "no such file" in capsys.readouterr().err
    stray = tmp_path / "stray.yaml"
    stray.write_text("a: 1\n")
    assert main(["validate", str(stray)]) == 2


def test_list_scenarios_json_has_contract_fields(capsys):
    assert main(["list", "scenarios", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows
    for row in rows:
        assert {"id", "title", "persona", "industry", "difficulty", "categories"} <= row.keys()


def test_list_includes_user_content_from_env(content_dir, monkeypatch, capsys):
    copy_scenario(content_dir, "team-special")
    monkeypatch.setenv("TRAINER_CONTENT", str(content_dir))
    assert main(["list", "scenarios"]) == 0
    assert "team-special" in capsys.readouterr().out


def test_content_option_before_and_after_command(content_dir, capsys):
    copy_scenario(content_dir, "team-special")
    assert main(["--content", str(content_dir), "list", "scenarios"]) == 0
    assert main(["list", "scenarios", "--content", str(content_dir)]) == 0
    assert capsys.readouterr().out.count("team-special") == 2


def test_usage_error_is_exit_2_without_traceback():
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "list", "widgets"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "invalid choice" in result.stderr


@pytest.mark.parametrize("argv", [["--help"], ["validate"], ["list", "scenarios"]])
def test_light_commands_never_import_textual_or_litellm(argv):
    code = (
        "import sys\n"
        "from trainer.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('litellm', 'textual') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


LEAN = """\
title: A scenario written the simple way
persona: dana-cfo
industry: saas
difficulty: easy
situation: Dana thinks it costs too much.
offer:
  product: RouteWise Pro
  price: "$24,000 a year"
  context: Route planning.
  stage: proposal
objections:
  - id: price
    category: price
    surface: "It costs too much."
    root_cause: The last tool went unused.
    uncover:
      tactics: [open_question]
      keywords: [last time]
    reveal:
      - "The last tool went unused."
    resolve:
      tactics: [offer_options]
      keywords: [pilot]
    resolves_with: A pilot.
    resolved:
      - "A pilot could work."
"""


def test_too_few_lines_is_a_warning_not_an_error(content_dir, capsys):
    (content_dir / "scenarios" / "lean.yaml").write_text(LEAN)
    assert main(["validate", str(content_dir)]) == 0
    err = capsys.readouterr().err
    assert "lean.yaml" in err and "warning: objections.0.variants: 0 line(s)" in err
    assert "warning: objections.0.in_short: missing" in err
    assert "ok: 0 personas, 1 scenarios, 0 rubrics (" in err
