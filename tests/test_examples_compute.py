"""Run the load balancing and Auto Scaling samples in examples/compute/ against moto."""

from __future__ import annotations

import boto3
import pytest
from conftest import load_example
from moto import mock_aws

alb = load_example("examples/compute/alb_blue_green.py")


@pytest.fixture
def network(aws_env):
    """A VPC with two subnets in two AZs and a security group, plus an ELBv2 client."""
    with mock_aws():
        ec2 = boto3.client("ec2", region_name="us-east-1")
        vpc_id = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        subnets = [
            ec2.create_subnet(VpcId=vpc_id, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=az)["Subnet"]["SubnetId"]
            for i, az in enumerate(["us-east-1a", "us-east-1b"])
        ]
        sg = ec2.create_security_group(GroupName="alb", Description="ALB", VpcId=vpc_id)["GroupId"]
        yield boto3.client("elbv2", region_name="us-east-1"), ec2, vpc_id, subnets, sg


def _weights(elbv2, rule_arn: str) -> dict[str, int]:
    (rule,) = elbv2.describe_rules(RuleArns=[rule_arn])["Rules"]
    (action,) = rule["Actions"]
    return {g["TargetGroupArn"]: g["Weight"] for g in action["ForwardConfig"]["TargetGroups"]}


def test_alb_spans_two_azs_with_health_checked_target_groups(network):
    elbv2, _, vpc_id, subnets, sg = network
    setup = alb.create_alb(elbv2, "shop", subnets, sg, vpc_id)
    (lb,) = elbv2.describe_load_balancers(LoadBalancerArns=[setup.load_balancer_arn])["LoadBalancers"]
    assert lb["Type"] == "application"
    assert lb["Scheme"] == "internet-facing"
    assert {z["ZoneName"] for z in lb["AvailabilityZones"]} == {"us-east-1a", "us-east-1b"}
    groups = elbv2.describe_target_groups(TargetGroupArns=[setup.blue_arn, setup.green_arn])["TargetGroups"]
    assert {g["TargetGroupName"] for g in groups} == {"shop-blue", "shop-green"}
    for group in groups:
        assert group["TargetType"] == "instance"
        assert group["HealthCheckPath"] == "/health"
        assert group["HealthCheckIntervalSeconds"] == 15
        assert group["HealthCheckTimeoutSeconds"] < group["HealthCheckIntervalSeconds"]
        assert (group["HealthyThresholdCount"], group["UnhealthyThresholdCount"]) == (3, 2)
        assert group["Matcher"]["HttpCode"] == "200-299"
        attributes = elbv2.describe_target_group_attributes(TargetGroupArn=group["TargetGroupArn"])["Attributes"]
        assert {a["Key"]: a["Value"] for a in attributes}["deregistration_delay.timeout_seconds"] == "60"


def test_listener_has_path_rule_before_default(network):
    elbv2, _, vpc_id, subnets, sg = network
    setup = alb.create_alb(elbv2, "shop", subnets, sg, vpc_id)
    rules = elbv2.describe_rules(ListenerArn=setup.listener_arn)["Rules"]
    by_priority = {r["Priority"]: r for r in rules}
    assert set(by_priority) == {"10", "default"}
    (condition,) = by_priority["10"]["Conditions"]
    assert condition["Field"] == "path-pattern"
    assert condition["PathPatternConfig"]["Values"] == ["/api/*"]
    (default_action,) = by_priority["default"]["Actions"]
    assert default_action["TargetGroupArn"] == setup.blue_arn
    assert _weights(elbv2, setup.rule_arn) == {setup.blue_arn: 90, setup.green_arn: 10}


def test_shift_traffic_moves_weight_to_green(network):
    elbv2, _, vpc_id, subnets, sg = network
    setup = alb.create_alb(elbv2, "shop", subnets, sg, vpc_id)
    for green in (50, 100):
        alb.shift_traffic(elbv2, setup.rule_arn, setup.blue_arn, setup.green_arn, green)
        assert _weights(elbv2, setup.rule_arn) == {setup.blue_arn: 100 - green, setup.green_arn: green}


