"""Run the networking samples in examples/networking/ against moto (VPC, Route 53, CloudFront)."""

from __future__ import annotations

import boto3
import pytest
from conftest import load_example
from moto import mock_aws

vpc_sample = load_example("examples/networking/vpc_public_private.py")


@pytest.fixture
def ec2(aws_env):
    with mock_aws():
        yield boto3.client("ec2", region_name="us-east-1")


@pytest.fixture
def network(ec2):
    return vpc_sample.create_network(ec2)


def _table(ec2, route_table_id: str) -> dict:
    return ec2.describe_route_tables(RouteTableIds=[route_table_id])["RouteTables"][0]


def _default_route(table: dict) -> dict:
    return next(r for r in table["Routes"] if r.get("DestinationCidrBlock") == "0.0.0.0/0")


def test_public_subnet_routes_to_the_internet_gateway(ec2, network):
    table = _table(ec2, network.public_route_table_id)
    assert _default_route(table)["GatewayId"] == network.internet_gateway_id
    assert [a["SubnetId"] for a in table["Associations"]] == [network.public_subnet_id]
    attached = ec2.describe_internet_gateways(InternetGatewayIds=[network.internet_gateway_id])
    assert attached["InternetGateways"][0]["Attachments"][0]["VpcId"] == network.vpc_id


def test_private_subnet_routes_to_the_nat_gateway_and_has_no_internet_gateway_route(ec2, network):
    table = _table(ec2, network.private_route_table_id)
    default = _default_route(table)
    assert default["NatGatewayId"] == network.nat_gateway_id
    assert "GatewayId" not in default
    assert [a["SubnetId"] for a in table["Associations"]] == [network.private_subnet_id]
    assert not any(r.get("GatewayId", "").startswith("igw-") for r in table["Routes"])


def test_nat_gateway_lives_in_the_public_subnet_with_an_elastic_ip(ec2, network):
    nat = ec2.describe_nat_gateways(NatGatewayIds=[network.nat_gateway_id])["NatGateways"][0]
    assert nat["SubnetId"] == network.public_subnet_id
    assert nat["State"] == "available"
    assert nat["NatGatewayAddresses"][0]["AllocationId"].startswith("eipalloc-")


def test_s3_gateway_endpoint_adds_a_prefix_list_route_to_the_private_table_only(ec2, network):
    endpoint = ec2.describe_vpc_endpoints(VpcEndpointIds=[network.s3_endpoint_id])["VpcEndpoints"][0]
    assert endpoint["VpcEndpointType"] == "Gateway"
    assert endpoint["ServiceName"] == "com.amazonaws.us-east-1.s3"
    assert endpoint["RouteTableIds"] == [network.private_route_table_id]

    private_routes = _table(ec2, network.private_route_table_id)["Routes"]
    to_endpoint = [r for r in private_routes if r.get("GatewayId") == network.s3_endpoint_id]
    assert len(to_endpoint) == 1 and to_endpoint[0]["DestinationPrefixListId"].startswith("pl-")
    public_routes = _table(ec2, network.public_route_table_id)["Routes"]
    assert not any(r.get("GatewayId") == network.s3_endpoint_id for r in public_routes)


def test_subnets_sit_inside_the_vpc_cidr_in_one_az(ec2, network):
    subnets = ec2.describe_subnets(SubnetIds=[network.public_subnet_id, network.private_subnet_id])["Subnets"]
    assert {s["CidrBlock"] for s in subnets} == {"10.0.0.0/24", "10.0.16.0/20"}
    assert {s["VpcId"] for s in subnets} == {network.vpc_id}
    assert {s["AvailabilityZone"] for s in subnets} == {"us-east-1a"}
    hostnames = ec2.describe_vpc_attribute(VpcId=network.vpc_id, Attribute="enableDnsHostnames")
    assert hostnames["EnableDnsHostnames"]["Value"] is True


def test_web_tier_takes_https_from_anywhere(ec2, network):
    rules = ec2.describe_security_groups(GroupIds=[network.web_sg_id])["SecurityGroups"][0]["IpPermissions"]
    assert [(r["IpProtocol"], r["FromPort"], r["ToPort"]) for r in rules] == [("tcp", 443, 443)]
    assert rules[0]["IpRanges"][0]["CidrIp"] == "0.0.0.0/0"


def test_app_tier_takes_8080_only_from_the_web_security_group(ec2, network):
    rules = ec2.describe_security_groups(GroupIds=[network.app_sg_id])["SecurityGroups"][0]["IpPermissions"]
    assert [(r["IpProtocol"], r["FromPort"], r["ToPort"]) for r in rules] == [("tcp", 8080, 8080)]
    assert [p["GroupId"] for p in rules[0]["UserIdGroupPairs"]] == [network.web_sg_id]
    assert rules[0]["IpRanges"] == []  # no CIDR source: only members of the web group get in
