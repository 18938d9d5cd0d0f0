"""Quota rows on the site against the AWS service models in the pinned botocore.

The models are generated from the services' own API definitions and are often
newer than the guides. When a dependency bump changes one of these facts, the
failing test names the quota row to re-verify."""

from __future__ import annotations

import re
from pathlib import Path

import botocore.session
import pytest

QUOTAS = Path(__file__).resolve().parent.parent / "docs" / "includes" / "quotas"
SESSION = botocore.session.get_session()


def row(service: str, section: str) -> str:
    """The text of one named section of a quota table."""
    text = (QUOTAS / f"{service}.md").read_text(encoding="utf-8")
    match = re.search(rf"\[start:{re.escape(section)}\] -->\n(.*?)<!-- --8<-- \[end:{re.escape(section)}\]", text, re.S)
    assert match, f"section {section} missing from docs/includes/quotas/{service}.md"
    return match.group(1)


def member(service: str, operation: str, *path: str):
    """The shape of one input member of an operation, following path down nested members."""
    shape = SESSION.get_service_model(service).operation_model(operation).input_shape
    for name in path:
        shape = shape.members[name]
    return shape


def plain(documentation: str | None) -> str:
    """Model documentation without its HTML tags."""
    return re.sub(r"<[^>]+>", "", documentation or "")


def doc(service: str, operation: str, *path: str) -> str:
    return plain(member(service, operation, *path).documentation)


def test_lambda_memory_minimum_and_steps():
    memory = member("lambda", "CreateFunction", "MemorySize")
    assert memory.metadata["min"] == 128
    assert "multiple of 1 MB" in memory.documentation
    assert "128 MB to 10,240 MB, in 1 MB steps" in row("lambda", "memory")


def test_lambda_ephemeral_storage_minimum():
    size = member("lambda", "CreateFunction", "EphemeralStorage", "Size")
    assert size.metadata["min"] == 512
    assert "512 MB to 10,240 MB" in row("lambda", "ephemeral-storage")


def test_lambda_timeout_row_quotes_the_api_model():
    model = doc("lambda", "CreateFunction", "Timeout")
    maximum = re.search(r"maximum allowed value is ([\d,]+) seconds", model).group(1)
    assert f"{maximum} s" in row("lambda", "timeout")


@pytest.mark.parametrize(("kind", "section"), [("synchronous", "sync-payload"), ("asynchronous", "async-payload")])
def test_lambda_payload_limits(kind, section):
    model = plain(SESSION.get_service_model("lambda").operation_model("Invoke").documentation)
    size = re.search(rf"For {kind} invocations, the maximum payload size is (\d+ MB)", model).group(1)
    assert size in row("lambda", section)


def test_sqs_message_size():
    model = doc("sqs", "SetQueueAttributes", "Attributes")
    assert "up to 1,048,576 bytes (1 MiB)" in model
    assert "1 MiB" in row("messaging", "sqs-message-size")


def test_dynamodb_transaction_actions():
    items = member("dynamodb", "TransactWriteItems", "TransactItems")
    assert f"| {items.metadata['max']} |" in row("dynamodb", "transaction-actions")


def test_dynamodb_gsi_default_quota():
    maximum = re.search(r"the maximum is (\d+)", doc("dynamodb", "CreateTable", "GlobalSecondaryIndexes")).group(1)
    assert f"| {maximum} (default) |" in row("dynamodb", "gsi-per-table")


def test_s3_storage_classes_on_the_site_exist_in_the_model():
    enum = set(SESSION.get_service_model("s3").shape_for("StorageClass").enum)
    assert {"EXPRESS_ONEZONE", "OUTPOSTS", "GLACIER_IR", "DEEP_ARCHIVE", "INTELLIGENT_TIERING"} <= enum
    page = (QUOTAS.parent.parent / "storage" / "s3.md").read_text(encoding="utf-8")
    for name in ("Express One Zone", "S3 on Outposts", "Glacier Instant Retrieval", "Glacier Deep Archive"):
        assert name in page


def shape_doc(service: str, shape: str, name: str) -> str:
    """Documentation of one member of a named shape (for shapes that are not operation inputs)."""
    return plain(SESSION.get_service_model(service).shape_for(shape).members[name].documentation)


# --- Elastic Load Balancing -------------------------------------------------------------------


def test_elb_health_check_ranges():
    ranges = {
        name: (member("elbv2", "CreateTargetGroup", name).metadata["min"],
               member("elbv2", "CreateTargetGroup", name).metadata["max"])
        for name in ("HealthCheckIntervalSeconds", "HealthCheckTimeoutSeconds",
                     "HealthyThresholdCount", "UnhealthyThresholdCount")
    }
    assert ranges["HealthyThresholdCount"] == ranges["UnhealthyThresholdCount"]
    text = row("elb", "health-check-settings")
    interval, timeout, threshold = (ranges[n] for n in ("HealthCheckIntervalSeconds", "HealthCheckTimeoutSeconds",
                                                       "HealthyThresholdCount"))
    assert f"interval {interval[0]}-{interval[1]} s" in text
    assert f"timeout {timeout[0]}-{timeout[1]} s" in text
    assert f"thresholds {threshold[0]}-{threshold[1]} checks" in text


