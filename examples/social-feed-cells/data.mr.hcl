# Every data class says how it converges after regions diverge. None of them
# is made strongly consistent across continents except usernames.

# POSTS: partitioned. Each user has a home region (where they signed up or
# last moved); their posts are written only there and replicated to the
# others by Bigtable replication. One writer per record: no conflicts, and
# the seed's eventual consistency for core data.
data "posts" {
  owner          = service.posting
  product        = "gcp.bigtable"
  size           = "400TB"
  write_rate     = 20000
  read_rate      = 900000
  partition_key  = "author_id"
  loss_tolerance = "2m"
  # Readers in other regions may see a new post a minute late; said
  # explicitly because posts are the feed's core data.
  consistency = "eventual"
}

# TIMELINES: regenerable. A timeline is a cache of post ids, rebuilt from
# posts and follows. Copying 250,000 reads a second worth of cache across an
# ocean would cost more than rebuilding it.
data "timelines" {
  owner       = service.fanout
  product     = "gcp.memorystore-redis"
  size        = "6TiB"
  write_rate  = 400000
  read_rate   = 250000
  regenerable = true
}

# LIKE COUNTS (CRDT counters: every region increments locally and the
# counts merge by addition) and FOLLOWS (last-writer-wins: follow then
# unfollow from two devices resolves to whichever came last) are declared
# by the engagement cells in services.mr.hcl.

# USERNAMES: the one place we pay for global consensus. Spanner commits each
# write to a cross-continent quorum; reads anywhere are strong. Sign-ups are
# ~50 a second, so the ~150 ms a commit costs is fine (objective "accounts").
data "usernames" {
  owner          = service.accounts
  product        = "gcp.spanner"
  size           = "200GB"
  write_rate     = 50
  read_rate      = 20000
  uniqueness     = "global"
  realtime       = true
  loss_tolerance = "none"
}

# MEDIA: petabytes of immutable objects, uploaded to the uploader's home
# region and copied to the others in the background. Read 75 times as often
# as written, so it lands in the reference class: local copies, and a read
# from the origin region when a fresh upload has not arrived yet.
data "media" {
  owner           = service.media
  product         = "gcp.gcs"
  size            = "3PiB"
  write_rate      = 2000
  read_rate       = 150000
  loss_tolerance  = "12h"
  backup_interval = "7d"
}

# The in-app notification inbox is rebuilt from likes, follows and posts
# when lost: push notifications are a courtesy, not a record.
data "notification-inbox" {
  owner       = service.push
  product     = "gcp.firestore"
  size        = "5TB"
  regenerable = true
}
