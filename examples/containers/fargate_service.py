"""An ECS service on AWS Fargate: a task definition with both IAM roles, a service, and an ECR
repository with immutable tags, scan on push and a lifecycle policy.

The task role is what the application code in the container uses (S3, DynamoDB ...). The task
execution role is what the ECS agent uses to start the task: pull the image from ECR, write logs
to CloudWatch Logs, read secrets named in the task definition.
"""

from __future__ import annotations

import json

ACCOUNT = "123456789012"  # placeholder account
REGION = "us-east-1"

# Fargate task sizes: CPU units -> allowed memory in MiB (Linux). 1024 CPU units = 1 vCPU.
FARGATE_SIZES: dict[int, range | tuple[int, ...]] = {
    256: (512, 1024, 2048),
    512: (1024, 2048, 3072, 4096),
    1024: (2048, 3072, 4096, 5120, 6144, 7168, 8192),
    2048: range(4096, 16384 + 1, 1024),
    4096: range(8192, 30720 + 1, 1024),
    8192: range(16384, 61440 + 1, 4096),
    16384: range(32768, 122880 + 1, 8192),
}


def valid_fargate_size(cpu: int, memory: int) -> bool:
    """True if Fargate accepts this task-level CPU/memory pair."""
    return memory in FARGATE_SIZES.get(cpu, ())


# --8<-- [start:task-definition]
def register_web_task(ecs, image: str, cpu: int = 512, memory: int = 1024) -> dict:
    """Register a Fargate task definition for one web container; return the task definition."""
    if not valid_fargate_size(cpu, memory):
        raise ValueError(f"Fargate has no task size with cpu={cpu} and memory={memory} MiB")
    return ecs.register_task_definition(
        family="web",
        requiresCompatibilities=["FARGATE"],
        networkMode="awsvpc",  # required on Fargate: each task gets its own ENI
        cpu=str(cpu),  # task-level size, required on Fargate
        memory=str(memory),
        runtimePlatform={"cpuArchitecture": "X86_64", "operatingSystemFamily": "LINUX"},
        taskRoleArn=f"arn:aws:iam::{ACCOUNT}:role/web-task-role",  # the app's own permissions
        executionRoleArn=f"arn:aws:iam::{ACCOUNT}:role/ecsTaskExecutionRole",  # pull image, write logs
        containerDefinitions=[
            {
                "name": "web",
                "image": image,
                "essential": True,
                "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
                "stopTimeout": 30,  # seconds between SIGTERM and SIGKILL (Fargate: at most 120)
                "logConfiguration": {
                    "logDriver": "awslogs",
                    "options": {
                        "awslogs-group": "/ecs/web",
                        "awslogs-region": REGION,
                        "awslogs-stream-prefix": "web",
                    },
                },
            }
        ],
    )["taskDefinition"]
# --8<-- [end:task-definition]


# --8<-- [start:service]
def create_web_service(
    ecs, cluster: str, task_definition_arn: str, subnets: list[str], security_groups: list[str], desired: int = 2
) -> dict:
    """Run `desired` copies of the task in private subnets, replaced automatically if they stop."""
    return ecs.create_service(
        cluster=cluster,
        serviceName="web",
        taskDefinition=task_definition_arn,
        desiredCount=desired,
        launchType="FARGATE",
        networkConfiguration={
            "awsvpcConfiguration": {
                "subnets": subnets,
                "securityGroups": security_groups,  # per task, because of awsvpc
                "assignPublicIp": "DISABLED",  # private subnets reach ECR through NAT or VPC endpoints
            }
        },
        deploymentConfiguration={
            "deploymentCircuitBreaker": {"enable": True, "rollback": True},
            "maximumPercent": 200,
            "minimumHealthyPercent": 100,
        },
    )["service"]
# --8<-- [end:service]


# --8<-- [start:lifecycle]
def lifecycle_policy(keep_releases: int = 20, untagged_days: int = 7) -> dict:
    """Expire untagged images after some days; keep only the newest release images."""
    return {
        "rules": [
            {
                "rulePriority": 1,
                "description": "Untagged layers from rebuilt tags",
                "selection": {
                    "tagStatus": "untagged",
                    "countType": "sinceImagePushed",
                    "countUnit": "days",
                    "countNumber": untagged_days,
                },
                "action": {"type": "expire"},
            },
            {
                "rulePriority": 2,
                "description": "Keep the newest release images",
                "selection": {
                    "tagStatus": "tagged",
                    "tagPatternList": ["release-*"],
                    "countType": "imageCountMoreThan",
                    "countNumber": keep_releases,
                },
                "action": {"type": "expire"},
            },
        ]
    }


def create_repository(ecr, name: str) -> dict:
    """A private repository: tags cannot be overwritten, images are scanned on push."""
    repository = ecr.create_repository(
        repositoryName=name,
        imageTagMutability="IMMUTABLE",
        imageScanningConfiguration={"scanOnPush": True},
    )["repository"]
    ecr.put_lifecycle_policy(repositoryName=name, lifecyclePolicyText=json.dumps(lifecycle_policy()))
    return repository
# --8<-- [end:lifecycle]
