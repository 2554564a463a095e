"""The arm64 SAM template, the test-event loader's content and samconfig.toml's environments."""

import json
import re
import tomllib
import unittest

import support  # noqa: F401
import check_artifact
import sam_template
import samtemplate
import test_events


class Arm64TemplateTests(unittest.TestCase):
    def test_variant_codeUriDefaultAndRuleAllNameArm64(self):
        output_dir = support.REPO / "artifacts" / "sam-arm64"
        text = sam_template.variant_text(samtemplate.TEMPLATE.read_text(), "arm64", output_dir)
        self.assertNotIn("x86_64.zip", text)
        output_dir.mkdir(parents=True, exist_ok=True)
        path = output_dir / "template.yaml"
        path.write_text(text)
        zip_path, architecture = check_artifact.template_artifact(path)
        self.assertEqual("arm64", architecture)
        self.assertEqual((support.REPO / "artifacts" / "lambda" / "bootstrap-arm64.zip").resolve(), zip_path.resolve())
        rule = samtemplate.load(path)["Rules"]["ArtifactMatchesArchitecture"]
        self.assertEqual({"Fn::Equals": [{"Ref": "Architecture"}, "arm64"]}, rule["Assertions"][0]["Assert"])


class TestEventTests(unittest.TestCase):
    def test_eventsByHandler_everyEventFileBelongsToAFunction(self):
        grouped = test_events.events_by_handler()
        self.assertEqual(len(list(test_events.EVENTS.glob("*.json"))), sum(len(v) for v in grouped.values()))
        self.assertTrue(all(grouped.values()))

    def test_schemaContent_mergesIntoAnExistingSchema_keepingOthersEvents(self):
        existing = json.dumps({"openapi": "3.0.0", "components": {"schemas": {}, "examples": {"colleague": {"value": {"a": 1}}, "expire-schedule": {"value": {}}}}})
        merged = json.loads(test_events.schema_content({"expire-schedule": {"source": "schedule"}}, existing))
        self.assertEqual({"a": 1}, merged["components"]["examples"]["colleague"]["value"])
        self.assertEqual({"source": "schedule"}, merged["components"]["examples"]["expire-schedule"]["value"])

    def test_schemaName_followsTheConsoleConvention(self):
        self.assertEqual("_ami-automation-ExpireFunction-AbC-schema", test_events.schema_name("ami-automation-ExpireFunction-AbC"))


class SamconfigTests(unittest.TestCase):
    config = tomllib.loads((support.REPO / "samconfig.toml").read_text())

    def _overrides(self, environment):
        text = self.config[environment]["deploy"]["parameters"]["parameter_overrides"]
        return dict(pair.split("=", 1) for pair in text.split())

    def test_everyEnvironment_deploysDryRunFirst(self):
        environments = [e for e in self.config if isinstance(self.config[e], dict) and "deploy" in self.config[e]]
        self.assertGreaterEqual(len(environments), 3)
        for environment in environments:
            overrides = self._overrides(environment)
            for parameter in ("DeprecateDryRun", "ExpireDryRun", "CopyDryRun"):
                self.assertEqual("true", overrides.get(parameter), f"{environment}: {parameter}")

    def test_noAccountIds(self):
        self.assertIsNone(re.search(r"\b\d{12}\b", (support.REPO / "samconfig.toml").read_text()))


if __name__ == "__main__":
    unittest.main()
