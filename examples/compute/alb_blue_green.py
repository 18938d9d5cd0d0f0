"""An Application Load Balancer with two target groups (blue and green), a health check,
and a listener rule that sends /api/* traffic to both groups by weight.

Shifting traffic from blue to green is one call: change the weights on the rule.
Every function takes boto3 clients, so a test can pass clients pointed at moto.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AlbSetup:
    load_balancer_arn: str
    listener_arn: str
    rule_arn: str
    blue_arn: str
    green_arn: str


# --8<-- [start:target-group]
def create_target_group(elbv2, name: str, vpc_id: str) -> str:
    """An instance target group with an HTTP health check on /health; return its ARN."""
    response = elbv2.create_target_group(
        Name=name,
        Protocol="HTTP",
        Port=80,
        VpcId=vpc_id,
        TargetType="instance",
        HealthCheckProtocol="HTTP",
        HealthCheckPath="/health",
        HealthCheckIntervalSeconds=15,  # 5-300 s
        HealthCheckTimeoutSeconds=5,  # must be shorter than the interval
        HealthyThresholdCount=3,  # 3 passes in a row -> healthy
        UnhealthyThresholdCount=2,  # 2 failures in a row -> unhealthy
        Matcher={"HttpCode": "200-299"},
    )
    arn = response["TargetGroups"][0]["TargetGroupArn"]
    elbv2.modify_target_group_attributes(
        TargetGroupArn=arn,
        Attributes=[{"Key": "deregistration_delay.timeout_seconds", "Value": "60"}],  # default 300
    )
    return arn
# --8<-- [end:target-group]


# --8<-- [start:weighted-rule]
def weighted_forward(blue_arn: str, green_arn: str, green_weight: int) -> list[dict]:
    """A forward action that splits traffic between blue and green (weights 0-999)."""
    return [
        {
            "Type": "forward",
            "ForwardConfig": {
                "TargetGroups": [
                    {"TargetGroupArn": blue_arn, "Weight": 100 - green_weight},
                    {"TargetGroupArn": green_arn, "Weight": green_weight},
                ],
                "TargetGroupStickinessConfig": {"Enabled": False},
            },
        }
    ]


def add_api_rule(elbv2, listener_arn: str, blue_arn: str, green_arn: str, green_weight: int) -> str:
    """Priority-10 rule: /api/* goes to blue and green by weight; return the rule ARN."""
    response = elbv2.create_rule(
        ListenerArn=listener_arn,
        Priority=10,  # lowest number is evaluated first; the default rule is last
        Conditions=[{"Field": "path-pattern", "PathPatternConfig": {"Values": ["/api/*"]}}],
        Actions=weighted_forward(blue_arn, green_arn, green_weight),
    )
    return response["Rules"][0]["RuleArn"]


def shift_traffic(elbv2, rule_arn: str, blue_arn: str, green_arn: str, green_weight: int) -> None:
    """Move a share of /api/* traffic to green (0 = all blue, 100 = all green)."""
    if not 0 <= green_weight <= 100:
        raise ValueError(f"green_weight must be 0-100, got {green_weight}")
    elbv2.modify_rule(RuleArn=rule_arn, Actions=weighted_forward(blue_arn, green_arn, green_weight))
# --8<-- [end:weighted-rule]


def create_alb(elbv2, name: str, subnet_ids: list[str], security_group_id: str, vpc_id: str) -> AlbSetup:
    """Internet-facing ALB, blue and green target groups, HTTP listener, /api/* rule (10 % green)."""
    lb = elbv2.create_load_balancer(
        Name=name,
        Type="application",
        Scheme="internet-facing",
        Subnets=subnet_ids,  # at least two subnets in different Availability Zones
        SecurityGroups=[security_group_id],
    )["LoadBalancers"][0]
    blue_arn = create_target_group(elbv2, f"{name}-blue", vpc_id)
    green_arn = create_target_group(elbv2, f"{name}-green", vpc_id)
    listener_arn = elbv2.create_listener(
        LoadBalancerArn=lb["LoadBalancerArn"],
        Protocol="HTTP",  # production: HTTPS on 443 with an ACM certificate and an SslPolicy
        Port=80,
        DefaultActions=[{"Type": "forward", "TargetGroupArn": blue_arn}],
    )["Listeners"][0]["ListenerArn"]
    rule_arn = add_api_rule(elbv2, listener_arn, blue_arn, green_arn, green_weight=10)
    return AlbSetup(lb["LoadBalancerArn"], listener_arn, rule_arn, blue_arn, green_arn)
