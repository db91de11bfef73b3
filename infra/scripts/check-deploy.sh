#!/usr/bin/env bash
# Deployment files checked without a Docker engine or a cluster (`npm run check:deploy`, and a
# step of `npm test`): the image, the compose file, the Kubernetes manifests, the dashboards
# and the alert rules. The tools come from infra/scripts/ensure-tools.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

node infra/scripts/deploy/check-image.ts
docker-compose -f docker-compose.yml config -q
echo "compose: docker-compose.yml is valid (docker-compose config)"
node infra/scripts/k8s-generate.ts --check
node infra/scripts/deploy/check-k8s.ts
node infra/scripts/deploy/check-observability.ts
