#!/usr/bin/env bash
# Installs what Gust needs and is missing, quietly and idempotently: the OS packages (LLVM 16, the
# cross toolchains and C libraries, QEMU, wabt, z3) and the .NET packages. Safe to run every time;
# costs a few dpkg queries when everything is present.
set -euo pipefail

packages=(
  clang-16 llvm-16 lld-16
  gcc-arm-none-eabi libnewlib-arm-none-eabi
  gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf
  qemu-system-arm qemu-system-misc
  wabt z3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "gust: installing OS packages: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "gust: the .NET SDK (10) is required and was not found on PATH" >&2
  exit 1
fi
