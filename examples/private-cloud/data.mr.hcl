# WAYBILLS: critical. A tracking number must be unique across the company
# and a created shipment must never vanish: loss tolerance none, in TiDB,
# whose Raft majority commit is the zero-loss channel. Backups to Ceph every
# hour are the second, independent channel.
data "waybills" {
  owner           = service.waybill
  product         = "corp.tidb"
  size            = "25TB"
  write_rate      = 900
  read_rate       = 6000
  uniqueness      = "global"
  realtime        = true
  loss_tolerance  = "none"
  consistency     = "strong"
  conflict        = "single-writer"
  backup_interval = "1h"
}

# SCAN EVENTS: important. Each hub writes to the Kafka cluster of its own
# site (partitioned by hub); MirrorMaker 2 copies each site's topics to the
# others, so any site can answer "where is my parcel".
data "scan-events" {
  owner          = service.tracking
  product        = "generic.kafka-mm2"
  size           = "60TB"
  write_rate     = 25000
  read_rate      = 15000
  partition_key  = "hub_id"
  loss_tolerance = "30s"
}

# The latest status per parcel, a cache rebuilt from scan events.
data "tracking-cache" {
  owner       = service.tracking
  product     = "generic.redis"
  size        = "200GiB"
  write_rate  = 25000
  read_rate   = 30000
  regenerable = true
}

# DELIVERY PHOTOS: bulk. Proof of delivery, kept 180 days, replicated
# between sites by Ceph multi-site.
data "delivery-photos" {
  owner          = service.proof-of-delivery
  product        = "corp.ceph-rgw"
  size           = "900TB"
  write_rate     = 400
  read_rate      = 50
  loss_tolerance = "1d"
}

# INVOICES: important; PostgreSQL with an asynchronous replica in Beijing.
data "invoices" {
  owner           = service.billing
  product         = "generic.postgresql"
  size            = "3TB"
  write_rate      = 30
  read_rate       = 200
  backup_interval = "6h"
}

# Overseas shipments never leave Singapore: not replicated, backed up within
# the data centre (to the other hall), restored there.
data "overseas-shipments" {
  owner           = service.overseas
  product         = "generic.postgresql"
  size            = "800GB"
  write_rate      = 40
  read_rate       = 300
  uniqueness      = "regional"
  backup_interval = "15m"
  sync            = ["backup-restore"]
}
