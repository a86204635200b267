#!/usr/bin/env bash
# Starts the whole incident command center locally on real infrastructure:
# PostgreSQL, Kafka (KRaft) and Keycloak with the demo realm, then all five services.
# Needs only JDK 17+. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

echo "[stack] Building the suite (first run downloads dependencies, ~3-5 min; later runs ~1 min) ..."
./mvnw -B -ntp install -DskipTests \
  -pl stack-artifacts,contracts,service-kit,event-kit,team-directory,local-stack,playbook-service,incident-service,notifier-service,telemetry-service,gateway \
  | grep --line-buffered -E '(Building .*\[|BUILD|ERROR)' | sed -u 's/^\[INFO\] /[build] /'

exec java -Xmx256m -XX:+UseSerialGC -Dstack.root="$PWD" \
  -cp "local-stack/target/classes:$(cat local-stack/target/runtime-classpath.txt)" \
  dev.commandcenter.stack.LocalStack
