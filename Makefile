# placement: the two commands that matter are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/placement
DEMO_DB := demo.sqlite
# The day the demo world describes (seeds/ is generated for it).
SEED_DATE := 2026-11-23
SEED_FLAGS := --seed 1 --municipalities 615 --as-of $(SEED_DATE)

.PHONY: demo test build deps seeds check-seeds clean bench-import bench-match bench-report bench-plan bench-concurrency crash-test fuzz bench-solver bench-simulate serve browser-deps browser-test

# The system SQLite headers GRDB builds against, and zlib's for ZIPFoundation; installed when missing.
deps:
	@missing=""; \
	[ -f /usr/include/sqlite3.h ] || missing="$$missing libsqlite3-dev"; \
	[ -f /usr/include/zlib.h ] || missing="$$missing zlib1g-dev"; \
	command -v sqlite3 >/dev/null || missing="$$missing sqlite3"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing…"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product placement

demo: build
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB)-writer
	$(BIN) init --municipality 615 --db $(DEMO_DB)
	$(BIN) import --db $(DEMO_DB) --as-of $(SEED_DATE) seeds/residences.csv seeds/places.csv seeds/citizens.csv seeds/placements.csv
	$(BIN) status --db $(DEMO_DB) --as-of $(SEED_DATE)
	$(BIN) match --db $(DEMO_DB) --as-of $(SEED_DATE)
	$(BIN) report weekly --db $(DEMO_DB) --as-of $(SEED_DATE) --out demo-report.html --summary
	@echo "Weekly report: $(CURDIR)/demo-report.html"
	$(BIN) plan --db $(DEMO_DB) --as-of $(SEED_DATE) --scenario seeds/scenario-example.toml --runs 100
	$(BIN) simulate --db $(DEMO_DB) --from 2025-11-24 --to $(SEED_DATE) --policy seeds/policy-wait-longer.policy --summary

test: deps browser-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 Tests/Browser/browser_test.py

# The web app on the demo database (made from seeds/ when missing): http://127.0.0.1:8080/,
# first login `admin` with DEMO_ADMIN_PASSWORD. Binds to this computer only.
DEMO_ADMIN_PASSWORD ?= placement-demo
serve: deps
	$(SWIFT) build --product placement
	@[ -f $(DEMO_DB) ] || { .build/debug/placement init --municipality 615 --db $(DEMO_DB) && \
	  .build/debug/placement import --db $(DEMO_DB) --as-of $(SEED_DATE) seeds/residences.csv seeds/places.csv seeds/citizens.csv seeds/placements.csv; }
	PLACEMENT_ADMIN_PASSWORD=$(DEMO_ADMIN_PASSWORD) .build/debug/placement serve --db $(DEMO_DB) --init-admin

# Debian's Chromium and, from pip, Playwright (driving that Chromium, no browser download)
# and axe-core's Python wrapper: installed when missing.
browser-deps:
	@command -v chromium >/dev/null || { echo "Installing chromium…"; (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; }
	@python3 -c "import playwright, axe_playwright_python" 2>/dev/null || { echo "Installing playwright, axe-playwright-python…"; python3 -m pip install -q "playwright==1.65.2" "axe-playwright-python==0.1.8"; }

# The browser tests alone (screenshots in .build/browser/).
browser-test: deps browser-deps
	$(SWIFT) build --product placement
	python3 Tests/Browser/browser_test.py

# Regenerates seeds/ byte for byte from the generator.
seeds: build
	$(BIN) generate $(SEED_FLAGS) --out seeds/

check-seeds: build
	@tmp=$$(mktemp -d); $(BIN) generate $(SEED_FLAGS) --out $$tmp >/dev/null && diff -r -q -x scenario-example.toml -x '*.policy' $$tmp seeds/ && echo "seeds/ is up to date"; rm -rf $$tmp

bench-import: build
	bash Benchmarks/import/run.sh

bench-match: build
	bash Benchmarks/match/run.sh

bench-report: build
	bash Benchmarks/report/run.sh

bench-plan: build
	bash Benchmarks/plan/run.sh

bench-simulate: build
	bash Benchmarks/simulate/run.sh

bench-concurrency: build deps
	bash Benchmarks/concurrency/run.sh

# kill -9 import, match, accept and restore at random moments; each time the database must pass
# `placement check` and be wholly before or wholly after (KILLS per command, SEED).
crash-test: build deps
	bash Benchmarks/crash/run.sh

# libFuzzer on the readers (Fuzz/): FUZZ_SECONDS per target (default 60), FUZZ_TARGETS to pick.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) bash Fuzz/run.sh

bench-solver: build
	bash Benchmarks/solver/run.sh

clean:
	rm -rf .build $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB)-writer demo-report.html
