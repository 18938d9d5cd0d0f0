"""The rules, one module per part of a policy; docscheck.iam.policy runs them in order."""
