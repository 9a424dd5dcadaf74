mrplan {
  internal_zones = ["corp.example.com", "svc.shop"]
}

provider "aws" {}

region "eu-central-1" {}

service "checkout" {
  regions    = [region.eu-central-1]
  depends_on = [dependency.stripe]
  writes     = [data.orders]
  observe {
    names     = ["checkout", "checkout-api"]
    vpcs      = ["vpc-0a1b2c3d"]
    instances = ["i-0c0ffee0*"]
    cidrs     = ["10.1.4.0/24"]
    terraform = ["module.checkout"]
  }
}

data "orders" {
  owner   = service.checkout
  product = "aws.dynamodb"
  observe {
    terraform = ["aws_dynamodb_table.orders"]
  }
}

dependency "stripe" {
  kind = "third-party"
  observe {
    hosts = ["api.stripe.com", "*.stripe.com"]
  }
}
