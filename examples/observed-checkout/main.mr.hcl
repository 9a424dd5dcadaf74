# A two-region shop on AWS, and what its logs say it really calls.
#
# The module below is what the team believes. Beside it, observed/ holds
# what production shows: a day of Route 53 Resolver query logs (gzip, as
# they land in S3, with a corrupt line), a Jaeger dependencies export, and
# `terraform show -json` of the deployed state. Run
#
#   mrplan discover examples/observed-checkout --observe examples/observed-checkout/observed/resolver.jsonl.gz \
#     --observe examples/observed-checkout/observed/dependencies.json --observe examples/observed-checkout/observed/state.json
#
# to see the difference; `--write` turns it into dependency blocks to review.

mrplan {
  required_version = ">= 0.1"
}

provider "aws" {}

region "eu-central-1" {}
region "eu-west-1" {}

objective "revenue" {
  rpo     = "5s"
  rto     = "5m"
  survive = "region"
}
