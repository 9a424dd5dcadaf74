# bank-ledger: the core ledger of a European retail bank, on Azure.
#
# The seed's verdict on ledgers is "active-passive or single-writer": a bank
# prefers being down for minutes to booking one transfer twice or losing it.
# So this module is the opposite of social-feed: one writer, synchronous
# replication to a second country, and a person who decides to fail over.
#
# It is meant to pass `mrplan validate` with no errors.

mrplan {
  required_version = ">= 0.1, < 2.0"

  # The bank's change board reads plans as pull-request comments; keep
  # tier-inversion findings errors here, because a tier 0 payment flow that
  # calls a tier 1 service is exactly what the regulator asks about.
  check "MR102" {
    severity = "error"
  }

  # Failover drills are quarterly (DORA testing programme); 90 days is the
  # default staleness limit and matches, so it is stated only as a reminder.
  check "MR501" {
    enabled  = true
    severity = "warning"
  }

  assumptions {
    # The incident runbook gives the duty manager 10 minutes to decide on a
    # regional failover, and it is practised every quarter. The default
    # (30 minutes) is for teams without such a rule.
    manual_decision_time = "10m"

    # Backups restore from Azure Backup vaults at about 1 TB an hour.
    restore_throughput = "1TB"
  }
}

provider "azure" {}

# The ledger database is PostgreSQL the bank runs itself on Azure VMs:
# Azure's managed databases replicate across regions asynchronously only,
# and this ledger must not lose a single committed entry.
provider "generic" {}