def test_elb_health_check_defaults_on_the_page():
    """The defaults table on the load balancing page quotes the model's HTTP defaults."""
    page = (QUOTAS.parent.parent / "compute" / "load-balancing.md").read_text(encoding="utf-8")
    interval = re.search(r"HTTP or HTTPS, the default is (\d+) seconds", doc("elbv2", "CreateTargetGroup",
                                                                          "HealthCheckIntervalSeconds")).group(1)
    timeout = re.search(r"protocol of HTTP, the default is (\d+) seconds", doc("elbv2", "CreateTargetGroup",
                                                                             "HealthCheckTimeoutSeconds")).group(1)
    healthy = re.search(r"HTTP or HTTPS, the default is (\d+)", doc("elbv2", "CreateTargetGroup",
                                                                    "HealthyThresholdCount")).group(1)
    unhealthy = re.search(r"HTTP or HTTPS, the default is (\d+)", doc("elbv2", "CreateTargetGroup",
                                                                      "UnhealthyThresholdCount")).group(1)
    assert f"| Time between checks of one target | {interval} s |" in page
    assert f"| No answer within this time counts as a failure | {timeout} s |" in page
    assert f"| Successes in a row to become healthy | {healthy} |" in page
    assert f"| Failures in a row to become unhealthy | {unhealthy} |" in page


def test_elb_rule_priority_range():
    priority = member("elbv2", "CreateRule", "Priority").metadata
    assert f"{priority['min']} to {priority['max']:,}" in row("elb", "rule-priority")


def test_elb_target_group_weight_range():
    weight = plain(SESSION.get_service_model("elbv2").shape_for("TargetGroupTuple").members["Weight"].documentation)
    low, high = re.search(r"range is (\d+) to (\d+)", weight).groups()
    assert f"weight of {low} to {high}" in row("elb", "target-groups-per-action")


def test_elb_deregistration_delay():
    model = shape_doc("elbv2", "TargetGroupAttribute", "Key")
    low, high, default = re.search(
        r"deregistration_delay\.timeout_seconds - .*?range is (\d+)-(\d+) seconds\. The default value is (\d+) seconds",
        model,
    ).groups()
    assert f"{low}-{int(high):,} s, default {default} s" in row("elb", "deregistration-delay")


def test_elb_stickiness_duration():
    model = shape_doc("elbv2", "TargetGroupAttribute", "Key")
    assert re.search(r"stickiness\.lb_cookie\.duration_seconds - .*?range is 1 second to 1 week", model)
    assert "1 second to 1 week (604,800 s)" in row("elb", "stickiness-duration")


def test_elb_idle_timeout():
    model = shape_doc("elbv2", "LoadBalancerAttribute", "Key")
    low, high, default = re.search(
        r"idle_timeout\.timeout_seconds - .*?valid range is (\d+)-(\d+) seconds\. The default is (\d+) seconds", model
    ).groups()
    assert f"{low}-{int(high):,} s, default {default} s" in row("elb", "idle-timeout")


def test_elb_cross_zone_defaults_on_the_page():
    model = shape_doc("elbv2", "LoadBalancerAttribute", "Key")
    assert "The default for Network Load Balancers and Gateway Load Balancers is false" in model
    assert "The default for Application Load Balancers is true, and can't be changed" in model
    page = (QUOTAS.parent.parent / "compute" / "load-balancing.md").read_text(encoding="utf-8")
    assert "| ALB | On, and cannot be turned off at the load balancer |" in page
    assert "| NLB | Off |" in page and "| GWLB | Off |" in page


def test_elb_target_types_on_the_page():
    enum = set(member("elbv2", "CreateTargetGroup", "TargetType").enum)
    page = (QUOTAS.parent.parent / "compute" / "load-balancing.md").read_text(encoding="utf-8")
    assert enum == {"instance", "ip", "lambda", "alb"}
    for target_type in enum:
        assert f"| `{target_type}`" in page


# --- EC2 Auto Scaling -------------------------------------------------------------------------


def test_autoscaling_heartbeat_timeout():
    model = doc("autoscaling", "PutLifecycleHook", "HeartbeatTimeout")
    low, high, default = re.search(r"from (\d+) to (\d+) seconds\. The default value is (\d+) seconds", model).groups()
    assert f"{low}-{int(high):,} s, default {int(default):,} s" in row("autoscaling", "heartbeat-timeout")


