#!/usr/bin/env python3
"""Loads events/ into the Lambda console as shareable test events of a deployed stack's functions.

Why a command and not template resources: the console keeps shareable events as EventBridge schemas named
_<function>-schema in the registry lambda-testevent-schemas, which Lambda creates the first time anyone in the
account and region saves one (https://docs.aws.amazon.com/lambda/latest/dg/testing-functions.html ). A stack cannot
own that registry (creating it fails where it exists, and a second stack would clash), an AWS::EventSchemas::Schema
in it fails where it does not exist yet, and a stack-owned schema would drop colleagues' saved events on every update
and delete. This creates the registry only if missing and merges our examples into each function's schema, keeping
events others saved (same name: ours replace them).

  .deploy/test_events.py --stack-name ami-automation --region eu-west-1 [--dry-run]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from typing import Any

REGISTRY = "lambda-testevent-schemas"
EVENTS = pathlib.Path(__file__).resolve().parent.parent / "events"
# Stack output naming each function's physical name, by the handler prefix of the event files.
OUTPUTS = {"deprecate": "DeprecateFunctionName", "copy": "CopyFunctionName", "expire": "ExpireFunctionName", "restore": "RestoreFunctionName"}


def events_by_handler(directory: pathlib.Path = EVENTS) -> dict[str, dict[str, Any]]:
    """{handler: {event name: payload}} from events/<handler>-<name>.json."""
    grouped: dict[str, dict[str, Any]] = {handler: {} for handler in OUTPUTS}
    for path in sorted(directory.glob("*.json")):
        handler, _, name = path.stem.partition("-")
        if handler not in grouped or not name:
            raise ValueError(f"{path.name} does not start with a function name ({', '.join(OUTPUTS)}) and a dash")
        grouped[handler][path.stem] = json.loads(path.read_text(encoding="utf-8"))
    return grouped


def schema_name(function_name: str) -> str:
    return f"_{function_name}-schema"


def schema_content(examples: dict[str, Any], existing: str | None = None) -> str:
    """An OpenAPI 3 document whose components.examples hold the events, merged into an existing schema's."""
    document = json.loads(existing) if existing else {
        "openapi": "3.0.0",
        "info": {"version": "1.0.0", "title": "Event"},
        "paths": {},
        "components": {"schemas": {"Event": {"type": "object"}}},
    }
    merged = document.setdefault("components", {}).setdefault("examples", {})
    for name, payload in examples.items():
        merged[name] = {"value": payload}
    return json.dumps(document)


def load(stack_name: str, region: str | None, dry_run: bool, cloudformation: Any = None, schemas: Any = None) -> list[str]:
    import boto3

    session = boto3.session.Session(region_name=region)
    cloudformation = cloudformation or session.client("cloudformation")
    schemas = schemas or session.client("schemas")
    outputs = {o["OutputKey"]: o["OutputValue"] for o in cloudformation.describe_stacks(StackName=stack_name)["Stacks"][0].get("Outputs", [])}
    done = []
    if not dry_run:
        try:
            schemas.create_registry(RegistryName=REGISTRY)
        except schemas.exceptions.ConflictException:
            pass  # the console or an earlier run created it
    missing = [OUTPUTS[h] for h in OUTPUTS if OUTPUTS[h] not in outputs]
    if missing:
        raise SystemExit(f"stack {stack_name} has no outputs {missing}: is it an AmiAutomation stack?")
    for handler, examples in events_by_handler().items():
        function = outputs[OUTPUTS[handler]]
        name = schema_name(function)
        try:
            existing = schemas.describe_schema(RegistryName=REGISTRY, SchemaName=name)["Content"]
        except schemas.exceptions.NotFoundException:
            existing = None
        content = schema_content(examples, existing)
        if not dry_run:
            if existing is None:
                schemas.create_schema(RegistryName=REGISTRY, SchemaName=name, Type="OpenApi3", Content=content)
            else:
                schemas.update_schema(RegistryName=REGISTRY, SchemaName=name, Type="OpenApi3", Content=content)
        done.append(f"{'would load' if dry_run else 'loaded'} {len(examples)} events into {REGISTRY}/{name}")
    return done


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stack-name", required=True)
    parser.add_argument("--region")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    for line in load(args.stack_name, args.region, args.dry_run):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
