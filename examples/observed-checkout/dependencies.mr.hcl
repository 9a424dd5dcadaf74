dependency "stripe" {
  kind     = "third-party"
  global   = true
  fallback = "queue the capture and retry"
  observe {
    hosts = ["api.stripe.com", "*.stripe.com"]
  }
}

# Each region reads its own replica of the secrets.
dependency "secrets" {
  kind    = "secrets"
  product = "aws.secrets-manager"
  regions = [region.eu-central-1, region.eu-west-1]
}
