# Everything the services call that this team does not run.
#
# The seed's list of why multi-region systems fail: "not every dependency is
# truly multi-region - DNS, databases, queues, caches, third-party APIs and
# operational runbooks". Each block says where the thing really is.

# The card processor. Our contract gives us one dedicated endpoint, reachable
# only through a PrivateLink connection in us-east-1, with our us-east-1 NAT
# addresses on its allow-list. Nothing in the code says "us-east-1": the
# region is hidden in a network configuration. No fallback: without it we
# cannot take money. This is the dependency mrplan is built to find (MR101).
dependency "payment-gateway" {
  kind    = "third-party"
  regions = [region.us-east-1]
}

# Cognito user pools are regional and do not replicate. Ours lives in
# us-east-1. It is NOT a hidden single-region dependency, because tokens are
# JWTs checked locally against cached signing keys: signed-in shoppers keep
# shopping when us-east-1 is gone, only new sign-ins fail. The fallback makes
# it a soft dependency, and the plan says so.
dependency "cognito" {
  kind     = "identity"
  product  = "aws.cognito"
  regions  = [region.us-east-1]
  fallback = "validate JWTs locally with cached signing keys; new sign-ins fail until us-east-1 returns"
}

# Route 53 as the services use it: name resolution and health-check
# failover, both served by its global data plane. Its control plane (the
# API that edits records) lives in us-east-1, and the built-in catalog entry
# "aws.route53" says so; mrplan then treats the whole dependency as pinned
# there. Nothing here calls that API at runtime, and the failover runbook
# never edits records during an outage (health checks flip them), so this
# dependency is declared as the data plane alone: no product, global.
dependency "route53" {
  kind   = "dns"
  global = true
}

# Multi-Region KMS keys, replicated to every region we run in.
dependency "kms" {
  kind    = "secrets"
  product = "aws.kms"
  regions = [region.us-east-1, region.us-west-2, region.eu-west-1, region.ap-northeast-1]
}

# Secrets Manager with replica secrets in every serving region.
dependency "secrets" {
  kind    = "secrets"
  product = "aws.secrets-manager"
  regions = [region.us-east-1, region.us-west-2, region.eu-west-1, region.ap-northeast-1]
}

# The e-mail service provider. Reachable from anywhere; when it is down,
# messages wait in the outbox.
dependency "email-provider" {
  kind     = "third-party"
  global   = true
  fallback = "queue and retry from the outbox for up to 72h"
}
