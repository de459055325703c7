"""`trainer web` in a real headless browser: the app's screen arrives over the
websocket, and the page asks nothing of any host but the one serving it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import free_port

from trainer.server.web import TEMPLATES

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
UPSTREAM = Path(__import__("textual_serve").__file__).parent / "templates" / "app_index.html"


def test_the_page_template_is_upstreams_with_the_font_served_locally():
    """On a textual-serve upgrade, this says whether our copy fell behind."""
    ours = (TEMPLATES / "app_index.html").read_text()
    theirs = UPSTREAM.read_text()
    assert "googleapis" in theirs and "googleapis" not in ours
    assert "fonts/RobotoMono-VariableFont_wght.ttf" in ours
    kept = [line for line in theirs.splitlines() if "fonts.googleapis" not in line]
    missing = [line for line in kept if line.strip() and line not in ours.splitlines()]
    assert missing == ["    <link", '      rel="stylesheet"', "    />"] or missing == []


@pytest.fixture
def web_server(tmp_path):
    port = free_port()
    env = {**os.environ, "TRAINER_HOME": str(tmp_path / "home")}
    process = subprocess.Popen(
        [sys.executable, "-m", "trainer", "web", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"trainer web did not start: {process.stderr.read().decode()}")
            time.sleep(0.2)
    yield url
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="no chromium at /usr/bin/chromium (apt-get install chromium; .ci/run does)",
)
def test_the_app_runs_in_a_headless_browser_with_nothing_fetched_from_outside(web_server):
    from playwright.sync_api import sync_playwright

    requested: list[str] = []
    screen = bytearray()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_page()
            page.on("request", lambda request: requested.append(request.url))

            def watch(ws):
                def received(payload):
                    screen.extend(payload if isinstance(payload, bytes) else payload.encode())

                ws.on("framereceived", received)

            page.on("websocket", watch)
            page.goto(web_server)
            # textual.js marks the page once the app's first bytes arrive.
            page.wait_for_selector("body.-first-byte", timeout=30_000)
            deadline = time.monotonic() + 30
            while b"Objection" not in screen and time.monotonic() < deadline:
                page.wait_for_timeout(200)
        finally:
            browser.close()
    assert b"Objection" in screen, "the trainer's home screen never reached the browser"
    outside = [
        u for u in requested if not u.startswith((web_server, web_server.replace("http", "ws")))
    ]
    assert outside == [], outside
