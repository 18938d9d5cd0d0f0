"""Run the networking samples in examples/networking/ against moto (VPC, Route 53, CloudFront)."""

from __future__ import annotations

import boto3
import pytest
from conftest import load_example
from moto import mock_aws

vpc_sample = load_example("examples/networking/vpc_public_private.py")


@pytest.fixture
def ec2(aws):
    return aws("ec2")


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


route53_sample = load_example("examples/networking/route53_routing.py")


@pytest.fixture
def route53(aws):
    return aws("route53")


def _records(route53, zone_id: str, name: str) -> list[dict]:
    sets = route53.list_resource_record_sets(HostedZoneId=zone_id)["ResourceRecordSets"]
    return sorted((r for r in sets if r["Name"] == name), key=lambda r: r["SetIdentifier"])


def test_hosted_zone_is_public_with_soa_and_ns(route53):
    ids = route53_sample.build(route53)
    zone = route53.get_hosted_zone(Id=ids["zone_id"])
    assert zone["HostedZone"]["Name"] == "example.com."
    assert zone["HostedZone"]["Config"]["PrivateZone"] is False
    assert len(zone["DelegationSet"]["NameServers"]) == 4  # give these to the domain registrar
    apex = {r["Type"] for r in route53.list_resource_record_sets(HostedZoneId=ids["zone_id"])["ResourceRecordSets"]
            if r["Name"] == "example.com."}
    assert {"SOA", "NS"} <= apex


def test_health_check_probes_https_every_30_seconds(route53):
    ids = route53_sample.build(route53)
    config = route53.get_health_check(HealthCheckId=ids["health_check_id"])["HealthCheck"]["HealthCheckConfig"]
    assert config["Type"] == "HTTPS"
    assert config["FullyQualifiedDomainName"] == "primary.example.com"
    assert (config["Port"], config["ResourcePath"]) == (443, "/health")
    assert (config["RequestInterval"], config["FailureThreshold"]) == (30, 3)


def test_only_the_primary_failover_record_carries_the_health_check(route53):
    ids = route53_sample.build(route53)
    primary, secondary = _records(route53, ids["zone_id"], "www.example.com.")
    assert (primary["SetIdentifier"], primary["Failover"]) == ("primary", "PRIMARY")
    assert primary["HealthCheckId"] == ids["health_check_id"]
    assert primary["ResourceRecords"] == [{"Value": "192.0.2.10"}]
    assert (secondary["Failover"], secondary["ResourceRecords"]) == ("SECONDARY", [{"Value": "198.51.100.10"}])
    assert "HealthCheckId" not in secondary
    assert primary["TTL"] == secondary["TTL"] == 60


def test_weighted_records_split_90_10(route53):
    ids = route53_sample.build(route53)
    blue, green = _records(route53, ids["zone_id"], "api.example.com.")
    assert (blue["SetIdentifier"], blue["Weight"]) == ("blue", 90)
    assert (green["SetIdentifier"], green["Weight"]) == ("green", 10)
    assert route53_sample.traffic_share([blue, green]) == pytest.approx({"blue": 0.9, "green": 0.1})


def test_traffic_share_edge_cases():
    def records(weights):
        return [{"SetIdentifier": k, "Weight": w} for k, w in weights.items()]

    assert route53_sample.traffic_share(records({"a": 1, "b": 1, "c": 2})) == pytest.approx(
        {"a": 0.25, "b": 0.25, "c": 0.5}
    )
    # Weight 0 drains a record while others have weight; all zero spreads traffic evenly.
    assert route53_sample.traffic_share(records({"old": 0, "new": 255})) == {"old": 0.0, "new": 1.0}
    assert route53_sample.traffic_share(records({"a": 0, "b": 0})) == {"a": 0.5, "b": 0.5}


