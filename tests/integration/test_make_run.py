"""`make run` as a user starts it: the README's own `PORT=...` setting must work."""

import os
import subprocess
import time

import httpx

from project import stack
from project.env import BASE_DIR, EMBEDDED_LLM_PORT
from tests.integration.conftest import free_port


def test_make_run_serves_on_the_port_it_is_given_with_the_embedded_model(tmp_path):
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "LLM_BASE_URL", "LLM_MODEL", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        PORT=str(port),
        WEB_CONCURRENCY="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'run.sqlite3'}",
        HEARTH_ADMIN_PASSWORD="run-test-admin-passphrase",
        HEARTH_DEMO_PASSWORD="run-test-demo-passphrase",
    )
    log = open(tmp_path / "make-run.log", "wb")
    proc = subprocess.Popen(["make", "run"], cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        deadline, ready = time.monotonic() + 300, None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
                if ready.status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(1)
        output = (tmp_path / "make-run.log").read_text(errors="replace")
        assert proc.poll() is None, output[-3000:]
        assert ready is not None and ready.status_code == 200, output[-3000:]
        assert ready.json()["checks"] == {"database": "ok", "redis": "ok", "llm": "ok", "crisis_model": "ok"}
        # The model server kept its own port: the web process got PORT.
        assert httpx.get(f"http://127.0.0.1:{EMBEDDED_LLM_PORT}/v1/models", timeout=5).status_code == 200
        assert f"http://127.0.0.1:{port}/demo/" in output
    finally:
        stack.stop_process_groups([proc], grace=20)
