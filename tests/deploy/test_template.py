"""template.yaml as SAM and CloudFormation see it: code locations through `sam build`/`package`, the transform's
output, schedules, and many stacks in one account and region."""

import copy
import pathlib
import re
import unittest

import support  # noqa: F401
import samtemplate

ARTIFACT = "artifacts/lambda/bootstrap-x86_64.zip"
PACKAGED = "s3://deploy-bucket/ami-automation/0123456789abcdef"


def physical_names(expanded, stack_name, region="eu-west-1", account="123456789012"):
    """{(resource type, name)} for every resource given an explicit name; names CloudFormation generates are unique
    by construction and left out. Fn::Sub and Ref of pseudo parameters are resolved for this stack."""
    pseudo = {"AWS::StackName": stack_name, "AWS::Region": region, "AWS::AccountId": account, "AWS::Partition": "aws"}

    def resolve(value):
        if isinstance(value, str):
            return value
        if isinstance(value, dict) and "Fn::Sub" in value and isinstance(value["Fn::Sub"], str):
            text = value["Fn::Sub"]
            for key, replacement in pseudo.items():
                text = text.replace("${" + key + "}", replacement)
            return None if "${" in text else text
        if isinstance(value, dict) and value.get("Ref") in pseudo:
            return pseudo[value["Ref"]]
        return None  # a parameter or another resource: not a fixed name

    names = set()
    for logical_id, resource in expanded["Resources"].items():
        properties = resource.get("Properties", {})
        for key in ("Name", "FunctionName", "LogGroupName", "TableName", "QueueName", "RoleName", "AlarmName", "RuleName"):
            if key in properties:
                name = resolve(properties[key])
                if name is not None:
                    group = properties.get("GroupName", "default") if resource["Type"] == samtemplate.SCHEDULE else ""
                    names.add((resource["Type"], str(group), name))
    return names


class SamBuildAndPackageTests(unittest.TestCase):
    template = samtemplate.load()

    def test_globals_haveNoCodeUri_everyFunctionNamesTheArtifact(self):
        # `sam build` rewrites the relative CodeUri of resources, not Globals', when it writes .aws-sam/build.
        self.assertNotIn("CodeUri", self.template["Globals"]["Function"])
        functions = samtemplate.serverless_functions(self.template)
        self.assertEqual(4, len(functions))
        for logical_id, function in functions.items():
            self.assertEqual(ARTIFACT, function["Properties"].get("CodeUri"), logical_id)

    @staticmethod
    def _after_sam_build(template):
        """Where each function's code resolves once `sam build` has written .aws-sam/build/template.yaml. Like SAM CLI's
        move_template/_update_relative_paths, only Resources' relative paths are rewritten, never Globals'
        (https://github.com/aws/aws-sam-cli/blob/develop/samcli/commands/_utils/template.py)."""
        import os

        build_dir = support.REPO / ".aws-sam" / "build"
        moved = copy.deepcopy(template)
        for function in samtemplate.serverless_functions(moved).values():
            uri = function["Properties"].get("CodeUri")
            if isinstance(uri, str) and not uri.startswith("s3://") and not os.path.isabs(uri):
                function["Properties"]["CodeUri"] = os.path.relpath(os.path.normpath(support.REPO / uri), build_dir)
        return {k: (build_dir / v).resolve() for k, v in samtemplate.code_uris(moved).items()}

    def test_codeUri_afterSamBuild_stillFindsTheArtifact(self):
        for logical_id, path in self._after_sam_build(self.template).items():
            self.assertEqual((support.REPO / ARTIFACT).resolve(), path, logical_id)

    def test_codeUri_inGlobals_afterSamBuild_pointsIntoTheBuildFolder(self):
        # The failure the per-function CodeUri avoids ("does not exist .../.aws-sam/build/artifacts/lambda/...").
        broken = copy.deepcopy(self.template)
        for function in samtemplate.serverless_functions(broken).values():
            broken["Globals"]["Function"]["CodeUri"] = function["Properties"].pop("CodeUri")
        for path in self._after_sam_build(broken).values():
            self.assertEqual((support.REPO / ".aws-sam" / "build" / ARTIFACT).resolve(), path)

    def test_expand_packagedTemplate_everyLambdaFunctionReadsThePackagedZip(self):
        expanded = samtemplate.expand(samtemplate.with_code_location(self.template, PACKAGED))
        functions = samtemplate.resources_of_type(expanded, samtemplate.LAMBDA_FUNCTION)
        self.assertEqual(4, len(functions))
        for logical_id, function in functions.items():
            self.assertEqual({"S3Bucket": "deploy-bucket", "S3Key": "ami-automation/0123456789abcdef"}, function["Properties"]["Code"], logical_id)
            self.assertEqual([{"Ref": "Architecture"}], function["Properties"]["Architectures"], logical_id)
            self.assertEqual("provided.al2023", function["Properties"]["Runtime"])

    def test_rule_templateYamlRefusesArm64(self):
        rule = self.template["Rules"]["ArtifactMatchesArchitecture"]
        self.assertEqual({"Fn::Equals": [{"Ref": "Architecture"}, "x86_64"]}, rule["Assertions"][0]["Assert"])
        self.assertEqual(["x86_64", "arm64"], self.template["Parameters"]["Architecture"]["AllowedValues"])


