#!/usr/bin/env bash
# Installs what TensorBoardPythonReaderTest needs to read our event files independently: protoc and Python's
# protobuf module, as Debian packages. Idempotent: returns at once when both are already there.
set -euo pipefail

# The test tries these interpreters in this order (the Debian package serves the system one).
has_python_protobuf() {
  local py
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import google.protobuf' >/dev/null 2>&1; then
      return 0
    fi
  done
  return 1
}

if command -v protoc >/dev/null 2>&1 && has_python_protobuf; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "== installing python3-protobuf protobuf-compiler (for TensorBoardPythonReaderTest)"
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-protobuf protobuf-compiler >/dev/null
protoc --version
