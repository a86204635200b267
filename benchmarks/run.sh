#!/usr/bin/env bash
# Measures incident-service at scale (a million incidents, a 100,000-message channel) on real
# PostgreSQL, Kafka and Keycloak. Prints the figures and writes benchmarks/target/benchmark-results.txt.
# Usage: benchmarks/run.sh [incidents] [messages]
set -euo pipefail
cd "$(dirname "$0")/.."

echo "[bench] Building incident-service and the benchmark ..."
./mvnw -B -ntp install -DskipTests -pl benchmarks -am \
  | grep --line-buffered -E '(Building .*\[|BUILD|ERROR)' | sed -u 's/^\[INFO\] /[build] /'

exec java -Xmx512m -XX:+UseSerialGC -Dstack.root="$PWD" \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)" \
  dev.commandcenter.bench.IncidentBenchmark "$@"
