"""The organization-wide (StackSet) template and the per-region artifact buckets."""

import json
import pathlib
import tempfile
import unittest

import support  # noqa: F401
import elf_fixture
import org_template
import samtemplate
import upload_artifacts


class OrgTemplateTests(unittest.TestCase):
    expanded = org_template.generate()

    def test_generate_noTransformNoServerlessResources(self):
        self.assertNotIn("Transform", self.expanded)
        self.assertFalse([k for k, v in self.expanded["Resources"].items() if v["Type"].startswith("AWS::Serverless::")])

    def test_generate_everyFunctionReadsItsRegionsBucket_keyByArchitecture(self):
        functions = samtemplate.resources_of_type(self.expanded, samtemplate.LAMBDA_FUNCTION)
        self.assertEqual(4, len(functions))
        for logical_id, function in functions.items():
            self.assertEqual({"S3Bucket": {"Fn::Sub": "${ArtifactBucketPrefix}-${AWS::Region}"},
                              "S3Key": {"Fn::Sub": "${ArtifactKeyPrefix}bootstrap-${Architecture}.zip"}},
                             function["Properties"]["Code"], logical_id)
            self.assertEqual([{"Ref": "Architecture"}], function["Properties"]["Architectures"])

    def test_generate_keyFollowsArchitecture_soTheX86OnlyRuleIsGone(self):
        self.assertNotIn("ArtifactMatchesArchitecture", self.expanded.get("Rules", {}))
        self.assertIn("SnapshotRetentionCovers30", self.expanded["Rules"])
        self.assertIn("ArtifactBucketPrefix", self.expanded["Parameters"])
        self.assertIn("ArtifactKeyPrefix", self.expanded["Parameters"])

    def test_generate_regionIndependent_andFitsTemplateBody(self):
        body = json.dumps(self.expanded, separators=(",", ":"))
        # Region names may appear only in CopyTargetRegions' constraint (the regions a copy may go to).
        without_pattern = json.loads(body)
        for key in ("AllowedPattern", "ConstraintDescription"):
            without_pattern["Parameters"]["CopyTargetRegions"].pop(key, None)
        for region in ("us-east-1", "eu-west-1"):
            self.assertNotIn(region, json.dumps(without_pattern))
        self.assertLess(len(body.encode()), 51_200, "create-stack-set --template-body would need --template-url")

    def test_generate_templateYamlUnchanged(self):
        before = samtemplate.TEMPLATE.read_text()
        org_template.generate()
        self.assertEqual(before, samtemplate.TEMPLATE.read_text())


class UploadTests(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.artifacts = pathlib.Path(self.dir.name)

    def _write(self, architecture, data):
        (self.artifacts / f"bootstrap-{architecture}.zip").write_bytes(elf_fixture.zipped({"bootstrap": data}))

    def test_bucketPolicy_readOnlyForTheOrganization(self):
        policy = upload_artifacts.bucket_policy("b-eu-west-1", "o-a1b2c3d4e5")
        allow = [s for s in policy["Statement"] if s["Effect"] == "Allow"]
        self.assertEqual(1, len(allow))
        self.assertEqual("s3:GetObject", allow[0]["Action"])
        self.assertEqual({"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}, allow[0]["Condition"])

    def test_bucketName_tooLong_refused(self):
        with self.assertRaises(ValueError):
            upload_artifacts.bucket_name("x" * 50, "ap-southeast-2")

    def test_upload_threeRegions_eachBucketHoldsBothArchitecturesAndThePolicy(self):
        from moto import mock_aws
        import boto3

        self._write("x86_64", elf_fixture.elf("x86_64"))
        self._write("arm64", elf_fixture.elf("arm64"))
        regions = ["us-east-1", "eu-west-1", "ap-southeast-2"]
        with mock_aws():
            result = upload_artifacts.upload("acme-ami", regions, "o-a1b2c3d4e5", "ami-automation", self.artifacts)
            self.assertEqual(["arm64", "x86_64"], result["Architectures"])
            for region in regions:
                s3 = boto3.client("s3", region_name=region)
                bucket = f"acme-ami-{region}"
                keys = sorted(o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"])
                self.assertEqual([f"{result['ArtifactKeyPrefix']}bootstrap-arm64.zip", f"{result['ArtifactKeyPrefix']}bootstrap-x86_64.zip"], keys)
                self.assertIn("o-a1b2c3d4e5", s3.get_bucket_policy(Bucket=bucket)["Policy"])

    def test_upload_launcherInsteadOfAot_uploadsNothing(self):
        from moto import mock_aws
        import boto3

        self._write("x86_64", elf_fixture.elf(size=78 * 1024, extra=b"libhostfxr.so\0"))
        with mock_aws():
            with self.assertRaises(upload_artifacts.check_artifact.ArtifactError):
                upload_artifacts.upload("acme-ami", ["eu-west-1"], "o-a1b2c3d4e5", "ami-automation", self.artifacts)
            self.assertEqual([], boto3.client("s3", region_name="eu-west-1").list_buckets()["Buckets"])

    def test_releasePrefix_changesWithTheArtifact(self):
        self._write("x86_64", elf_fixture.elf())
        first = upload_artifacts.release_prefix({"x86_64": self.artifacts / "bootstrap-x86_64.zip"}, "ami-automation")
        self._write("x86_64", elf_fixture.elf(size=6 * elf_fixture.MB))
        second = upload_artifacts.release_prefix({"x86_64": self.artifacts / "bootstrap-x86_64.zip"}, "ami-automation")
        self.assertNotEqual(first, second)
        self.assertRegex(first, r"^ami-automation/[0-9a-f]{12}/$")


if __name__ == "__main__":
    unittest.main()
