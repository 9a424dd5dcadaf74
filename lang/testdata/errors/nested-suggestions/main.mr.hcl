# An unexpected argument or block in any block, nested or not, gets the
# closest name it may have meant, even when that is more than two edits
# away (as HCL's own suggestion requires).
mrplan {
  check "MR102" {
    severities = "error" # error: Unsupported argument
  }
}

provider "aws" {}

region "us-east-1" {}

service "ledger" {
  regions       = [region.us-east-1]
  rpo           = "1m"
  rto           = "5m"
  compensations = "credit" # error: Unsupported argument
  traffic {
    rps         = 100
    reads_ratio = 0.9 # error: Unsupported argument
  }
  routing {
    health_checking = true # error: Unsupported argument
  }
  observability {
    replication_lag_alarms = true # error: Unsupported argument
  }
  observabilities { # error: Unsupported block type
  }
}
