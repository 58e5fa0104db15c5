from project import stack
from project.env import EMBEDDED_LLM_PORT, EMBEDDED_REDIS_PORT


def test_with_nothing_set_the_embedded_servers_run_first(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("LLM_BASE_URL", raising=False)
    processes = stack.processes()
    assert list(processes) == ["redis", "llm", "web", "worker", "beat"]
    assert "valkey-server" in processes["redis"]
    assert f"--port {EMBEDDED_REDIS_PORT}" in processes["redis"]
    assert "llama_cpp.server" in processes["llm"]
    assert f"--port {EMBEDDED_LLM_PORT}" in processes["llm"]
    assert ".gguf" in processes["llm"]


def test_with_urls_set_only_the_procfile_runs(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("LLM_BASE_URL", "http://llm.internal/v1")
    assert list(stack.processes()) == ["web", "worker", "beat"]


def test_the_web_process_caps_websocket_frames_at_64_kib():
    assert "--ws-max-size 65536" in stack.processes()["web"]


def test_banner_names_the_urls(monkeypatch):
    monkeypatch.setenv("PORT", "9001")
    text = stack.banner()
    assert "http://127.0.0.1:9001/api/docs/" in text
    assert "http://127.0.0.1:9001/admin/" in text


def test_stopping_waits_for_the_whole_group_not_only_the_shell():
    import os
    import subprocess
    import sys

    # Like uvicorn stuck in a graceful shutdown: the server behind `sh -c` keeps
    # running after SIGTERM, while the shell itself dies at once.
    stubborn = (
        "import signal, time; "
        "signal.signal(signal.SIGTERM, lambda *a: time.sleep(30)); "
        "print('ready', flush=True); time.sleep(60)"
    )
    proc = subprocess.Popen(
        f"{sys.executable} -c \"{stubborn}\"; true",
        shell=True,
        stdout=subprocess.PIPE,
        start_new_session=True,
    )
    assert proc.stdout.readline() == b"ready\n"

    stack.stop_process_groups([proc], grace=0.5)

    try:
        os.killpg(proc.pid, 0)
        survivors = True
    except ProcessLookupError:
        survivors = False
    assert not survivors


def test_the_embedded_servers_see_only_their_own_port_and_host():
    user_env = {"PATH": "/usr/bin", "HOME": "/root", "PORT": "8123", "HOST": "0.0.0.0", "MODEL": "/tmp/x.gguf",
                "N_CTX": "2", "DJANGO_SECRET_KEY": "s3cret", "LLM_API_KEY": "sk-nope"}
    llm = stack.embedded_env(user_env, "llm")
    assert llm["PORT"] == str(EMBEDDED_LLM_PORT) and llm["HOST"] == "127.0.0.1"
    assert not {"MODEL", "N_CTX", "DJANGO_SECRET_KEY", "LLM_API_KEY"} & set(llm)
    assert "PORT" not in stack.embedded_env(user_env, "redis")


def test_banner_names_the_embedded_model_and_how_to_run_another(monkeypatch):
    from project.env import EMBEDDED_LLM_MODEL
    from project.llm.embedded import model_path

    monkeypatch.delenv("LLM_BASE_URL", raising=False)
    text = stack.banner()
    assert f"Model      {EMBEDDED_LLM_MODEL} (embedded" in text
    assert model_path().name in text
    assert "set LLM_BASE_URL and LLM_MODEL" in text


def test_banner_names_a_configured_model_but_never_its_credentials(monkeypatch):
    monkeypatch.setenv("LLM_BASE_URL", "https://bench:s3cret@llm.example.com:8443/v1")
    monkeypatch.setenv("LLM_MODEL", "gpt-4o-mini")
    monkeypatch.setenv("LLM_API_KEY", "sk-nope")
    text = stack.banner()
    assert "Model      gpt-4o-mini at https://llm.example.com:8443/v1" in text
    assert "s3cret" not in text and "sk-nope" not in text and "bench" not in text


def test_the_model_server_evaluates_prompts_on_as_many_threads_as_it_generates_on():
    from project.llm.embedded import server_command

    args = server_command().split()
    assert args[args.index("--n_threads_batch") + 1] == args[args.index("--n_threads") + 1]
