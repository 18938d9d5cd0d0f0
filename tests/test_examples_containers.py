"""Run examples/containers/fargate_service.py against moto: the task definition, the service and
the ECR repository with its lifecycle policy."""

from __future__ import annotations

import json

import boto3
import pytest
from botocore.exceptions import ClientError
from conftest import load_example
from moto import mock_aws

fargate = load_example("examples/containers/fargate_service.py")

IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"


@pytest.fixture
def aws(aws_env):
    with mock_aws():
        ec2 = boto3.client("ec2", region_name="us-east-1")
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
        group = ec2.create_security_group(GroupName="web", Description="web tasks", VpcId=vpc)["GroupId"]
        ecs = boto3.client("ecs", region_name="us-east-1")
        ecs.create_cluster(clusterName="apps")
        yield {"ecs": ecs, "ecr": boto3.client("ecr", region_name="us-east-1"), "subnet": subnet, "sg": group}


def test_task_definition_is_fargate_sized_with_both_roles(aws):
    registered = fargate.register_web_task(aws["ecs"], IMAGE, cpu=1024, memory=3072)
    # Read it back from the service, not from the return value of our own call.
    task = aws["ecs"].describe_task_definition(taskDefinition="web")["taskDefinition"]
    assert task["taskDefinitionArn"] == registered["taskDefinitionArn"]
    assert (task["cpu"], task["memory"]) == ("1024", "3072")
    assert task["networkMode"] == "awsvpc"
    assert task["requiresCompatibilities"] == ["FARGATE"]
    assert task["taskRoleArn"] == "arn:aws:iam::123456789012:role/web-task-role"
    assert task["executionRoleArn"] == "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
    assert task["taskRoleArn"] != task["executionRoleArn"]
    (container,) = task["containerDefinitions"]
    assert container["image"] == IMAGE
    assert container["logConfiguration"]["logDriver"] == "awslogs"


def test_registering_again_makes_a_new_revision(aws):
    first = fargate.register_web_task(aws["ecs"], IMAGE)
    second = fargate.register_web_task(aws["ecs"], IMAGE.replace("1.4.2", "1.4.3"))
    assert (first["revision"], second["revision"]) == (1, 2)
    assert second["taskDefinitionArn"].endswith("task-definition/web:2")


@pytest.mark.parametrize(("cpu", "memory"), [(256, 4096), (512, 512), (4096, 4096), (1024, 9216)])
def test_sizes_fargate_does_not_offer_are_refused_before_calling_aws(aws, cpu, memory):
    with pytest.raises(ValueError, match="no task size"):
        fargate.register_web_task(aws["ecs"], IMAGE, cpu=cpu, memory=memory)
    assert aws["ecs"].list_task_definitions()["taskDefinitionArns"] == []


@pytest.mark.parametrize(
    ("cpu", "memory"),
    # From the Fargate task size table in the Amazon ECS Developer Guide.
    [(256, 512), (256, 2048), (512, 4096), (1024, 8192), (2048, 16384), (4096, 30720), (8192, 61440),
     (16384, 122880)],
)
def test_documented_sizes_are_accepted(cpu, memory):
    assert fargate.valid_fargate_size(cpu, memory)


def test_service_runs_on_fargate_with_desired_count(aws):
    task = fargate.register_web_task(aws["ecs"], IMAGE)
    fargate.create_web_service(aws["ecs"], "apps", task["taskDefinitionArn"], [aws["subnet"]], [aws["sg"]], desired=3)
    (service,) = aws["ecs"].describe_services(cluster="apps", services=["web"])["services"]
    assert service["launchType"] == "FARGATE"
    assert service["desiredCount"] == 3
    assert service["taskDefinition"] == task["taskDefinitionArn"]
    network = service["networkConfiguration"]["awsvpcConfiguration"]
    assert network["subnets"] == [aws["subnet"]]
    assert network["securityGroups"] == [aws["sg"]]
    assert network["assignPublicIp"] == "DISABLED"


def test_repository_has_immutable_tags_scanning_and_lifecycle(aws):
    fargate.create_repository(aws["ecr"], "web")
    (repository,) = aws["ecr"].describe_repositories(repositoryNames=["web"])["repositories"]
    assert repository["imageTagMutability"] == "IMMUTABLE"
    assert repository["imageScanningConfiguration"] == {"scanOnPush": True}
    stored = json.loads(aws["ecr"].get_lifecycle_policy(repositoryName="web")["lifecyclePolicyText"])
    rules = sorted(stored["rules"], key=lambda r: r["rulePriority"])
    assert [r["selection"]["tagStatus"] for r in rules] == ["untagged", "tagged"]
    assert rules[0]["selection"]["countType"] == "sinceImagePushed"
    assert rules[1]["selection"]["countType"] == "imageCountMoreThan"
    assert all(r["action"] == {"type": "expire"} for r in rules)


def _manifest(layer: str) -> str:
    return json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                       "config": {"digest": "sha256:" + "c" * 64}, "layers": [{"digest": "sha256:" + layer * 64}]})


def _digest_of(ecr, repository: str, tag: str) -> str:
    (image,) = ecr.describe_images(repositoryName=repository, imageIds=[{"imageTag": tag}])["imageDetails"]
    return image["imageDigest"]


def test_immutable_tag_cannot_be_moved_to_another_image(aws):
    ecr = aws["ecr"]
    fargate.create_repository(ecr, "web")
    ecr.put_image(repositoryName="web", imageManifest=_manifest("a"), imageTag="release-1")
    first = _digest_of(ecr, "web", "release-1")
    # AWS answers ImageTagAlreadyExistsException; moto 5.2.5 names it ImageAlreadyExistsException.
    with pytest.raises(ClientError, match="already exists"):
        ecr.put_image(repositoryName="web", imageManifest=_manifest("b"), imageTag="release-1")
    assert _digest_of(ecr, "web", "release-1") == first


def test_mutable_tag_moves_silently(aws):
    # The contrast: without IMMUTABLE, the same push re-points the tag and deployments drift.
    ecr = aws["ecr"]
    ecr.create_repository(repositoryName="scratch", imageTagMutability="MUTABLE")
    ecr.put_image(repositoryName="scratch", imageManifest=_manifest("a"), imageTag="latest")
    first = _digest_of(ecr, "scratch", "latest")
    ecr.put_image(repositoryName="scratch", imageManifest=_manifest("b"), imageTag="latest")
    assert _digest_of(ecr, "scratch", "latest") != first