def test_autoscaling_default_cooldown():
    default = re.search(r"Default: (\d+) seconds", doc("autoscaling", "CreateAutoScalingGroup", "DefaultCooldown"))
    assert f"default {default.group(1)} s" in row("autoscaling", "default-cooldown")


def test_autoscaling_grace_period_api_default():
    model = doc("autoscaling", "CreateAutoScalingGroup", "HealthCheckGracePeriod")
    default = re.search(r"Default: (\d+) seconds", model)
    assert f"API default {default.group(1)} s" in row("autoscaling", "grace-period")


def test_autoscaling_refresh_min_healthy():
    model = shape_doc("autoscaling", "RefreshPreferences", "MinHealthyPercentage")
    low, high = re.search(r"Value range is (\d+) to (\d+)", model).groups()
    default = re.search(r"the default is (\d+) percent", model).group(1)
    assert f"{low}-{high} %, default {default} %" in row("autoscaling", "refresh-min-healthy")


def test_autoscaling_max_instance_lifetime():
    minimum = re.search(r"equal to or greater than ([\d,]+) seconds",
                        doc("autoscaling", "CreateAutoScalingGroup", "MaxInstanceLifetime")).group(1)
    assert f"at least {minimum} s" in row("autoscaling", "max-instance-lifetime")


def test_autoscaling_policy_types_and_warm_pool_states_on_the_page():
    policy_types = doc("autoscaling", "PutScalingPolicy", "PolicyType")
    page = (QUOTAS.parent.parent / "compute" / "auto-scaling.md").read_text(encoding="utf-8")
    for api, words in {"TargetTrackingScaling": "Target tracking", "StepScaling": "Step scaling",
                       "SimpleScaling": "Simple scaling", "PredictiveScaling": "Predictive scaling"}.items():
        assert api in policy_types
        assert f"| **{words}** |" in page
    for state in member("autoscaling", "PutWarmPool", "PoolState").enum:
        assert f"**{state}**" in page


# --- EBS --------------------------------------------------------------------------------------

VOLUME_ROWS = {"gp2": "gp2", "gp3": "gp3", "io1": "io1", "io2": "io2", "st1 and sc1": "st1"}


def _ranges(text: str) -> dict[str, tuple[int, int]]:
    """'gp3: 1 - 65,536 GiB io1: ...' -> {'gp3': (1, 65536), ...} from model documentation."""
    found = re.findall(r"([a-z0-9]+(?: and [a-z0-9]+)?): ([\d,]+)(?: \(default\))? - ([\d,]+)", text)
    return {name: (int(low.replace(",", "")), int(high.replace(",", ""))) for name, low, high in found}


@pytest.mark.parametrize("operation", ["CreateVolume", "ModifyVolume"])
def test_ebs_volume_sizes(operation):
    sizes = _ranges(doc("ec2", operation, "Size"))
    for volume_types, section in VOLUME_ROWS.items():
        low, high = sizes[volume_types]
        sections = ["st1", "sc1"] if section == "st1" else [section]
        for name in sections:
            text = row("ebs", name)
            assert f"| {low} GiB - " in text, name
            assert f"({high:,} GiB)" in text, name


@pytest.mark.parametrize("operation", ["CreateVolume", "ModifyVolume"])
def test_ebs_provisioned_iops_maximums(operation):
    iops = _ranges(doc("ec2", operation, "Iops"))
    for name in ("gp3", "io1", "io2"):
        assert f"| {iops[name][1]:,} (" in row("ebs", name), name
    assert f"baseline {iops['gp3'][0]:,}" in row("ebs", "gp3")
    nitro = re.search(r"Other instances can support up to ([\d,]+) IOPS", doc("ec2", operation, "Iops")).group(1)
    assert f"others up to {nitro}" in row("ebs", "io2")


def test_ebs_gp3_throughput():
    low, high = re.search(r"Valid Range: (\d+) - (\d+) MiB/s", doc("ec2", "CreateVolume", "Throughput")).groups()
    assert f"| {int(high):,} MiB/s (baseline {low} MiB/s) |" in row("ebs", "gp3")
    assert f"| {low} - {int(high):,} MiB/s |" in row("ebs", "gp3-throughput-setting")


def test_ebs_hdd_types_cannot_boot():
    assert "(st1) and Cold HDD (sc1) volumes can't be used as boot volumes" in doc("ec2", "CreateVolume", "VolumeType")
    for name in ("st1", "sc1"):
        assert "| No |" in row("ebs", name)
    for name in ("gp3", "gp2", "io2", "io1"):
        assert "| Yes |" in row("ebs", name)


def test_ebs_volume_types_on_the_site_exist_in_the_model():
    enum = set(member("ec2", "CreateVolume", "VolumeType").enum)
    for name in ("gp3", "gp2", "io2", "io1", "st1", "sc1"):
        assert name in enum
        assert f"| `{name}` " in row("ebs", name)


