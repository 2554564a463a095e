#!/usr/bin/env python3
"""Puts the checked Lambda artifacts into one bucket per region, <prefix>-<region>, each readable by every account
of the organization (bucket policy on aws:PrincipalOrgID), so a StackSet's member-account stacks fetch their code
with no step per account. Lambda reads code only from a bucket in the function's own region
(https://docs.aws.amazon.com/lambda/latest/api/API_FunctionCode.html ); the reader is the principal creating the
function (the StackSet execution role in the member account), which the org condition admits.

  .deploy/upload_artifacts.py --bucket-prefix acme-ami-automation --regions eu-west-1 eu-central-1 [--organization-id o-...]

Prints the ArtifactBucketPrefix and ArtifactKeyPrefix to give the StackSet. The key prefix is a content hash, so a new
build gets new keys and CloudFormation updates the functions' code. Needs boto3 (installed with aws-sam-translator).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
import sys
from typing import Any

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import check_artifact  # noqa: E402
import samtemplate  # noqa: E402

ARTIFACTS = samtemplate.REPO / "artifacts" / "lambda"


def bucket_policy(bucket: str, organization_id: str, partition: str = "aws") -> dict[str, Any]:
    """Read-only (s3:GetObject) for the organization's principals; nothing else is granted. The artifacts hold no
    secrets; the bucket owner keeps its own IAM access."""
    arn = f"arn:{partition}:s3:::{bucket}"
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "OrganizationReadsArtifacts",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"{arn}/*",
                "Condition": {"StringEquals": {"aws:PrincipalOrgID": organization_id}},
            },
        ],
    }


def bucket_name(prefix: str, region: str) -> str:
    name = f"{prefix}-{region}"
    if not 3 <= len(name) <= 63:
        raise ValueError(f"bucket name {name!r} is not 3-63 characters; shorten --bucket-prefix")
    return name


def release_prefix(zips: dict[str, pathlib.Path], base: str) -> str:
    digest = hashlib.sha256()
    for architecture in sorted(zips):
        digest.update(architecture.encode())
        digest.update(zips[architecture].read_bytes())
    return f"{base.strip('/')}/{digest.hexdigest()[:12]}/"


def checked_artifacts(directory: pathlib.Path) -> dict[str, pathlib.Path]:
    """Every bootstrap-<architecture>.zip present, each passing check_artifact; x86_64 (the default) is required."""
    zips = {}
    for architecture in sorted(check_artifact.MACHINES):
        path = directory / f"bootstrap-{architecture}.zip"
        if path.exists():
            check_artifact.check_zip(path, architecture)
            zips[architecture] = path
    if "x86_64" not in zips:
        raise check_artifact.ArtifactError(f"{directory}/bootstrap-x86_64.zip is missing (publish first: README, Deploy)")
    return zips


def ensure_bucket(s3: Any, bucket: str, region: str) -> None:
    try:
        s3.head_bucket(Bucket=bucket)
        return
    except s3.exceptions.ClientError as error:
        if error.response.get("Error", {}).get("Code") not in ("404", "NoSuchBucket", "NotFound"):
            raise
    arguments: dict[str, Any] = {"Bucket": bucket}
    if region != "us-east-1":
        arguments["CreateBucketConfiguration"] = {"LocationConstraint": region}
    s3.create_bucket(**arguments)
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})


def upload(prefix: str, regions: list[str], organization_id: str, key_base: str, directory: pathlib.Path,
           endpoint_url: str | None = None, partition: str = "aws") -> dict[str, Any]:
    import boto3

    zips = checked_artifacts(directory)
    key_prefix = release_prefix(zips, key_base)
    uploaded = []
    for region in regions:
        s3 = boto3.client("s3", region_name=region, endpoint_url=endpoint_url)
        bucket = bucket_name(prefix, region)
        ensure_bucket(s3, bucket, region)
        s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(bucket_policy(bucket, organization_id, partition)))
        for architecture, path in zips.items():
            key = f"{key_prefix}{path.name}"
            s3.upload_file(str(path), bucket, key)
            uploaded.append(f"s3://{bucket}/{key}")
    return {"ArtifactBucketPrefix": prefix, "ArtifactKeyPrefix": key_prefix, "Architectures": sorted(zips), "Uploaded": uploaded}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bucket-prefix", required=True)
    parser.add_argument("--regions", nargs="+", required=True)
    parser.add_argument("--organization-id", help="default: aws organizations describe-organization")
    parser.add_argument("--key-base", default="ami-automation")
    parser.add_argument("--artifacts", type=pathlib.Path, default=ARTIFACTS)
    parser.add_argument("--endpoint-url", help="an S3 emulator (CI uses moto_server)")
    parser.add_argument("--partition", default="aws")
    args = parser.parse_args(argv)
    organization_id = args.organization_id
    if not organization_id:
        import boto3

        organization_id = boto3.client("organizations").describe_organization()["Organization"]["Id"]
    try:
        result = upload(args.bucket_prefix, args.regions, organization_id, args.key_base, args.artifacts,
                        args.endpoint_url, args.partition)
    except (check_artifact.ArtifactError, ValueError) as error:
        print(f"upload refused: {error}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
