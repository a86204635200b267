#!/usr/bin/env bash
# Measures the packaged incident-service (production JVM flags) on real PostgreSQL, Kafka and
# Keycloak, each figure beside what the database or the broker does on its own in the same run.
# Prints the figures and writes benchmarks/target/benchmark-results.txt. See benchmarks/README.md.
# Usage: benchmarks/run.sh [incidents] [messages] [--parts=start,browse] [--jfr] [--seconds=20] ...
set -euo pipefail
cd "$(dirname "$0")/.."

echo "[bench] Building incident-service and the benchmark ..."
./mvnw -B -ntp install -DskipTests -pl benchmarks -am \
  | grep --line-buffered -E '(Building .*\[|BUILD|ERROR)' | sed -u 's/^\[INFO\] /[build] /'

exec java -Xmx768m -XX:+UseSerialGC -Dstack.root="$PWD" \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)" \
  dev.commandcenter.bench.IncidentBenchmark "$@"
