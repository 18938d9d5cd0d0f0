"""Create an encrypted gp3 volume, snapshot it, and copy the snapshot to another Region.

Every function takes boto3 clients, so a test can pass clients pointed at moto.
"""

from __future__ import annotations


# --8<-- [start:volume]
def create_encrypted_gp3(ec2, availability_zone: str, size_gib: int = 100, kms_key_id: str | None = None) -> str:
    """A gp3 volume with 6,000 IOPS and 250 MiB/s, encrypted with KMS; return its ID."""
    kwargs = {"KmsKeyId": kms_key_id} if kms_key_id else {}  # without it: the aws/ebs managed key
    volume = ec2.create_volume(
        AvailabilityZone=availability_zone,  # a volume lives in one AZ
        Size=size_gib,
        VolumeType="gp3",
        Iops=6000,  # gp3 baseline is 3,000; IOPS and throughput are set apart from size
        Throughput=250,  # MiB/s; baseline 125
        Encrypted=True,
        TagSpecifications=[{"ResourceType": "volume", "Tags": [{"Key": "Name", "Value": "data"}]}],
        **kwargs,
    )
    return volume["VolumeId"]
# --8<-- [end:volume]


# --8<-- [start:snapshot]
def snapshot(ec2, volume_id: str, description: str) -> str:
    """Start a point-in-time snapshot (incremental after the first) and wait until it completes."""
    snapshot_id = ec2.create_snapshot(VolumeId=volume_id, Description=description)["SnapshotId"]
    ec2.get_waiter("snapshot_completed").wait(SnapshotIds=[snapshot_id], WaiterConfig={"Delay": 1})
    return snapshot_id


def copy_to_region(ec2_destination, source_region: str, snapshot_id: str, kms_key_id: str) -> str:
    """Copy a snapshot into the destination client's Region, re-encrypted with a key there.

    CopySnapshot is called in the destination Region; KMS keys are Regional, so the copy
    needs a key that exists in the destination.
    """
    response = ec2_destination.copy_snapshot(
        SourceRegion=source_region,
        SourceSnapshotId=snapshot_id,
        Description=f"copy of {snapshot_id} from {source_region}",
        Encrypted=True,
        KmsKeyId=kms_key_id,
    )
    return response["SnapshotId"]
# --8<-- [end:snapshot]
