"""A minimal out-of-process stand-in for the AWS endpoints an expire sweep calls, for benchmarks only.

EC2 (Query API, XML): DescribeImages Owners=self in pages of at most 1,000 images with NextToken, like EC2;
DescribeImages by id for the re-check; every reference listing (DescribeImageReferences, DescribeInstances,
DescribeLaunchTemplates, Spot requests and fleets) answers empty; DescribeImageAttribute empty; DeregisterImage
with DryRun answers DryRunOperation. Auto Scaling DescribeLaunchConfigurations: empty. DynamoDB: no item (latch
clear). Recycle Bin: one available rule per resource type, so the expire gate lets a dry run through.

Not an emulator: no state, no signatures checked. Images are generated from their index (deterministic), so the
shim holds nothing per image and its own memory does not depend on N.
"""

import fnmatch
import json
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

OWNER = "123456789012"
EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/"
PAGE_MAX = 1000
EPOCH = datetime(2026, 12, 6, tzinfo=timezone.utc)
TEAMS = ["payments", "search", "platform", "data", "web", "mobile", "ml", "infra"]
ENVS = ["prod", "staging", "dev"]


class Fleet:
    """N images in families of `family_size`, one build a week per family, newest first in each family.
    `candidate_percent` of the images are old enough to expire (older than EXPIRE_OLDER_THAN_DAYS and beyond
    the newest K): the others are recent."""

    def __init__(self, n, family_size=20, candidate_percent=5):
        self.n = n
        self.family_size = family_size
        self.candidate_percent = candidate_percent

    def name(self, i):
        family, build = divmod(i, self.family_size)
        return f"svc{family:05d}-al2023-build-{build}"

    def matching(self, filters):
        """Indexes of the images matching EC2 filters (name with * wildcards; tag filters match nothing: the fleet
        carries no ami-lifecycle tags)."""
        if any(name != "name" for name, _ in filters):
            return []
        patterns = [values for _, values in filters]
        return [i for i in range(self.n) if all(any(fnmatch.fnmatchcase(self.name(i), v) for v in vs) for vs in patterns)]

    def image_xml(self, i):
        family, build = divmod(i, self.family_size)
        # The newest 3 builds of a family are never old; among the others a spread-out share is, so that
        # candidate_percent of all images are.
        old = build >= 3 and (i * 7919) % 1700 < self.candidate_percent * 20
        age_days = 400 + build if old else 1 + build
        created = (EPOCH - timedelta(days=age_days, seconds=i % 86400)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        name = self.name(i)
        arch = "arm64" if family % 3 == 0 else "x86_64"
        team = TEAMS[family % len(TEAMS)]
        env = ENVS[family % len(ENVS)]
        launched = f"<lastLaunchedTime>{created}</lastLaunchedTime>" if i % 3 == 0 else ""
        snaps = "".join(
            f"<item><deviceName>/dev/{dev}</deviceName><ebs><snapshotId>snap-{i:08x}{d:09x}</snapshotId>"
            f"<volumeSize>{size}</volumeSize><deleteOnTermination>true</deleteOnTermination>"
            f"<volumeType>gp3</volumeType><encrypted>false</encrypted></ebs></item>"
            for d, (dev, size) in enumerate([("xvda", 8)] + ([("xvdb", 100)] if i % 5 == 0 else []))
        )
        return (
            f"<item><imageId>ami-{i:017x}</imageId><imageLocation>{OWNER}/{name}</imageLocation>"
            f"<imageState>available</imageState><imageOwnerId>{OWNER}</imageOwnerId>"
            f"<creationDate>{created}</creationDate><isPublic>false</isPublic><architecture>{arch}</architecture>"
            f"<imageType>machine</imageType><name>{name}</name><description>{team} service image build {build}</description>"
            f"<rootDeviceType>ebs</rootDeviceType><rootDeviceName>/dev/xvda</rootDeviceName>"
            f"<blockDeviceMapping>{snaps}</blockDeviceMapping><virtualizationType>hvm</virtualizationType>"
            f"<tagSet><item><key>Name</key><value>{name}</value></item>"
            f"<item><key>team</key><value>{team}</value></item><item><key>environment</key><value>{env}</value></item>"
            f"<item><key>build-pipeline</key><value>packer</value></item>"
            f"<item><key>source-commit</key><value>{(i * 2654435761) % (1 << 40):010x}</value></item></tagSet>"
            f"<hypervisor>xen</hypervisor><enaSupport>true</enaSupport><sriovNetSupport>simple</sriovNetSupport>"
            f"<platformDetails>Linux/UNIX</platformDetails><usageOperation>RunInstances</usageOperation>"
            f"<bootMode>uefi-preferred</bootMode><imdsSupport>v2.0</imdsSupport>{launched}"
            f"<deregistrationProtection>disabled</deregistrationProtection></item>"
        )

    def page(self, start, size):
        end = min(self.n, start + size)
        items = "".join(self.image_xml(i) for i in range(start, end))
        token = f"<nextToken>{end}</nextToken>" if end < self.n else ""
        return ec2_response("DescribeImages", f"<imagesSet>{items}</imagesSet>{token}")

    def by_indexes(self, indexes):
        items = "".join(self.image_xml(i) for i in indexes)
        return ec2_response("DescribeImages", f"<imagesSet>{items}</imagesSet>")

    def by_ids(self, ids):
        return self.by_indexes(int(i[4:], 16) for i in ids if i.startswith("ami-") and int(i[4:], 16) < self.n)


def ec2_response(action, body):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<{action}Response xmlns="{EC2_NS}">'
            f"<requestId>00000000-0000-0000-0000-000000000000</requestId>{body}</{action}Response>")


