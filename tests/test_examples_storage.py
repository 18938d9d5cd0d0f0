"""Run the EBS samples in examples/storage/ against moto."""

from __future__ import annotations

import boto3
import pytest
from conftest import load_example
from moto import mock_aws

ebs = load_example("examples/storage/ebs_snapshot.py")


@pytest.fixture
def clients(aws_env):
    """EC2 clients in us-east-1 and us-west-2, and a KMS key in each Region."""
    with mock_aws():
        east = boto3.client("ec2", region_name="us-east-1")
        west = boto3.client("ec2", region_name="us-west-2")
        keys = {
            region: boto3.client("kms", region_name=region).create_key(Description="ebs")["KeyMetadata"]["Arn"]
            for region in ("us-east-1", "us-west-2")
        }
        yield east, west, keys


def test_volume_is_encrypted_gp3_with_provisioned_performance(clients):
    east, _, keys = clients
    volume_id = ebs.create_encrypted_gp3(east, "us-east-1a", 100, keys["us-east-1"])
    (volume,) = east.describe_volumes(VolumeIds=[volume_id])["Volumes"]
    assert volume["VolumeType"] == "gp3"
    assert (volume["Size"], volume["Iops"], volume["Throughput"]) == (100, 6000, 250)
    assert volume["Encrypted"] is True
    assert volume["KmsKeyId"] == keys["us-east-1"]
    assert volume["AvailabilityZone"] == "us-east-1a"


def test_snapshot_inherits_encryption_and_size(clients):
    east, _, keys = clients
    volume_id = ebs.create_encrypted_gp3(east, "us-east-1a", 100, keys["us-east-1"])
    snapshot_id = ebs.snapshot(east, volume_id, "nightly")
    (snap,) = east.describe_snapshots(SnapshotIds=[snapshot_id])["Snapshots"]
    assert snap["VolumeId"] == volume_id
    assert snap["State"] == "completed"
    assert snap["Encrypted"] is True
    assert snap["VolumeSize"] == 100


def test_copy_lands_in_the_other_region_with_its_key(clients):
    east, west, keys = clients
    volume_id = ebs.create_encrypted_gp3(east, "us-east-1a", 50, keys["us-east-1"])
    snapshot_id = ebs.snapshot(east, volume_id, "nightly")
    copy_id = ebs.copy_to_region(west, "us-east-1", snapshot_id, keys["us-west-2"])
    assert copy_id != snapshot_id
    (copy,) = west.describe_snapshots(SnapshotIds=[copy_id])["Snapshots"]
    assert copy["Encrypted"] is True
    assert copy["KmsKeyId"] == keys["us-west-2"]
    assert snapshot_id in copy["Description"]
    with pytest.raises(east.exceptions.ClientError):
        east.describe_snapshots(SnapshotIds=[copy_id])