cloudfront_sample = load_example("examples/networking/cloudfront_invalidate.py")
DISTRIBUTION_CONFIG = {
    "CallerReference": "static-site",
    "Comment": "static site",
    "Enabled": True,
    "DefaultRootObject": "index.html",
    "Origins": {
        "Quantity": 1,
        "Items": [
            {
                "Id": "s3",
                "DomainName": "amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com",
                "S3OriginConfig": {"OriginAccessIdentity": ""},  # empty: the origin uses OAC, not an OAI
            }
        ],
    },
    "DefaultCacheBehavior": {"TargetOriginId": "s3", "ViewerProtocolPolicy": "redirect-to-https"},
}


@pytest.fixture
def distribution(aws_env):
    with mock_aws():
        cloudfront = boto3.client("cloudfront", region_name="us-east-1")
        dist = cloudfront.create_distribution(DistributionConfig=DISTRIBUTION_CONFIG)["Distribution"]
        yield cloudfront, dist["Id"]


def test_paths_get_a_leading_slash_are_url_encoded_and_deduplicated():
    paths = cloudfront_sample.invalidation_paths(["css/site.css", "/css/site.css", "docs/my page.html"])
    assert paths == ["/css/site.css", "/docs/my%20page.html"]


def test_root_index_also_invalidates_the_default_root_object():
    assert cloudfront_sample.invalidation_paths(["index.html"]) == ["/", "/index.html"]
    assert cloudfront_sample.invalidation_paths(["docs/index.html"]) == ["/docs/index.html"]


def test_many_changed_files_collapse_into_one_wildcard():
    keys = [f"assets/{n}.js" for n in range(101)]
    assert cloudfront_sample.invalidation_paths(keys) == ["/*"]
    assert len(cloudfront_sample.invalidation_paths(keys[:100])) == 100


def test_caller_reference_is_stable_for_a_retry_and_changes_with_the_paths():
    first = cloudfront_sample.caller_reference("deploy-42", ["/a", "/b"])
    assert first == cloudfront_sample.caller_reference("deploy-42", ["/b", "/a"])
    assert first != cloudfront_sample.caller_reference("deploy-42", ["/a"])
    assert first != cloudfront_sample.caller_reference("deploy-43", ["/a", "/b"])
    assert first.startswith("deploy-42-")


def test_invalidation_is_created_with_the_paths_and_reference(distribution):
    cloudfront, dist_id = distribution
    result = cloudfront_sample.invalidate(cloudfront, dist_id, "deploy-42", ["index.html", "app.js"])
    stored = cloudfront.get_invalidation(DistributionId=dist_id, Id=result["Id"])["Invalidation"]
    batch = stored["InvalidationBatch"]
    assert batch["Paths"] == {"Quantity": 3, "Items": ["/", "/app.js", "/index.html"]}
    assert batch["CallerReference"] == cloudfront_sample.caller_reference("deploy-42", ["/", "/app.js", "/index.html"])


def test_request_shape_matches_the_api_model():
    # Stubber validates the request against botocore's model and checks the exact parameters.
    from botocore.stub import Stubber

    client = boto3.client("cloudfront", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    paths = ["/", "/index.html"]
    expected = {
        "DistributionId": "EDFDVBD6EXAMPLE",
        "InvalidationBatch": {
            "Paths": {"Quantity": 2, "Items": paths},
            "CallerReference": cloudfront_sample.caller_reference("deploy-7", paths),
        },
    }
    reply = {"Location": "https://example.com", "Invalidation": {
        "Id": "I2J0I21PCUYOIK", "Status": "InProgress", "CreateTime": "2026-11-29T12:00:00Z",
        "InvalidationBatch": expected["InvalidationBatch"]}}
    with Stubber(client) as stub:
        stub.add_response("create_invalidation", reply, expected)
        result = cloudfront_sample.invalidate(client, "EDFDVBD6EXAMPLE", "deploy-7", ["index.html"])
        stub.assert_no_pending_responses()
    assert result == {"Id": "I2J0I21PCUYOIK", "Status": "InProgress", "Paths": paths}


@pytest.mark.parametrize(("paths", "usd"), [(0, 0.0), (1_000, 0.0), (1_001, 0.005), (3_000, 10.0)])
def test_invalidation_cost_after_the_free_paths(paths, usd):
    assert cloudfront_sample.invalidation_cost(paths) == pytest.approx(usd)
