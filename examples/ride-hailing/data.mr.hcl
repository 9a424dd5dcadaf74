# Steps 2 and 3: classify each kind of data by volume, uniqueness, real-time
# need, loss tolerance and whether it can be rebuilt - then pick how it is
# kept in sync. Most of the data here is NOT copied between cities at all.

# BALANCES: the one data class that must be right everywhere, at once.
# Realtime (a rider must not spend the same yuan in two cities), globally
# unique (one balance per account) and not one write may be lost.
# MySQL Group Replication commits a write only when a majority of the group
# (Hangzhou, Shanghai, and the arbiter in Zhangjiakou) has it: a synchronous
# channel at the price of one Hangzhou-Shanghai round trip (~5 ms). Writes
# stay single-primary in Hangzhou; a second channel (every balance change is
# also an event the other city's reconciler checks) catches what replication
# might miss - the seed's "never rely on one sync channel".
data "balances" {
  owner           = service.wallet
  product         = "generic.mysql-group-replication"
  size            = "200GB"
  write_rate      = 1200
  read_rate       = 1800
  uniqueness      = "global"
  realtime        = true
  loss_tolerance  = "none"
  conflict        = "single-writer"
  consistency     = "strong"
  backup_interval = "1h"
}

# PAYMENT RECORDS: what we asked Alipay / WeChat Pay to charge. Important,
# not critical: the payment channel keeps the authoritative record, so what
# a failover loses is re-fetched from it. Self-run MySQL with semi-synchronous
# replication to the other city: a commit waits until the other city has
# the transaction in its relay log, so a failover loses (almost) nothing,
# and Orchestrator promotes the replica automatically. (PolarDB's global
# database network would be simpler to run, but its cross-region switchover
# is manual and takes minutes - longer than the ride objective allows.)
data "payment-records" {
  owner      = service.payments
  product    = "generic.mysql-semisync"
  size       = "1TB"
  write_rate = 800
  read_rate  = 400
  uniqueness = "global"
  conflict   = "single-writer"
}

# TRIPS: partitioned by city. A Hangzhou trip is written only in Hangzhou,
# a Shanghai trip only in Shanghai - the seed's way to get active-active
# writes without conflicts: give every record a home. Each city's MySQL
# primary replicates semi-synchronously to a replica in the other city, so
# either city can take over the other's trips.
data "trips" {
  owner          = service.trips
  product        = "generic.mysql-semisync"
  size           = "8TB"
  write_rate     = 5000
  read_rate      = 12000
  uniqueness     = "global"
  partition_key  = "city_id"
  loss_tolerance = "5s"
}

# SESSIONS: regenerable. A lost session means signing in again - cheaper
# than replicating 50,000 token writes a second to another city.
data "sessions" {
  owner       = service.login
  product     = "alicloud.tair"
  size        = "60GiB"
  write_rate  = 50000
  read_rate   = 200000
  regenerable = true
}

# DRIVER LOCATIONS: the highest write rate in the system and worthless after
# ten seconds. Each city keeps its own; after failover, drivers' apps
# re-send their position within 3 seconds. Never replicated.
data "driver-locations" {
  owner       = service.driver-location
  product     = "alicloud.tair"
  size        = "30GiB"
  write_rate  = 150000
  read_rate   = 400000
  regenerable = true
}

# SURGE: recomputed every 30 seconds from demand and supply.
data "surge" {
  owner       = service.pricing
  product     = "alicloud.tair"
  size        = "1GiB"
  write_rate  = 50
  read_rate   = 8000
  regenerable = true
}

# FARE RULES: edited a few times a day by the operations team, read on every
# quote - the reference class: a replicated copy in each city, and a read
# from the other city when the local copy misses a rule just published.
# A day of edits can be lost: every rule change is also a reviewed commit.
data "fare-rules" {
  owner          = service.pricing
  product        = "alicloud.rds-mysql"
  size           = "2GB"
  write_rate     = 1
  read_rate      = 8000
  loss_tolerance = "24h"
}

# USERS: phone numbers must be unique across both cities. One writer
# (registration, in Hangzhou) keeps them unique without coordination; login
# in Shanghai reads the asynchronous replica (a PolarDB global database
# network: a plain PolarDB cluster does not replicate across regions).
data "users" {
  owner      = service.registration
  product    = "alicloud.polardb-global"
  size       = "500GB"
  write_rate = 50
  read_rate  = 20000
  uniqueness = "global"
  conflict   = "single-writer"
}

# RECEIPTS: bulk. Large, written once, read rarely; backed up and kept in
# OSS with cross-region replication because they are over a terabyte and
# the tax office may ask for any of them for years.
data "receipts" {
  owner           = service.receipts
  product         = "alicloud.oss"
  size            = "40TB"
  write_rate      = 100
  read_rate       = 10
  loss_tolerance  = "1d"
  backup_interval = "24h"
}
