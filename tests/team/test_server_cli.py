"""`trainer server`: from nothing to a running, password-only server and
logins, with no password printed except the one URL add-user shows once."""

from __future__ import annotations

import stat

import psycopg
import pytest
from conftest import free_port

from trainer.cli import main
from trainer.server.cluster import Cluster


def test_init_status_add_user_stop_start(folder, capsys):
    port = str(free_port())
    assert main(["server", "init", "--dir", str(folder), "--port", port]) == 0
    out, err = capsys.readouterr()
    assert f"127.0.0.1:{port}" in out
    password = (folder / "admin-password").read_text().strip()
    assert password not in out + err
    assert stat.S_IMODE((folder / "admin-password").stat().st_mode) == 0o600

    assert main(["server", "status", "--dir", str(folder)]) == 0
    assert "running on 127.0.0.1" in capsys.readouterr().out

    assert main(["server", "add-user", "ana", "--role", "trainee", "--dir", str(folder)]) == 0
    out, err = capsys.readouterr()
    url = out.strip()
    assert url.startswith("postgresql://ana:") and url.endswith(f"@127.0.0.1:{port}/trainer")
    ana_password = url.split(":")[2].split("@")[0]
    assert ana_password not in err and password not in out + err
    with psycopg.connect(url) as conn:
        listen = conn.execute("SHOW listen_addresses").fetchone()
        assert listen == ("127.0.0.1",)
        method = conn.execute("SHOW password_encryption").fetchone()
        assert method == ("scram-sha-256",)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(url.replace(ana_password, "guess"))

    assert main(["server", "add-user", "ana", "--role", "trainee", "--dir", str(folder)]) == 2
    assert "already has a login" in capsys.readouterr().err

    assert main(["server", "stop", "--dir", str(folder)]) == 0
    assert main(["server", "status", "--dir", str(folder)]) == 3
    assert "stopped" in capsys.readouterr().out
    assert main(["server", "start", "--dir", str(folder)]) == 0
    with psycopg.connect(url) as conn:  # the login survives a restart
        assert conn.execute("SELECT current_user").fetchone() == ("ana",)


def test_setup_prepares_an_existing_database_and_is_safe_to_repeat(pg_server, capsys):
    from trainer.store.postgres import connect

    with connect(pg_server.admin_url("postgres")) as conn:
        conn.execute('CREATE DATABASE "managed"')
    admin_url = pg_server.admin_url("managed")
    assert main(["server", "setup", admin_url]) == 0
    out, err = capsys.readouterr()
    assert "applied 0001_sessions, 0002_assignments, 0003_team_access" in out
    password = admin_url.split(":")[2].split("@")[0]
    assert password not in out + err and ":***@" in out
    assert main(["server", "setup", admin_url]) == 0
    assert "already up to date" in capsys.readouterr().out


def test_status_without_a_server_and_bad_names(tmp_path, capsys):
    assert main(["server", "status", "--dir", str(tmp_path)]) == 3
    assert "trainer server init" in capsys.readouterr().out
    assert main(["server", "add-user", "x", "--role", "trainee", "--dir", str(tmp_path)]) == 2
    assert "run `trainer server init` first" in capsys.readouterr().err


def test_a_taken_port_is_one_line_and_start_on_another_finishes_the_setup(folder, capsys):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["server", "init", "--dir", str(folder), "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert "Address already in use" in err and "trainer server start --port N" in err
    assert len(err.strip().splitlines()) == 2  # the progress line and the error
    free = str(free_port())
    assert main(["server", "start", "--dir", str(folder), "--port", free]) == 0
    url = Cluster(folder).admin_url()
    assert f":{free}/trainer" in url
    with psycopg.connect(url) as conn:
        names = conn.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()
    assert [n for (n,) in names][-1] == "0003_team_access"
