# observe blocks: malformed patterns are reported at the attribute, and an
# attribute another kind of block takes is unknown here.
mrplan {
  internal_zones = ["*.corp"] # error: Invalid zone
}

provider "aws" {}

region "eu-central-1" {}

service "checkout" {
  regions = [region.eu-central-1]
  observe {
    vpcs      = ["vpc-0a1b2c3d"]
    instances = ["i-[0c0ffee"]        # error: Invalid instance pattern
    cidrs     = ["10.1.0.0/33"]       # error: Invalid CIDR
    terraform = ["module.checkout."]  # error: Invalid Terraform address
    hosts     = ["api.stripe.com"]    # error: Unsupported argument
  }
}

dependency "stripe" {
  kind = "third-party"
  observe {
    hosts = ["*.stripe.com", "bad host"] # error: Invalid host pattern
    vpcs  = ["vpc-1"]                    # error: Unsupported argument
  }
}
