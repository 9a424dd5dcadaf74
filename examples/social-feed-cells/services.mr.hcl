# All user-facing paths run in all three regions; users are routed to the
# nearest one and stay there. Only trends stays in one region.

service "timeline" {
  description = "Serves a user's home timeline: the posts of people they follow, newest first."
  criticality = "core"
  objective   = objective.feed
  regions     = [region.americas, region.europe, region.asia]

  depends_on = [service.accounts, dependency.identity-platform, dependency.cloud-dns]
  reads      = [data.timelines, data.posts, module.likes.store]

  traffic {
    rps        = 250000
    read_ratio = 1
  }

  routing {
    policy  = "latency"
    dns_ttl = "30s"
  }

  compensation   = "After a regional loss, moved users see a timeline rebuilt from their follows; posts from the lost region's last seconds appear when it returns."
  failover_drill = "2026-11-10"

  observability {
    health_checks = true
    dashboards    = ["timeline-latency-by-region"]
  }
}

service "posting" {
  description = "Creates, edits and deletes posts."
  criticality = "core"
  revenue     = true # every post carries ads into someone's timeline
  objective   = objective.feed
  regions     = [region.americas, region.europe, region.asia]

  # The app uploads photos to media first and posts only their ids, so
  # posting never calls media (tier 1): a media outage degrades to text-only
  # posts instead of taking posting down with it.
  depends_on = [service.accounts, dependency.identity-platform]
  writes     = [data.posts]

  traffic {
    rps        = 20000
    read_ratio = 0.1
  }

  routing {
    policy  = "geo"
    dns_ttl = "30s"
  }

  compensation   = "A post written in the last seconds before its home region failed may be missing; the app keeps drafts locally for 24 h and offers to re-post."
  failover_drill = "2026-11-10"

  observability {
    replication_lag_alert = "5s"
    health_checks         = true
  }
}

service "accounts" {
  description = "Sign-up, usernames and profile basics."
  criticality = "core"
  objective   = objective.accounts
  regions     = [region.americas, region.europe, region.asia]

  depends_on = [dependency.identity-platform]
  reads      = [data.usernames]
  writes     = [data.usernames]

  routing {
    dns_ttl = "30s"
  }

  compensation   = "Sign-ups fail fast during a quorum loss; the form keeps its contents and retries."
  failover_drill = "2026-11-10"

  observability {
    replication_lag_alert = "1s"
    health_checks         = true
  }
}

service "fanout" {
  description = "Writes each new post into the cached timelines of the author's followers."
  criticality = "important"
  objective   = objective.feed
  regions     = [region.americas, region.europe, region.asia]
  # Tier 1 would default to active-passive, but timelines are cached per
  # region, so each region must build its own.
  topology = "active-active"

  reads  = [data.posts, module.graph.store]
  writes = [data.timelines]

  failover_drill = "2026-11-10"

  observability {
    health_checks = true
  }
}

# likes and graph are two cells of one shape: an active-active service of
# tier 1 that writes one data class whose conflicts resolve by themselves.
# The shape lives once, in modules/engagement-cell; each call below says
# only what differs.
module "likes" {
  source      = "./modules/engagement-cell"
  description = "Likes and like-counts."
  objective   = objective.feed
  regions     = local.serving
  lag_alert   = "10s"
  traffic     = { rps = 60000, read_ratio = 0.2 }

  data = {
    product        = "generic.redis-enterprise-aa"
    size           = "2TiB"
    write_rate     = 50000
    read_rate      = 300000
    conflict       = "crdt"
    loss_tolerance = "1m"
  }
}

module "graph" {
  source        = "./modules/engagement-cell"
  description   = "Follow and unfollow."
  objective     = objective.feed
  regions       = local.serving
  lag_alert     = "10s"
  health_checks = false

  data = {
    product        = "gcp.bigtable"
    size           = "30TB"
    write_rate     = 3000
    read_rate      = 100000
    conflict       = "lww"
    loss_tolerance = "2m"
  }
}

service "media" {
  description = "Photo and video upload, transcoding and delivery through the CDN."
  criticality = "important"
  objective   = objective.feed
  # Inline overrides: Cloud Storage copies objects between continents in
  # the background (up to an hour behind), and the app keeps every original
  # until the upload is confirmed replicated, so an hour of RPO loses
  # nothing a user cannot re-send. Delivery is through the CDN, which keeps
  # serving cached media while a region fails over.
  rpo      = "1h"
  rto      = "5m"
  regions  = [region.americas, region.europe, region.asia]
  topology = "active-active"

  depends_on = [dependency.cloud-cdn]
  writes     = [data.media]

  failover_drill = "2026-11-10"

  observability {
    replication_lag_alert = "15m"
  }
}

service "push" {
  description = "Push notifications: 'X liked your post'."
  criticality = "auxiliary"
  objective   = objective.extras
  regions     = [region.americas, region.europe]

  depends_on = [dependency.push-gateways]
  reads      = [module.graph.store]
  writes     = [data.notification-inbox]
}

service "trends" {
  description = "Trending topics, recomputed every five minutes from a sample of posts."
  # An explicit tier wins over everything else: trends earns nothing and
  # its objective alone would not say so.
  tier      = 2
  objective = objective.extras
  regions   = [region.americas]

  reads = [data.posts]
}
