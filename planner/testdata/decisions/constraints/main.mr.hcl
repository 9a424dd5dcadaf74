# SPEC §10: residency keeps copies inside the jurisdiction, and capacity is
# judged on the regions each failure leaves.

region "eu-west-1" {
  capacity = 800
}
region "eu-central-1" {}
region "us-east-1" {
  capacity = 800
}

audience "americas" {
  share = 0.6
  near  = region.us-east-1
}
audience "europe" {
  share = 0.4
  near  = region.eu-west-1
}

# EU personal data read from the US: no replica goes there, the reader
# reads from Ireland; the backups go to Frankfurt, the nearest EU region.
# want: data.customers copies=eu-central-1:replica+f,eu-central-1:backup,eu-west-1:primary
# want: data.customers remote=service.support@us-east-1<eu-west-1 backup=eu-central-1 regions=eu-central-1,eu-west-1
data "customers" {
  owner     = service.accounts
  product   = "aws.aurora-postgresql"
  residency = ["EU"]
}

service "accounts" {
  criticality = "important"
  regions     = [region.eu-west-1, region.eu-central-1]
}

service "support" {
  criticality = "auxiliary"
  regions     = [region.us-east-1]
  reads       = [data.customers]
}

# Without residency the US reader brings a replica, and the backups go to
# the nearest other region holding the data.
# want: data.catalog copies=eu-west-1:primary,us-east-1:replica,us-east-1:backup remote=
data "catalog" {
  owner          = service.shop
  product        = "aws.aurora-postgresql"
  loss_tolerance = "5m"
}

service "shop" {
  criticality = "important"
  regions     = [region.eu-west-1]
}

service "browse" {
  criticality = "auxiliary"
  regions     = [region.us-east-1]
  reads       = [data.catalog]
}

# Audiences go to their nearest region: 600 rps to us-east-1, 400 to
# eu-west-1. Losing us-east-1 sends all 1000 to eu-west-1, which carries
# 800; losing one of us-east-1's six zones leaves it 5/6 of 800.
# want: service.api capacity=1000/1600,eu-west-1:400:800,us-east-1:600:800
# want: service.api cap(region:us-east-1)=1000/800!,eu-west-1:1000:800
# want: service.api cap(zone:us-east-1-z1)=1000/1467,eu-west-1:400:800,us-east-1:600:667
service "api" {
  criticality = "core"
  regions     = [region.eu-west-1, region.us-east-1]
  traffic {
    rps = 1000
  }
}

# The service's own figure wins over the region's.
# want: service.search capacity=1000/2000,eu-west-1:1000:2000
service "search" {
  criticality = "important"
  regions     = [region.eu-west-1, region.us-east-1]
  traffic {
    rps = 1000
  }
  capacity {
    eu-west-1 = 2000
  }
}
