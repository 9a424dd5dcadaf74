# The seed's data classes, each with its own channel.

# LEDGER ENTRIES: critical. Loss tolerance none; one writer; a synchronous
# standby in Dublin (PostgreSQL synchronous_commit = remote_apply) as the
# zero-loss channel, and hourly backups to a vault as the second, independent
# channel - replication faithfully copies a bad migration, a backup does not.
data "ledger-entries" {
  owner           = service.ledger
  product         = "generic.postgresql"
  size            = "12TB"
  write_rate      = 1500
  read_rate       = 9000
  uniqueness      = "global"
  realtime        = true
  loss_tolerance  = "none"
  conflict        = "single-writer"
  consistency     = "strong"
  backup_interval = "1h"
  sync            = ["sync-replication", "backup-restore"]
}

# PAYMENT INSTRUCTIONS: as they arrive from the scheme. Also zero-loss, in
# the same PostgreSQL cluster (an inbox table written in the same
# transaction as the acknowledgement), so the same synchronous standby holds
# them.
data "payment-instructions" {
  owner           = service.payment-intake
  product         = "generic.postgresql"
  size            = "2TB"
  write_rate      = 400
  read_rate       = 400
  uniqueness      = "global"
  loss_tolerance  = "none"
  conflict        = "single-writer"
  backup_interval = "1h"
}

# The balance view is a projection of the ledger, rebuilt by replaying
# entries: regenerable, so it is never replicated, only rebuilt.
data "balance-view" {
  owner       = service.balance-api
  product     = "azure.cache-redis"
  size        = "120GiB"
  write_rate  = 1500
  read_rate   = 6000
  regenerable = true
}

# Fraud cases: important. The vendor has its own copy of every score.
data "fraud-cases" {
  owner      = service.fraud-screening
  product    = "azure.sql-database"
  size       = "300GB"
  write_rate = 40
  read_rate  = 60
}

# Statements are rendered from ledger entries, which are kept for ten years
# and never lost: the PDF archive is regenerable, so it is neither replicated
# nor counted against the RPO; after a regional loss it is re-rendered.
data "statement-archive" {
  owner       = service.statements
  product     = "azure.storage-grs"
  size        = "80TiB"
  write_rate  = 5
  read_rate   = 50
  regenerable = true
}
