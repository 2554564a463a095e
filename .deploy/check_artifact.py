#!/usr/bin/env python3
"""Checks a Lambda artifact before it ships: the zip holds exactly one executable `bootstrap` at its root, and that
file is the Native AOT build for the declared architecture - a stripped 64-bit little-endian ELF of the right machine
with the system's dynamic loader, larger than a few MB, needing at most GLIBC 2.34 (what Amazon Linux 2023 /
provided.al2023 ships: https://docs.aws.amazon.com/linux/al2023/ug/compare-with-al2.html ), and not the small
framework-dependent launcher a `-p:PublishAot=false` publish produces (it loads libhostfxr and exits 154 on Lambda).

The ELF is parsed here (no readelf/objdump/file needed), so CI gets the same answer on any host.

  .deploy/check_artifact.py artifacts/lambda/bootstrap-x86_64.zip --architecture x86_64
  .deploy/check_artifact.py --template template.yaml     # the artifact template.yaml deploys, for its Architecture
"""

from __future__ import annotations

import argparse
import io
import pathlib
import re
import struct
import sys
import zipfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import samtemplate  # noqa: E402

MACHINES = {"x86_64": 62, "arm64": 183}  # EM_X86_64, EM_AARCH64
INTERPRETERS = {"x86_64": "/lib64/ld-linux-x86-64.so.2", "arm64": "/lib/ld-linux-aarch64.so.1"}
MAX_GLIBC = (2, 34)
MIN_SIZE_BYTES = 5 * 1024 * 1024
SHT_SYMTAB, SHT_GNU_VERNEED, PT_INTERP = 2, 0x6FFFFFFE, 3


class ArtifactError(Exception):
    """The artifact must not ship; the message says why."""


def _cstring(data: bytes, offset: int) -> str:
    end = data.index(b"\0", offset)
    return data[offset:end].decode("ascii", "replace")


def _sections(data: bytes) -> list[dict[str, int]]:
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    if shoff == 0 or shnum == 0 or shoff + shnum * shentsize > len(data):
        raise ArtifactError("ELF section headers missing or truncated")
    sections = []
    for i in range(shnum):
        name, kind, _flags, _addr, offset, size, link, info = struct.unpack_from("<IIQQQQII", data, shoff + i * shentsize)
        sections.append({"name": name, "type": kind, "offset": offset, "size": size, "link": link, "info": info})
    names = sections[shstrndx]
    for section in sections:
        section["label"] = _cstring(data, names["offset"] + section["name"])  # type: ignore[assignment]
    return sections


def _interpreter(data: bytes) -> str | None:
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        kind, _flags, offset, _vaddr, _paddr, filesz = struct.unpack_from("<IIQQQQ", data, phoff + i * phentsize)
        if kind == PT_INTERP:
            return data[offset : offset + filesz].rstrip(b"\0").decode("ascii", "replace")
    return None


def required_glibc(data: bytes, sections: list[dict[str, int]]) -> list[str]:
    """Version names the binary needs from libc (its .gnu.version_r entries), e.g. ["GLIBC_2.2.5", "GLIBC_2.34"]."""
    needed: list[str] = []
    for section in (s for s in sections if s["type"] == SHT_GNU_VERNEED):
        strings = sections[section["link"]]["offset"]
        entry = section["offset"]
        for _ in range(section["info"]):
            _version, count, _file, aux, following = struct.unpack_from("<HHIII", data, entry)
            at = entry + aux
            for _ in range(count):
                _hash, _flags, _other, name, next_aux = struct.unpack_from("<IHHII", data, at)
                needed.append(_cstring(data, strings + name))
                at += next_aux
            if following == 0:
                break
            entry += following
    return needed