def test_ebs_multi_attach():
    model = doc("ec2", "CreateVolume", "MultiAttachEnabled")
    count = re.search(r"up to (\d+) Instances built on the Nitro System in the same Availability Zone", model).group(1)
    assert "supported with io1 and io2 volumes only" in model
    assert f"up to {count} Nitro-based instances, same AZ, `io1` and `io2` only" in row("ebs", "multi-attach")


def test_ebs_initialization_rate():
    model = doc("ec2", "CreateVolume", "VolumeInitializationRate")
    low, high = re.search(r"Valid range: (\d+) - (\d+) MiB/s", model).groups()
    assert f"| {low} - {high} MiB/s |" in row("ebs", "initialization-rate")


def test_recycle_bin_retention_range():
    retention = SESSION.get_service_model("rbin").shape_for("RetentionPeriodValue").metadata
    assert SESSION.get_service_model("rbin").shape_for("RetentionPeriodUnit").enum == ["DAYS"]
    assert f"| {retention['min']} - {retention['max']:,} days |" in row("ebs", "recycle-bin-retention")


def test_efs_throughput_modes_and_api_default():
    modes = SESSION.get_service_model("efs").shape_for("ThroughputMode").enum
    default = re.search(r"Default is (\w+)\.", doc("efs", "CreateFileSystem", "ThroughputMode")).group(1)
    page = (QUOTAS.parent.parent / "storage" / "ec2-storage.md").read_text(encoding="utf-8")
    for mode in modes:
        assert f"**{mode.capitalize()}**" in page
    assert f"The API default is still {default.capitalize()}" in " ".join(page.split())


def test_fsx_file_system_types_on_the_page():
    types = SESSION.get_service_model("fsx").shape_for("FileSystemType").enum
    names = {"WINDOWS": "Windows File Server", "LUSTRE": "Lustre", "ONTAP": "NetApp ONTAP", "OPENZFS": "OpenZFS"}
    page = (QUOTAS.parent.parent / "storage" / "ec2-storage.md").read_text(encoding="utf-8")
    assert set(types) == set(names)
    for name in names.values():
        assert f"| **{name}** |" in page


def test_elb_nlb_listener_protocols_and_rules_on_the_page():
    protocols = set(SESSION.get_service_model("elbv2").shape_for("ProtocolEnum").enum)
    nlb = ["TCP", "UDP", "TCP_UDP", "TLS", "QUIC", "TCP_QUIC"]
    assert set(nlb) <= protocols
    page = (QUOTAS.parent.parent / "compute" / "load-balancing.md").read_text(encoding="utf-8")
    assert f"| {', '.join(nlb)} |" in page
    field = shape_doc("elbv2", "RuleCondition", "Field")
    assert "source-ip – [ALB, NLB]" in field and "IpAddressType" in field
    for condition in ("host-header", "path-pattern", "http-header", "http-request-method", "query-string", "source-ip"):
        assert f"{condition} – [ALB" in field
        assert f"`{condition}`" in page


def test_elb_rule_actions_and_transforms_on_the_page():
    model = SESSION.get_service_model("elbv2")
    page = (QUOTAS.parent.parent / "compute" / "load-balancing.md").read_text(encoding="utf-8")
    for action in model.shape_for("ActionTypeEnum").enum:
        assert f"`{action}`" in page, action
    for transform in model.shape_for("TransformTypeEnum").enum:
        assert f"`{transform}`" in page, transform


def test_autoscaling_deletion_protection_levels():
    levels = SESSION.get_service_model("autoscaling").shape_for("DeletionProtection").enum
    model = doc("autoscaling", "CreateAutoScalingGroup", "DeletionProtection")
    default = re.search(r"Default: ([\w-]+)", model).group(1)
    page = (QUOTAS.parent.parent / "compute" / "auto-scaling.md").read_text(encoding="utf-8")
    assert f"`{default}` (default)" in page
    for level in levels:
        assert f"`{level}`" in page


def test_ebs_snapshot_protection_features_on_the_page():
    ec2 = SESSION.get_service_model("ec2")
    operations = set(ec2.operation_names)
    assert {"LockSnapshot", "CopyVolumes", "ModifySnapshotTier", "EnableFastSnapshotRestores"} <= operations
    assert "within the same Availability Zone" in plain(ec2.operation_model("CopyVolumes").documentation)
    page = (QUOTAS.parent.parent / "storage" / "ec2-storage.md").read_text(encoding="utf-8")
    for mode in ec2.shape_for("LockMode").enum:
        assert f"`{mode}`" in page
    resource_types = SESSION.get_service_model("rbin").shape_for("ResourceType").enum
    assert "EBS_VOLUME" in resource_types
    assert "EBS volumes" in page
