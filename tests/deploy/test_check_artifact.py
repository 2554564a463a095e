"""The artifact check refuses everything but a stripped Native AOT ELF of the declared architecture (fabricated ELFs)."""

import glob
import os
import pathlib
import shutil
import tempfile
import unittest

import support  # noqa: F401
import check_artifact
import elf_fixture


class CheckZipTests(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def _zip(self, files, mode=0o755):
        path = pathlib.Path(self.dir.name) / "bootstrap-x86_64.zip"
        path.write_bytes(elf_fixture.zipped(files, mode))
        return path

    def _refused(self, path, architecture="x86_64"):
        with self.assertRaises(check_artifact.ArtifactError) as caught:
            check_artifact.check_zip(path, architecture)
        return str(caught.exception)

    def test_check_zip_aotShapedBootstrap_passes(self):
        passed = check_artifact.check_zip(self._zip({"bootstrap": elf_fixture.elf()}), "x86_64")
        self.assertIn("stripped", passed)
        self.assertIn("needs GLIBC <= 2.34", passed)

    def test_check_zip_arm64Bootstrap_passesOnlyAsArm64(self):
        path = self._zip({"bootstrap": elf_fixture.elf("arm64")})
        self.assertIn("ELF64 arm64", check_artifact.check_zip(path, "arm64"))
        self.assertIn("built for arm64, the stack declares x86_64", self._refused(path))

    def test_check_zip_x86Bootstrap_refusedAsArm64(self):
        self.assertIn("built for x86_64, the stack declares arm64", self._refused(self._zip({"bootstrap": elf_fixture.elf()}), "arm64"))

    def test_check_zip_frameworkDependentLauncher_refused(self):
        # What `dotnet publish -p:PublishAot=false` leaves as bootstrap: the apphost, which loads libhostfxr.
        launcher = elf_fixture.elf(size=78 * 1024, extra=b"libhostfxr.so\0")
        self.assertIn("framework-dependent .NET launcher", self._refused(self._zip({"bootstrap": launcher})))

    def test_check_zip_launcherPaddedPastTheSizeFloor_stillRefused(self):
        launcher = elf_fixture.elf(size=9 * elf_fixture.MB, extra=b"libhostfxr.so\0")
        self.assertIn("launcher", self._refused(self._zip({"bootstrap": launcher})))

    def test_check_zip_realApphostOfTheSdk_refused(self):
        # The launcher the SDK copies as `bootstrap` into a framework-dependent publish, from the SDK running the tests.
        roots = {os.environ.get("DOTNET_ROOT"), os.path.dirname(os.environ.get("DOTNET_HOST_PATH", "")),
                 os.path.dirname(os.path.realpath(shutil.which("dotnet") or "")), "/usr/share/dotnet", str(pathlib.Path.home() / ".dotnet")}
        apphosts = [p for root in roots if root for p in glob.glob(
            os.path.join(root, "packs/Microsoft.NETCore.App.Host.linux-x64/*/runtimes/linux-x64/native/apphost"))]
        if not apphosts:
            self.skipTest("no .NET apphost on this machine")
        self.assertIn("launcher", self._refused(self._zip({"bootstrap": pathlib.Path(apphosts[0]).read_bytes()})))

    def test_check_zip_smallBinary_refused(self):
        self.assertIn("less than", self._refused(self._zip({"bootstrap": elf_fixture.elf(size=1 * elf_fixture.MB)})))

    def test_check_zip_newerGlibc_refused(self):
        self.assertIn("GLIBC 2.35", self._refused(self._zip({"bootstrap": elf_fixture.elf(glibc=("GLIBC_2.2.5", "GLIBC_2.35"))})))

    def test_check_zip_glibcPrivate_refused(self):
        self.assertIn("GLIBC_PRIVATE", self._refused(self._zip({"bootstrap": elf_fixture.elf(glibc=("GLIBC_2.17", "GLIBC_PRIVATE"))})))

    def test_check_zip_unstripped_refused(self):
        self.assertIn("not stripped", self._refused(self._zip({"bootstrap": elf_fixture.elf(stripped=False)})))

    def test_check_zip_muslLoader_refused(self):
        self.assertIn("dynamic loader", self._refused(self._zip({"bootstrap": elf_fixture.elf(loader="/lib/ld-musl-x86_64.so.1")})))

    def test_check_zip_notElf_refused(self):
        self.assertIn("not an ELF", self._refused(self._zip({"bootstrap": b"#!/bin/sh\nexec dotnet bootstrap.dll\n" + b"\0" * 6_000_000})))

    def test_check_zip_managedFilesBesideBootstrap_refused(self):
        self.assertIn("only bootstrap", self._refused(self._zip({"bootstrap": elf_fixture.elf(), "bootstrap.dll": b"MZ"})))

    def test_check_zip_bootstrapInAFolder_refused(self):
        self.assertIn("only bootstrap", self._refused(self._zip({"publish/bootstrap": elf_fixture.elf()})))

    def test_check_zip_notExecutable_refused(self):
        self.assertIn("not executable", self._refused(self._zip({"bootstrap": elf_fixture.elf()}, mode=0o644)))

    def test_main_missingZip_exitsOne(self):
        self.assertEqual(1, check_artifact.main([str(pathlib.Path(self.dir.name) / "none.zip"), "--architecture", "x86_64"]))


class TemplateArtifactTests(unittest.TestCase):
    def test_template_artifact_templateYaml_isTheX86Zip(self):
        path, architecture = check_artifact.template_artifact(support.REPO / "template.yaml")
        self.assertEqual("x86_64", architecture)
        self.assertEqual(support.REPO / "artifacts" / "lambda" / "bootstrap-x86_64.zip", path)

    def test_template_artifact_defaultDisagreesWithCodeUri_refused(self):
        text = (support.REPO / "template.yaml").read_text().replace("    Default: x86_64\n", "    Default: arm64\n", 1)
        with tempfile.TemporaryDirectory() as folder:
            path = pathlib.Path(folder) / "template.yaml"
            path.write_text(text)
            with self.assertRaises(check_artifact.ArtifactError):
                check_artifact.template_artifact(path)


if __name__ == "__main__":
    unittest.main()
