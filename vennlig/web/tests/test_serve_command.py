"""`vennlig serve` (what `make run` uses) answers with DEBUG off and serves its static files."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_serve_answers_pages_and_static_files(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "VENNLIG_DATABASE_URL"}
    env["VENNLIG_DATA_DIR"] = str(tmp_path)
    cli = [sys.executable, "-m", "vennlig.cli"]
    subprocess.run([*cli, "migrate", "-v0"], env=env, check=True, timeout=120)
    port = _free_port()
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                status, page = _get(f"{base}/login/")
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200 and "Vennlig" in page
        assert _get(f"{base}/static/vennlig/vennlig.css")[0] == 200
        status, page = _get(f"{base}/no-such-page/")
        assert status == 404 and "Traceback" not in page  # DEBUG is off
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert f"running on http://127.0.0.1:{port}/ (DEBUG=False)" in output
