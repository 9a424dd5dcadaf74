# Step 2, data classification, and step 3, data synchronisation.
#
# The seed's point: real-time cross-region consistency is physically out of
# reach across an ocean, so aim for eventual consistency on core data, copy
# only what must be copied, and regenerate the rest. Each data class below
# says which of the five classes it is meant to land in, and why.

# ORDERS: critical in spirit (an order number must be unique worldwide and an
# order must not vanish), but across continents we cannot afford a zero-loss
# synchronous write. So: one writer (Aurora global database, primary in
# us-east-1), read replicas everywhere, and a second channel - the outbox -
# from which lost orders can be rebuilt. The seed's "never trust one channel".
data "orders" {
  owner           = service.checkout
  product         = "aws.aurora-postgresql"
  size            = "3TB"
  write_rate      = 600
  read_rate       = 4000
  uniqueness      = "global"
  loss_tolerance  = "5s"
  conflict        = "single-writer"
  consistency     = "strong"
  backup_interval = "1h"
}

# Returns and refunds requested through customer service: important (an hour
# of RPO is acceptable, the refund is also in the payment gateway), replicated
# asynchronously to the standby.
data "returns" {
  owner      = service.orders
  product    = "aws.aurora-postgresql"
  size       = "50GB"
  write_rate = 20
  read_rate  = 100
}

# The transactional outbox: every order also emits an event in the same
# transaction. Notifications consume it; the reconciliation job replays it.
# It is rebuilt from the orders table, so it is never copied across regions.
data "order-outbox" {
  owner       = service.checkout
  product     = "aws.sqs"
  write_rate  = 600
  regenerable = true
}

# PAYMENT INTENTS: globally unique (idempotency keys) and read-after-write
# (a retried capture must see the first one) - the "realtime with global
# uniqueness" row, so critical. DynamoDB global tables replicate in about a
# second; each intent has one home region (the shopper's), so writes are
# partitioned and never conflict. The second channel is the gateway itself:
# an intent missing after failover is fetched from it by idempotency key.
data "payment-intents" {
  owner         = service.payments
  product       = "aws.dynamodb"
  size          = "400GB"
  write_rate    = 900
  read_rate     = 1500
  uniqueness    = "global"
  realtime      = true
  partition_key = "customer_id"
  sync          = ["async-replication", "on-demand-fetch"]
}

# STOCK: globally unique per SKU and warehouse, but deliberately NOT
# realtime. Each warehouse's stock is written only from its home region
# (partitioned by warehouse); other regions reserve against their replicated
# copy minus a safety margin, and the home region confirms. That is the
# seed's technique 2 - eventual consistency for core data - instead of a
# cross-ocean synchronous write on every reservation. The rare oversell is
# handled by inventory's compensation.
data "stock" {
  owner          = service.inventory
  product        = "aws.dynamodb"
  size           = "20GB"
  write_rate     = 1200
  read_rate      = 20000
  uniqueness     = "global"
  loss_tolerance = "5s"
  partition_key  = "warehouse_id"
  conflict       = "single-writer"
}

# CARTS: a lost cart annoys but costs little, and two regions editing the
# same cart is rare (a shopper is routed to one region). DynamoDB global
# tables with last-writer-wins: multi-primary, no coordination.
data "carts" {
  owner          = service.cart
  product        = "aws.dynamodb"
  size           = "150GB"
  write_rate     = 1800
  read_rate      = 4200
  loss_tolerance = "1m"
  conflict       = "lww"
  partition_key  = "customer_id"
}

# SESSIONS: regenerable. A shopper whose session is lost signs in again
# (Cognito refresh token); copying sessions across regions buys nothing.
data "sessions" {
  owner       = service.cart
  product     = "aws.elasticache-redis"
  size        = "40GiB"
  write_rate  = 3000
  read_rate   = 30000
  regenerable = true
}

# PRODUCTS: written by a handful of merchandisers, read by everyone: the
# reference class. Replicated copies in every region, plus secondary reads
# from the primary when a replica misses a brand-new product.
# Loss tolerance is long because every edit is also in the PIM export.
data "products" {
  owner          = service.catalog
  product        = "aws.aurora-postgresql"
  size           = "200GB"
  write_rate     = 5
  read_rate      = 20000
  loss_tolerance = "4h"
}

# A per-region cache of rendered prices, rebuilt from products on a miss.
data "price-cache" {
  owner       = service.catalog
  product     = "aws.elasticache-redis"
  size        = "8GiB"
  regenerable = true
}

# The search index is rebuilt from products by the indexer; replicating a
# search index across regions is waste.
data "search-index" {
  owner       = service.search
  product     = "aws.opensearch"
  size        = "600GB"
  regenerable = true
}

# Trained recommendation models: large, cheap to retrain, never replicated.
# The bulk class is backups only; with regenerable set, not even that.
data "rec-models" {
  owner           = service.recommendations
  product         = "aws.s3"
  size            = "2TiB"
  regenerable     = true
  backup_interval = "7d"
}
