# placement: the two commands that matter are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/placement
DEMO_DB := demo.sqlite
# The day the demo world describes (seeds/ is generated for it).
SEED_DATE := 2026-11-23
SEED_FLAGS := --seed 1 --municipalities 615 --as-of $(SEED_DATE)

.PHONY: demo test build deps seeds check-seeds clean bench-import bench-match

# The system SQLite headers GRDB builds against; installed when missing.
deps:
	@if [ ! -f /usr/include/sqlite3.h ]; then \
	  echo "Installing libsqlite3-dev (SQLite headers)…"; \
	  (apt-get update -qq && apt-get install -y -qq libsqlite3-dev sqlite3) >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product placement

demo: build
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN) init --municipality 615 --db $(DEMO_DB)
	$(BIN) import --db $(DEMO_DB) --as-of $(SEED_DATE) seeds/residences.csv seeds/places.csv seeds/citizens.csv seeds/placements.csv
	$(BIN) status --db $(DEMO_DB) --as-of $(SEED_DATE)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Regenerates seeds/ byte for byte from the generator.
seeds: build
	$(BIN) generate $(SEED_FLAGS) --out seeds/

check-seeds: build
	@tmp=$$(mktemp -d); $(BIN) generate $(SEED_FLAGS) --out $$tmp >/dev/null && diff -r -q $$tmp seeds/ && echo "seeds/ is up to date"; rm -rf $$tmp

bench-import: build
	bash Benchmarks/import/run.sh

bench-match: build
	bash Benchmarks/flow/run.sh

clean:
	rm -rf .build $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
