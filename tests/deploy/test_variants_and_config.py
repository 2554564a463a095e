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

    def test_load_registryExistsAndOneSchemaExists_updatesItCreatesTheOthers(self):
        import boto3
        from botocore.stub import ANY, Stubber

        cloudformation = boto3.client("cloudformation", region_name="eu-west-1", aws_access_key_id="x", aws_secret_access_key="x")
        schemas = boto3.client("schemas", region_name="eu-west-1", aws_access_key_id="x", aws_secret_access_key="x")
        names = {output: f"stack-{output}" for output in test_events.OUTPUTS.values()}
        with Stubber(cloudformation) as cfn, Stubber(schemas) as registry:
            cfn.add_response("describe_stacks", {"Stacks": [{"StackName": "stack", "CreationTime": "2026-01-01T00:00:00Z", "StackStatus": "CREATE_COMPLETE",
                                                             "Outputs": [{"OutputKey": k, "OutputValue": v} for k, v in names.items()]}]})
            # The console created the registry already: that must not fail.
            registry.add_client_error("create_registry", "ConflictException", http_status_code=409)
            for handler, output in test_events.OUTPUTS.items():
                schema = test_events.schema_name(names[output])
                if handler == "expire":
                    saved = json.dumps({"openapi": "3.0.0", "components": {"examples": {"colleague": {"value": {}}}}})
                    registry.add_response("describe_schema", {"Content": saved}, {"RegistryName": test_events.REGISTRY, "SchemaName": schema})
                    registry.add_response("update_schema", {}, {"RegistryName": test_events.REGISTRY, "SchemaName": schema, "Type": "OpenApi3", "Content": ANY})
                else:
                    registry.add_client_error("describe_schema", "NotFoundException", http_status_code=404)
                    registry.add_response("create_schema", {}, {"RegistryName": test_events.REGISTRY, "SchemaName": schema, "Type": "OpenApi3", "Content": ANY})
            done = test_events.load("stack", "eu-west-1", False, cloudformation, schemas)
            registry.assert_no_pending_responses()
        self.assertEqual(4, len(done))

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