def ec2_error(code, message):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>{code}</Code>'
            f"<Message>{message}</Message></Error></Errors><RequestID>0</RequestID></Response>")


EMPTY_EC2 = {
    "DescribeImageReferences": "<imageReferenceSet/>",
    "DescribeInstances": "<reservationSet/>",
    "DescribeLaunchTemplates": "<launchTemplates/>",
    "DescribeLaunchTemplateVersions": "<launchTemplateVersionSet/>",
    "DescribeSpotInstanceRequests": "<spotInstanceRequestSet/>",
    "DescribeSpotFleetRequests": "<spotFleetRequestConfigSet/>",
    "DescribeSnapshots": "<snapshotSet/>",
    "DescribeImageUsageReports": "<imageUsageReportSet/>",
    "ListImagesInRecycleBin": "<imageSet/>",
    "ListSnapshotsInRecycleBin": "<snapshotSet/>",
}

RULES = {"rule-image": "EC2_IMAGE", "rule-snapshot": "EBS_SNAPSHOT"}


class Shim:
    """Serves the fleet on 127.0.0.1:<port>; counts calls per action; `extra` handles other paths first."""

    def __init__(self, fleet, extra=None):
        self.fleet = fleet
        self.extra = extra
        self.calls = {}
        self.unknown = []
        self._lock = threading.Lock()
        shim = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                shim.handle(self, "GET", b"")

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                shim.handle(self, "POST", self.rfile.read(length))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()

    def count(self, action):
        with self._lock:
            self.calls[action] = self.calls.get(action, 0) + 1

    def handle(self, http, method, body):
        if self.extra is not None and self.extra(http, method, body):
            return
        target = http.headers.get("X-Amz-Target")
        if target:  # DynamoDB JSON 1.0: the ledger's latch read (no item: clear) and any write
            self.count("dynamodb:" + target.split(".")[-1])
            return reply(http, 200, "{}", "application/x-amz-json-1.0")
        if http.path == "/list-rules":
            resource = json.loads(body or b"{}").get("ResourceType")
            self.count("rbin:ListRules")
            rules = [{"Identifier": k} for k, v in RULES.items() if v == resource]
            return reply(http, 200, json.dumps({"Rules": rules}), "application/json")
        if http.path.startswith("/rules/"):
            rule = http.path[len("/rules/"):]
            self.count("rbin:GetRule")
            return reply(http, 200, json.dumps({
                "Identifier": rule, "ResourceType": RULES.get(rule, "EC2_IMAGE"), "Status": "available",
                "RetentionPeriod": {"RetentionPeriodValue": 7, "RetentionPeriodUnit": "DAYS"},
                "ResourceTags": [], "ExcludeResourceTags": [], "LockState": "unlocked"}), "application/json")
        form = {k: v for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
        action = (form.get("Action") or [""])[0]
        self.count(action)
        if action == "DescribeLaunchConfigurations":
            return reply(http, 200, '<DescribeLaunchConfigurationsResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">'
                         "<DescribeLaunchConfigurationsResult><LaunchConfigurations/></DescribeLaunchConfigurationsResult>"
                         "<ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></DescribeLaunchConfigurationsResponse>")
        if action == "DescribeImages":
            ids = [v[0] for k, v in form.items() if k.startswith("ImageId.")]
            if ids:
                return reply(http, 200, self.fleet.by_ids(ids))
            filters = [(form[f"Filter.{k}.Name"][0], [v[0] for n, v in sorted(form.items()) if n.startswith(f"Filter.{k}.Value.")])
                       for k in range(1, 50) if f"Filter.{k}.Name" in form]
            if filters:  # the re-check's family listings: one page is enough for a family
                return reply(http, 200, self.fleet.by_indexes(self.fleet.matching(filters)))
            start = int((form.get("NextToken") or ["0"])[0])
            size = min(PAGE_MAX, int((form.get("MaxResults") or [str(PAGE_MAX)])[0]))
            return reply(http, 200, self.fleet.page(start, size))
        if action in EMPTY_EC2:
            return reply(http, 200, ec2_response(action, EMPTY_EC2[action]))
        if action == "DescribeImageAttribute":
            image = (form.get("ImageId") or [""])[0]
            attribute = (form.get("Attribute") or [""])[0]
            return reply(http, 200, ec2_response(action, f"<imageId>{image}</imageId><{attribute}/>"))
        if action == "DeregisterImage" and (form.get("DryRun") or [""])[0] == "true":
            return reply(http, 412, ec2_error("DryRunOperation", "Request would have succeeded, but DryRun flag is set."))
        with self._lock:
            self.unknown.append(action or f"{method} {http.path}")
        return reply(http, 400, ec2_error("InvalidAction", f"The shim does not answer {action or http.path}."))


def reply(http, status, text, content_type="text/xml;charset=UTF-8"):
    data = text.encode()
    http.send_response(status)
    http.send_header("Content-Type", content_type)
    http.send_header("Content-Length", str(len(data)))
    http.end_headers()
    http.wfile.write(data)
    return True
