# What the checkout code really calls, kept next to that code by the
# checkout team (in a real repository, beside its go.mod) and compared with
# the architecture by `mrplan lint`. The module is what the platform team
# believes; this file is what the code does.

service = "checkout"

dependency "cart" {
  kind = "service"
}

dependency "inventory" {
  kind = "service"
}

dependency "payments" {
  kind = "service"
}

dependency "cognito" {
  kind    = "identity"
  product = "aws.cognito"
}

dependency "route53" {
  kind = "dns"
}

dependency "secrets" {
  kind    = "secrets"
  product = "aws.secrets-manager"
}

# Added last sprint to stop orders to undeliverable addresses. The vendor
# gave us one endpoint, in Virginia. Nobody told the platform team, so the
# module does not know this call exists: lint reports it (MR103), and,
# because the manifest says where it is reachable, also what it does to a
# service that runs in four regions (MR101).
dependency "address-validation" {
  kind    = "third-party"
  regions = ["us-east-1"]
}