def check_bootstrap(data: bytes, architecture: str, min_size: int = MIN_SIZE_BYTES) -> list[str]:
    """Every check on the bootstrap bytes; returns what passed, raises ArtifactError on the first failure."""
    if architecture not in MACHINES:
        raise ArtifactError(f"unknown architecture {architecture!r} (expected one of {sorted(MACHINES)})")
    passed = []
    if data[:4] != b"\x7fELF":
        raise ArtifactError("bootstrap is not an ELF executable")
    if data[4] != 2 or data[5] != 1:
        raise ArtifactError("bootstrap is not a 64-bit little-endian ELF")
    machine, = struct.unpack_from("<H", data, 0x12)
    actual = next((name for name, number in MACHINES.items() if number == machine), f"machine {machine}")
    if machine != MACHINES[architecture]:
        raise ArtifactError(f"bootstrap is built for {actual}, the stack declares {architecture}")
    passed.append(f"ELF64 {architecture}")
    interpreter = _interpreter(data)
    if interpreter != INTERPRETERS[architecture]:
        raise ArtifactError(f"bootstrap's dynamic loader is {interpreter!r}, expected {INTERPRETERS[architecture]} (glibc, not musl or static)")
    if b"libhostfxr.so" in data:
        raise ArtifactError("bootstrap is a framework-dependent .NET launcher (it loads libhostfxr), not the Native AOT executable")
    if len(data) < min_size:
        raise ArtifactError(f"bootstrap is {len(data):,} bytes, less than {min_size:,}: not a Native AOT build of the functions")
    passed.append(f"{len(data):,} bytes")
    sections = _sections(data)
    if any(s["type"] == SHT_SYMTAB or str(s["label"]).startswith(".debug") for s in sections):
        raise ArtifactError("bootstrap is not stripped (it has a symbol table or debug sections)")
    passed.append("stripped")
    versions = []
    for name in required_glibc(data, sections):
        if not name.startswith("GLIBC_"):
            continue
        match = re.fullmatch(r"GLIBC_(\d+)\.(\d+)(?:\.\d+)?", name)
        if match is None:
            raise ArtifactError(f"bootstrap needs {name}, which Amazon Linux 2023 does not promise")
        versions.append((int(match.group(1)), int(match.group(2))))
    if not versions:
        raise ArtifactError("bootstrap declares no GLIBC version needs (not a glibc-linked executable?)")
    newest = max(versions)
    if newest > MAX_GLIBC:
        raise ArtifactError(f"bootstrap needs GLIBC {newest[0]}.{newest[1]}, newer than Amazon Linux 2023's {MAX_GLIBC[0]}.{MAX_GLIBC[1]}")
    passed.append(f"needs GLIBC <= {newest[0]}.{newest[1]}")
    return passed


def check_zip(path: pathlib.Path, architecture: str, min_size: int = MIN_SIZE_BYTES) -> list[str]:
    if not path.is_file():
        raise ArtifactError(f"{path} does not exist (publish first: README, Deploy)")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        if names != ["bootstrap"]:
            raise ArtifactError(f"{path.name} must hold only bootstrap at its root, holds {names}")
        info = archive.getinfo("bootstrap")
        mode = info.external_attr >> 16
        if mode & 0o111 == 0:
            raise ArtifactError(f"bootstrap in {path.name} is not executable (mode {oct(mode)})")
        data = archive.read("bootstrap")
    return [f"{path.name}: bootstrap only, mode {oct(mode & 0o777)}"] + check_bootstrap(data, architecture, min_size)


def template_artifact(template_path: pathlib.Path) -> tuple[pathlib.Path, str]:
    """The one artifact template.yaml deploys and its architecture; the name, Architecture's default and the
    ArtifactMatchesArchitecture rule must agree."""
    template = samtemplate.load(template_path)
    uris = set(map(str, samtemplate.code_uris(template).values()))
    if len(uris) != 1:
        raise ArtifactError(f"functions deploy different artifacts: {sorted(uris)}")
    uri = uris.pop()
    architecture = samtemplate.artifact_architecture(uri)
    default = template["Parameters"]["Architecture"]["Default"]
    if default != architecture:
        raise ArtifactError(f"CodeUri {uri} is {architecture} but Architecture defaults to {default}")
    return (template_path.parent / uri), architecture


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("zip", nargs="?", type=pathlib.Path)
    parser.add_argument("--architecture", choices=sorted(MACHINES))
    parser.add_argument("--template", type=pathlib.Path)
    parser.add_argument("--min-size-mb", type=float, default=MIN_SIZE_BYTES / 1024 / 1024)
    args = parser.parse_args(argv)
    try:
        if args.template:
            path, architecture = template_artifact(args.template)
        elif args.zip and args.architecture:
            path, architecture = args.zip, args.architecture
        else:
            parser.error("give ZIP --architecture ARCH, or --template")
        passed = check_zip(path, architecture, int(args.min_size_mb * 1024 * 1024))
    except (ArtifactError, ValueError, zipfile.BadZipFile) as error:
        print(f"artifact check FAILED: {error}", file=sys.stderr)
        return 1
    print(f"artifact check passed: {path} ({'; '.join(passed)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
