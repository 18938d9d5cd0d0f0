"""A launch template and an Auto Scaling group that scales on CPU, grows on a schedule,
and pauses terminating instances in a lifecycle hook so they can drain.

Every function takes boto3 clients, so a test can pass clients pointed at moto.
"""

from __future__ import annotations


def create_launch_template(ec2, name: str, image_id: str, instance_type: str = "t3.micro") -> str:
    """A launch template (versioned; launch configurations are legacy); return its ID."""
    response = ec2.create_launch_template(
        LaunchTemplateName=name,
        VersionDescription="v1",
        LaunchTemplateData={
            "ImageId": image_id,
            "InstanceType": instance_type,
            "MetadataOptions": {"HttpTokens": "required"},  # IMDSv2 only
        },
    )
    return response["LaunchTemplate"]["LaunchTemplateId"]


# --8<-- [start:group]
def create_group(
    autoscaling, name: str, template_id: str, subnet_ids: list[str], target_group_arns: list[str]
) -> None:
    """min 2 / desired 2 / max 10 across the subnets' AZs, with ELB health checks."""
    autoscaling.create_auto_scaling_group(
        AutoScalingGroupName=name,
        LaunchTemplate={"LaunchTemplateId": template_id, "Version": "$Latest"},
        MinSize=2,
        DesiredCapacity=2,
        MaxSize=10,
        VPCZoneIdentifier=",".join(subnet_ids),  # one subnet per Availability Zone
        TargetGroupARNs=target_group_arns,
        HealthCheckType="ELB",  # replace instances that fail the load balancer's health check
        HealthCheckGracePeriod=120,  # seconds after InService before health checks count
        DefaultInstanceWarmup=180,  # new instances join the metrics after 3 minutes
    )
# --8<-- [end:group]


# --8<-- [start:policies]
def add_cpu_target_tracking(autoscaling, group: str, target_cpu: float = 50.0) -> None:
    """Keep average CPU near target_cpu; Auto Scaling creates and owns the CloudWatch alarms."""
    autoscaling.put_scaling_policy(
        AutoScalingGroupName=group,
        PolicyName="cpu50",
        PolicyType="TargetTrackingScaling",
        TargetTrackingConfiguration={
            "PredefinedMetricSpecification": {"PredefinedMetricType": "ASGAverageCPUUtilization"},
            "TargetValue": target_cpu,
        },
    )


def add_weekday_morning_scale_out(autoscaling, group: str) -> None:
    """Raise the floor to 4 instances at 07:30 UTC on weekdays (cron fields are in UTC)."""
    autoscaling.put_scheduled_update_group_action(
        AutoScalingGroupName=group,
        ScheduledActionName="weekday-morning",
        Recurrence="30 7 * * 1-5",
        MinSize=4,
        DesiredCapacity=4,
    )


def add_drain_hook(autoscaling, group: str, timeout_seconds: int = 300) -> None:
    """Hold terminating instances in Terminating:Wait so they can finish work first."""
    autoscaling.put_lifecycle_hook(
        AutoScalingGroupName=group,
        LifecycleHookName="drain",
        LifecycleTransition="autoscaling:EC2_INSTANCE_TERMINATING",
        HeartbeatTimeout=timeout_seconds,  # 30-7,200 s; default 3,600
        DefaultResult="CONTINUE",  # on timeout, go ahead and terminate
    )
# --8<-- [end:policies]

