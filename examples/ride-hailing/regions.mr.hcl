# Two serving cities and one tie-breaker.

region "cn-hangzhou" {
  provider = "alicloud"
  # The home city: headquarters, most drivers, and the primary for writes
  # that must have a single writer.
}

region "cn-shanghai" {
  provider = "alicloud"
}

# Zhangjiakou (Hebei, ~1,100 km north) serves no traffic. It only votes: with
# two serving cities, a network cut between them looks exactly like the other
# city dying, and both would promote themselves. A third voter gives a
# quorum, so only the side that can still see a majority takes over
# (the seed's split-brain prevention: quorum plus fencing).
region "cn-zhangjiakou" {
  provider = "alicloud"
}

# Riders are where the cars are. The planner routes each city's riders to
# their own city first.
audience "hangzhou-riders" {
  share = 0.45
  near  = region.cn-hangzhou
}

audience "shanghai-riders" {
  share = 0.55
  near  = region.cn-shanghai
}
