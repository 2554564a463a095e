"""template.yaml through aws-sam-translator, offline: the plain CloudFormation that CloudFormation's
AWS::Serverless-2016-10-31 transform would produce. Shared by the StackSet generator, the arm64 variant and the tests.

No network: the translator only needs a managed-policy map when a function lists AWS managed policies by name,
and ours list inline statements only (a stub that fails loudly keeps it that way)."""

from __future__ import annotations

import copy
import logging
import os
import pathlib
from typing import Any

REPO = pathlib.Path(__file__).resolve().parent.parent
TEMPLATE = REPO / "template.yaml"
SERVERLESS_FUNCTION = "AWS::Serverless::Function"
LAMBDA_FUNCTION = "AWS::Lambda::Function"
SCHEDULE = "AWS::Scheduler::Schedule"
ARCHITECTURES = {"x86_64", "arm64"}


class _NoManagedPolicies:
    """The translator asks for this map only to resolve managed policy names; we use none."""

    def load(self) -> dict[str, str]:
        raise RuntimeError("template.yaml names an AWS managed policy; resolving it needs IAM (network). Use inline statements.")


def load(path: pathlib.Path = TEMPLATE) -> dict[str, Any]:
    """template.yaml as a dict, short-form intrinsics (!Ref, !Sub...) turned into their long form."""
    from samtranslator.yaml_helper import yaml_parse

    return yaml_parse(path.read_text(encoding="utf-8"))


def serverless_functions(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {k: v for k, v in template["Resources"].items() if v.get("Type") == SERVERLESS_FUNCTION}


def code_uris(template: dict[str, Any]) -> dict[str, Any]:
    """The CodeUri each function deploys (its own, else Globals')."""
    globals_uri = template.get("Globals", {}).get("Function", {}).get("CodeUri")
    return {k: v["Properties"].get("CodeUri", globals_uri) for k, v in serverless_functions(template).items()}


def expand(template: dict[str, Any], region: str = "us-east-1", parameters: dict[str, Any] | None = None) -> dict[str, Any]:
    """Runs the SAM transform. Every function's CodeUri must already be an S3 location (s3:// or Bucket/Key), as after
    `aws cloudformation package`; the region only feeds the translator's pseudo parameters (the output uses
    ${AWS::Region}/${AWS::Partition}, not the value)."""
    from samtranslator.translator.transform import transform

    logging.getLogger("samtranslator").setLevel(logging.ERROR)  # its metrics warn "unpublished metrics" on stderr
    previous = os.environ.get("AWS_DEFAULT_REGION")
    os.environ["AWS_DEFAULT_REGION"] = region
    try:
        return transform(copy.deepcopy(template), dict(parameters or {}), _NoManagedPolicies())
    finally:
        if previous is None:
            os.environ.pop("AWS_DEFAULT_REGION", None)
        else:
            os.environ["AWS_DEFAULT_REGION"] = previous


def with_code_location(template: dict[str, Any], location: Any) -> dict[str, Any]:
    """A copy whose functions all deploy `location` (what `package` does with the local zip)."""
    result = copy.deepcopy(template)
    for function in serverless_functions(result).values():
        function["Properties"]["CodeUri"] = copy.deepcopy(location)
    result.get("Globals", {}).get("Function", {}).pop("CodeUri", None)
    return result


def resources_of_type(template: dict[str, Any], resource_type: str) -> dict[str, dict[str, Any]]:
    return {k: v for k, v in template["Resources"].items() if v.get("Type") == resource_type}


def artifact_architecture(code_uri: str) -> str:
    """bootstrap-<architecture>.zip → <architecture>; anything else is an error (the name is the contract)."""
    name = pathlib.PurePosixPath(code_uri).name
    if not (name.startswith("bootstrap-") and name.endswith(".zip")):
        raise ValueError(f"CodeUri {code_uri!r} is not a bootstrap-<architecture>.zip artifact")
    architecture = name[len("bootstrap-") : -len(".zip")]
    if architecture not in ARCHITECTURES:
        raise ValueError(f"CodeUri {code_uri!r} names architecture {architecture!r}, not one of {sorted(ARCHITECTURES)}")
    return architecture
