"""A VPC with one public and one private subnet, built with the EC2 API (boto3).

The public subnet's route table sends 0.0.0.0/0 to an internet gateway. The private subnet's route
table sends 0.0.0.0/0 to a NAT gateway that lives in the public subnet, and an S3 gateway endpoint
adds a route to S3's prefix list, so S3 traffic skips the NAT gateway (no per-GB NAT charge).
Two security groups: the web tier takes HTTPS from anywhere; the app tier takes port 8080 only
from the web tier's security group.

Production layouts repeat the subnet pair and the NAT gateway in every Availability Zone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Network:
    vpc_id: str
    public_subnet_id: str
    private_subnet_id: str
    internet_gateway_id: str
    nat_gateway_id: str
    public_route_table_id: str
    private_route_table_id: str
    s3_endpoint_id: str
    web_sg_id: str
    app_sg_id: str


def _tag(resource_type: str, name: str) -> list[dict]:
    return [{"ResourceType": resource_type, "Tags": [{"Key": "Name", "Value": name}]}]


def create_network(ec2, region: str = "us-east-1", az: str = "us-east-1a", cidr: str = "10.0.0.0/16") -> Network:
    """Create the VPC, subnets, gateways, routes, endpoint and security groups; return their IDs."""
    # --8<-- [start:subnets]
    vpc_id = ec2.create_vpc(CidrBlock=cidr, TagSpecifications=_tag("vpc", "demo"))["Vpc"]["VpcId"]
    # Interface endpoints with private DNS need DNS hostnames (and DNS support, on by default).
    ec2.modify_vpc_attribute(VpcId=vpc_id, EnableDnsHostnames={"Value": True})

    public = ec2.create_subnet(VpcId=vpc_id, CidrBlock="10.0.0.0/24", AvailabilityZone=az)["Subnet"]["SubnetId"]
    private = ec2.create_subnet(VpcId=vpc_id, CidrBlock="10.0.16.0/20", AvailabilityZone=az)["Subnet"]["SubnetId"]
    # --8<-- [end:subnets]

    # --8<-- [start:routes]
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc_id)

    public_rt = ec2.create_route_table(VpcId=vpc_id)["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=public_rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
    ec2.associate_route_table(RouteTableId=public_rt, SubnetId=public)  # this is what makes it "public"

    allocation = ec2.allocate_address(Domain="vpc")["AllocationId"]  # public IPv4: billed per hour
    nat = ec2.create_nat_gateway(SubnetId=public, AllocationId=allocation)["NatGateway"]["NatGatewayId"]
    ec2.get_waiter("nat_gateway_available").wait(NatGatewayIds=[nat])

    private_rt = ec2.create_route_table(VpcId=vpc_id)["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=private_rt, DestinationCidrBlock="0.0.0.0/0", NatGatewayId=nat)
    ec2.associate_route_table(RouteTableId=private_rt, SubnetId=private)

    s3_endpoint = ec2.create_vpc_endpoint(
        VpcId=vpc_id,
        VpcEndpointType="Gateway",
        ServiceName=f"com.amazonaws.{region}.s3",
        RouteTableIds=[private_rt],  # adds a route to the S3 prefix list in this table
    )["VpcEndpoint"]["VpcEndpointId"]
    # --8<-- [end:routes]

    # --8<-- [start:security-groups]
    web_sg = ec2.create_security_group(GroupName="web", Description="HTTPS from anywhere", VpcId=vpc_id)["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=web_sg,
        IpPermissions=[{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
    )
    app_sg = ec2.create_security_group(GroupName="app", Description="8080 from the web tier", VpcId=vpc_id)["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=app_sg,
        IpPermissions=[
            {
                "IpProtocol": "tcp",
                "FromPort": 8080,
                "ToPort": 8080,
                "UserIdGroupPairs": [{"GroupId": web_sg}],  # a security group as the source, not a CIDR
            }
        ],
    )
    # --8<-- [end:security-groups]

    return Network(vpc_id, public, private, igw, nat, public_rt, private_rt, s3_endpoint, web_sg, app_sg)