class ScheduleTests(unittest.TestCase):
    template = samtemplate.load()
    expanded = samtemplate.expand(samtemplate.with_code_location(template, PACKAGED))

    def test_schedules_areNamedByCloudFormation_inTheStacksTimezone(self):
        schedules = samtemplate.resources_of_type(self.expanded, samtemplate.SCHEDULE)
        self.assertEqual({"DeprecateFunctionDaily", "ExpireFunctionDaily", "CopyFunctionReconcile"}, set(schedules))
        for logical_id, schedule in schedules.items():
            self.assertNotIn("Name", schedule["Properties"], logical_id)
            self.assertEqual({"Ref": "ScheduleTimezone"}, schedule["Properties"]["ScheduleExpressionTimezone"], logical_id)

    def test_defaultSchedules_cronDeprecateBeforeExpire(self):
        parameters = self.template["Parameters"]

        def hour(name):
            match = re.fullmatch(r"cron\((\d+) (\d+) \* \* \? \*\)", parameters[name]["Default"])
            self.assertIsNotNone(match, f"{name} default is not a daily cron")
            return int(match.group(2)) * 60 + int(match.group(1))

        self.assertLess(hour("DeprecateSchedule"), hour("ExpireSchedule"))
        self.assertEqual("Etc/UTC", parameters["ScheduleTimezone"]["Default"])


class ManyStacksTests(unittest.TestCase):
    template = samtemplate.load()

    def _names(self, template, stack):
        return physical_names(samtemplate.expand(samtemplate.with_code_location(template, PACKAGED)), stack)

    def test_twoStacks_oneAccountAndRegion_noPhysicalNameClash(self):
        dev, prod = self._names(self.template, "ami-automation-dev"), self._names(self.template, "ami-automation")
        self.assertTrue(dev, "no named resources found: the check would prove nothing")
        self.assertEqual(set(), dev & prod)

    def test_twoStacks_schedulesNamedAfterLogicalIds_clash(self):
        # The detector itself: SAM's default (Name = logical id, default group) collides across stacks.
        broken = copy.deepcopy(self.template)
        for function in samtemplate.serverless_functions(broken).values():
            for event in function["Properties"].get("Events", {}).values():
                event["Properties"].pop("OmitName", None)
        clashes = self._names(broken, "ami-automation-dev") & self._names(broken, "ami-automation")
        self.assertIn((samtemplate.SCHEDULE, "default", "ExpireFunctionDaily"), clashes)


if __name__ == "__main__":
    unittest.main()
