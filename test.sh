#!/usr/bin/env bash
# The test command: builds everything (warnings are errors) and runs every test project.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build Rampart.slnx -c Release
dotnet test Rampart.slnx -c Release --no-build
