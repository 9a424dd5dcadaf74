# Common unit slips get the spelling they meant, and a reference of the
# wrong kind names what it is in words ("a data class").
provider "aws" {}

region "us-east-1" {}

service "shipping" {
  regions    = [region.us-east-1]
  rpo        = "5min"          # error: Invalid duration
  rto        = "2 hours"       # error: Invalid duration
  depends_on = [data.waybills] # error: Invalid reference kind
}

data "waybills" {
  owner           = service.shipping
  product         = "aws.aurora-postgresql"
  size            = "900tb" # error: Invalid size
  backup_interval = "1day"  # error: Invalid duration
}
