# Four regions on three continents: a cross-country deployment. Latency
# between them (≈ 65 ms across the Atlantic, ≈ 150 ms across the Pacific)
# rules out synchronous replication for anything on the request path; see
# data.mr.hcl for what is replicated asynchronously and what is partitioned.

region "us-east-1" {}      # N. Virginia: the home region, where writes start
region "us-west-2" {}      # Oregon: the US failover region, and the US West audience
region "eu-west-1" {}      # Ireland: serves Europe, keeps European shoppers' carts close
region "ap-northeast-1" {} # Tokyo: the newest market; only the buying path and browsing run here

# Where the shoppers are. Shares drive latency-based routing and tell the
# planner whose traffic moves where when a region is lost.
audience "us-east" {
  share = 0.35
  near  = region.us-east-1
}

audience "us-west" {
  share = 0.15
  near  = region.us-west-2
}

audience "europe" {
  share = 0.30
  near  = region.eu-west-1
}

audience "japan" {
  share = 0.20
  lat   = 35.68
  lon   = 139.69
}
