data "cardholders" {
  owner      = service.payments
  product    = "aws.aurora-postgresql"
  size       = "200GB"
  write_rate = 300
  read_rate  = 2000
  uniqueness = "global"
  residency  = ["EU"]
}

data "ledger" {
  owner          = service.payments
  product        = "aws.aurora-postgresql"
  size           = "2TB"
  write_rate     = 1200
  loss_tolerance = "5s" # Aurora Global replicates asynchronously, about 1s behind
  residency      = ["EU"]
}
