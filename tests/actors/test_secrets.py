"""An API key is used for the call and never written anywhere: transcripts, the
store, exports, reports, or what the trainee sees."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

KEY = "sk-test-FAKE0123456789abcdefSECRET"


def trainer(home: Path, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRAINER_HOME": str(home), "OPENAI_API_KEY": KEY}
    return subprocess.run(
        [sys.executable, "-m", "trainer", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_key_reaches_the_server_and_nothing_else(fake_openai, tmp_path, _isolated_home):
    fake_openai.script += [
        ("stream", ["Hello, I'm worried about price."]),
        ("echo_auth", 401),  # the server leaks the key into its error message
        ("stream", ["Fair question. It's about last time."]),
    ]
    out = tmp_path / "t.json"
    chat = trainer(
        _isolated_home,
        "chat",
        "saas-cfo-price",
        "--trainee",
        "ana",
        "--seed",
        "2",
        "--model",
        "openai/tiny",
        "--api-base",
        fake_openai.api_base,
        "--out",
        str(out),
        stdin="What's behind the budget concern?\n/retry\n/end\n",
    )
    assert chat.returncode == 0, chat.stderr
    assert fake_openai.headers[0]["authorization"] == f"Bearer {KEY}"
    assert "could not answer" in chat.stderr  # the failure was shown ...
    session_id = [line for line in out.read_text().split('"') if len(line) == 32][0]
    outputs = {
        "chat stdout": chat.stdout,
        "chat stderr": chat.stderr,  # ... without the key in it
        "transcript": out.read_text(),
        "export md": trainer(_isolated_home, "export", session_id, "--format", "md").stdout,
        "export json": trainer(_isolated_home, "export", session_id, "--format", "json").stdout,
        "report json": trainer(_isolated_home, "report", "--json").stdout,
    }
    html = tmp_path / "r.html"
    trainer(_isolated_home, "report", "--html", str(html))
    outputs["report html"] = html.read_text()
    for path in _isolated_home.rglob("*"):
        if path.is_file():
            outputs[str(path)] = path.read_bytes().decode("utf-8", "replace")
    for where, text in outputs.items():
        assert KEY not in text and KEY[8:] not in text, f"the key leaked into {where}"
    assert "export json" in outputs and '"turns"' in outputs["export json"]
