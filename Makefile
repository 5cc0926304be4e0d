# The two commands of the README: `make run` and `make test`.
BUILD_DIR ?= build/release
JOBS ?= $(shell nproc)
INDEXER = $(BUILD_DIR)/indexer/peacesearch-indexer
SERVER = $(BUILD_DIR)/server/peacesearch-server
HOST ?= 127.0.0.1
PORT ?= 8080
PREFIX ?= /usr/local

.PHONY: deps test-deps build index run install deb test test-asan test-tsan format bench fuzz clean relevance

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test
	@scripts/install-e2e.sh

build: deps
	cmake --preset release >/dev/null
	cmake --build $(BUILD_DIR) -j $(JOBS)

index: build
	$(INDEXER) build --input sample-data --index var/index

run: index
	$(SERVER) --index var/index --host $(HOST) --port $(PORT)

# Programs, page, data files and systemd unit under PREFIX (DESTDIR=… stages them elsewhere).
install: build
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

# The Debian package, in $(BUILD_DIR)/deb (packaging/CMakeLists.txt).
deb: build
	cd $(BUILD_DIR) && cpack -G DEB

test: index test-deps
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

test-asan: deps test-deps
	cmake --preset asan >/dev/null
	cmake --build build/asan -j $(JOBS)
	ctest --preset asan -j $(JOBS) -LE "e2e|fuzz"

test-tsan: deps
	cmake --preset tsan >/dev/null
	cmake --build build/tsan -j $(JOBS)
	ctest --preset tsan -L concurrency

format:
	find analyzers indexer server tests fuzz bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

fuzz:
	@scripts/install-deps.sh test
	scripts/fuzz.sh $(or $(FUZZ_SECONDS),300)

bench: deps
	bench/run.sh $(or $(SIZE),10k)

clean:
	rm -rf build var

relevance: build
	$(BUILD_DIR)/tests/relevance/relevance_report
