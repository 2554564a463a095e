"""Builds small fake ELF executables for the artifact check's tests: the fields the check reads (class, machine,
loader, GLIBC version needs, symbol table, size, a launcher's libhostfxr string) are set at will; nothing runs them."""

from __future__ import annotations

import io
import struct
import zipfile

MACHINE = {"x86_64": 62, "arm64": 183}
LOADER = {"x86_64": "/lib64/ld-linux-x86-64.so.2", "arm64": "/lib/ld-linux-aarch64.so.1"}
MB = 1024 * 1024


def elf(architecture: str = "x86_64", glibc: tuple[str, ...] = ("GLIBC_2.2.5", "GLIBC_2.34"), size: int = 8 * MB,
        stripped: bool = True, loader: str | None = None, extra: bytes = b"", elf_class: int = 2) -> bytes:
    interp = (loader if loader is not None else LOADER[architecture]).encode() + b"\0"
    dynstr = bytearray(b"\0libc.so.6\0")
    names = []
    for version in glibc:
        names.append(len(dynstr))
        dynstr += version.encode() + b"\0"
    verneed = struct.pack("<HHIII", 1, len(glibc), 1, 16, 0)
    for i, name in enumerate(names):
        verneed += struct.pack("<IHHII", 0, 0, i + 2, name, 16 if i < len(names) - 1 else 0)
    sections = [(".interp", 1, interp, 0, 0), (".dynstr", 3, bytes(dynstr), 0, 0), (".gnu.version_r", 0x6FFFFFFE, verneed, 2, 1)]
    if not stripped:
        sections.append((".symtab", 2, b"\0" * 24, 2, 0))
    shstrtab = bytearray(b"\0")
    offsets = {}
    for name, *_ in sections + [(".shstrtab", 3, b"", 0, 0)]:
        offsets[name] = len(shstrtab)
        shstrtab += name.encode() + b"\0"
    sections.append((".shstrtab", 3, bytes(shstrtab), 0, 0))

    body = bytearray(64 + 56)  # ELF header, one program header
    placed = []
    for name, kind, content, link, info in sections:
        placed.append((offsets[name], kind, len(body), len(content), link, info))
        body += content
    body += extra
    headers = struct.pack("<IIQQQQIIQQ", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    headers += b"".join(struct.pack("<IIQQQQIIQQ", n, k, 0, 0, off, length, link, info, 1, 0) for n, k, off, length, link, info in placed)
    padding = max(0, size - len(body) - len(headers))
    body += b"\0" * padding
    shoff = len(body)
    body += headers
    ident = b"\x7fELF" + bytes([elf_class, 1, 1]) + b"\0" * 9
    header = ident + struct.pack("<HHIQQQIHHHHHH", 2, MACHINE[architecture], 1, 0, 64, shoff, 0, 64, 56, 1, 64, len(placed) + 1, len(placed))
    body[:64] = header
    interp_offset = placed[0][2]
    body[64:120] = struct.pack("<IIQQQQQQ", 3, 4, interp_offset, 0, 0, len(interp), len(interp), 1)
    return bytes(body)


def zipped(files: dict[str, bytes], mode: int = 0o755) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