def test_shift_traffic_rejects_bad_weight(network):
    elbv2, _, vpc_id, subnets, sg = network
    setup = alb.create_alb(elbv2, "shop", subnets, sg, vpc_id)
    with pytest.raises(ValueError, match="0-100"):
        alb.shift_traffic(elbv2, setup.rule_arn, setup.blue_arn, setup.green_arn, 150)
    assert _weights(elbv2, setup.rule_arn) == {setup.blue_arn: 90, setup.green_arn: 10}


def test_second_rule_with_same_priority_is_refused(network):
    elbv2, _, vpc_id, subnets, sg = network
    setup = alb.create_alb(elbv2, "shop", subnets, sg, vpc_id)
    with pytest.raises(elbv2.exceptions.PriorityInUseException):
        alb.add_api_rule(elbv2, setup.listener_arn, setup.blue_arn, setup.green_arn, 0)


asg = load_example("examples/compute/asg_target_tracking.py")


@pytest.fixture
def group(network):
    """The sample's launch template and group, attached to a target group in the network fixture."""
    elbv2, ec2, vpc_id, subnets, _ = network
    autoscaling = boto3.client("autoscaling", region_name="us-east-1")
    tg = elbv2.create_target_group(Name="web", Protocol="HTTP", Port=80, VpcId=vpc_id)["TargetGroups"][0]
    image_id = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    template_id = asg.create_launch_template(ec2, "web", image_id)
    asg.create_group(autoscaling, "web", template_id, subnets, [tg["TargetGroupArn"]])
    return autoscaling, ec2, template_id, subnets, tg["TargetGroupArn"]


def _group(autoscaling, name: str = "web") -> dict:
    (found,) = autoscaling.describe_auto_scaling_groups(AutoScalingGroupNames=[name])["AutoScalingGroups"]
    return found


def test_group_uses_launch_template_and_elb_health_checks(group):
    autoscaling, ec2, template_id, subnets, tg_arn = group
    found = _group(autoscaling)
    assert found["LaunchTemplate"]["LaunchTemplateId"] == template_id
    assert "LaunchConfigurationName" not in found
    assert (found["MinSize"], found["DesiredCapacity"], found["MaxSize"]) == (2, 2, 10)
    assert found["HealthCheckType"] == "ELB"
    assert found["HealthCheckGracePeriod"] == 120
    assert found["TargetGroupARNs"] == [tg_arn]
    assert set(found["VPCZoneIdentifier"].split(",")) == set(subnets)
    assert len(found["Instances"]) == 2
    data = ec2.describe_launch_template_versions(LaunchTemplateId=template_id)["LaunchTemplateVersions"][0]
    assert data["LaunchTemplateData"]["MetadataOptions"]["HttpTokens"] == "required"


def test_target_tracking_policy_on_average_cpu(group):
    autoscaling = group[0]
    asg.add_cpu_target_tracking(autoscaling, "web", 50.0)
    (policy,) = autoscaling.describe_policies(AutoScalingGroupName="web")["ScalingPolicies"]
    assert policy["PolicyType"] == "TargetTrackingScaling"
    config = policy["TargetTrackingConfiguration"]
    assert config["PredefinedMetricSpecification"]["PredefinedMetricType"] == "ASGAverageCPUUtilization"
    assert config["TargetValue"] == 50.0


def test_scheduled_action_is_a_weekday_cron(group):
    autoscaling = group[0]
    asg.add_weekday_morning_scale_out(autoscaling, "web")
    (action,) = autoscaling.describe_scheduled_actions(AutoScalingGroupName="web")["ScheduledUpdateGroupActions"]
    assert action["Recurrence"] == "30 7 * * 1-5"
    assert (action["MinSize"], action["DesiredCapacity"]) == (4, 4)
    assert "MaxSize" not in action or action["MaxSize"] is None


def test_lifecycle_hook_holds_terminating_instances(group):
    autoscaling = group[0]
    asg.add_drain_hook(autoscaling, "web", timeout_seconds=300)
    (hook,) = autoscaling.describe_lifecycle_hooks(AutoScalingGroupName="web")["LifecycleHooks"]
    assert hook["LifecycleTransition"] == "autoscaling:EC2_INSTANCE_TERMINATING"
    assert hook["HeartbeatTimeout"] == 300
    assert hook["DefaultResult"] == "CONTINUE"
