#!/usr/bin/env bash
# Regenerates src/main/resources/partition/partitions.tsv, the partition facts (regions, the endpoint
# prefixes each partition offers, global endpoints and their signing regions) that
# io.github.scpauditor.partition.Partition reads, from the endpoint metadata of the AWS SDK for Java v2
# in pom.xml (aws.sdk.version). Run it after changing that version, then commit the resource with the pom.
# Reading the SDK's own metadata classes at run time cost most of a second of every cold start.
#
# Usage: scripts/generate-partitions.sh [extra Maven arguments, e.g. -o]
set -euo pipefail

cd "$(dirname "$0")/.."
# Writes the resource from the SDK (PartitionsResourceTest, with partition.regenerate set)...
mvn -B -q "$@" -Dtest='PartitionsResourceTest#theResourceIsWhatTheSdkOnTheClasspathSays' \
  -Dpartition.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false test
# ...then checks every answer of Partition read from it against the SDK.
mvn -B -q "$@" -Dtest='io.github.scpauditor.partition.**' -Dsurefire.failIfNoSpecifiedTests=false test
echo "wrote src/main/resources/partition/partitions.tsv from AWS SDK for Java $(sed -n 's/^@sdk-version\t//p' src/main/resources/partition/partitions.tsv)" >&2
