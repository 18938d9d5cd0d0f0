"""Resource and NotResource: ARN syntax and format, policy variables, repeated values."""

from __future__ import annotations

from ..arns import check_arn, check_arn_format
from ..context import Context, Statement
from .variables import check_variables


def check_resources(ctx: Context, st: Statement) -> None:
    for name in ("Resource", "NotResource"):
        member = st.members.get(name)
        if member is None:
            continue
        for resource, node, path in ctx.distinct_strings(member, f"{st.path}.{name}"):
            if resource == "*" or _api_gateway_shorthand(ctx, resource):
                continue
            if not check_variables(ctx, resource, node, path):
                continue
            parts = check_arn(ctx, resource, node, path)
            if parts is None:
                continue
            data = ctx.data(node, path)
            if data is not None:
                check_arn_format(ctx, data, resource, parts, node, path)


def _api_gateway_shorthand(ctx: Context, resource: str) -> bool:
    """API Gateway resource policies may write "execute-api:/stage/GET/path" for the API's own ARN."""
    return (
        ctx.policy_type == "resource"
        and ctx.resource_type in (None, "AWS::ApiGateway::RestApi")
        and resource.startswith("execute-api:/")
    )
