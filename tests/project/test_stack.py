from project import stack
from project.env import EMBEDDED_REDIS_PORT


def test_without_redis_url_the_embedded_server_runs_first(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    processes = stack.processes()
    assert list(processes) == ["redis", "web", "worker", "beat"]
    assert "valkey-server" in processes["redis"]
    assert f"--port {EMBEDDED_REDIS_PORT}" in processes["redis"]


def test_with_redis_url_only_the_procfile_runs(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    assert list(stack.processes()) == ["web", "worker", "beat"]


def test_the_web_process_caps_websocket_frames_at_64_kib():
    assert "--ws-max-size 65536" in stack.processes()["web"]


def test_banner_names_the_urls(monkeypatch):
    monkeypatch.setenv("PORT", "9001")
    text = stack.banner()
    assert "http://127.0.0.1:9001/api/docs/" in text
    assert "http://127.0.0.1:9001/admin/" in text
