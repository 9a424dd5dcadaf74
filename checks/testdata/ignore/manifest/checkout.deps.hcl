# Ignores work in manifests too, on the dependency blocks.
service = "checkout"

dependency "payments" { kind = "service" }
dependency "tax" { kind = "third-party" }

# mrplan-ignore: MR103 until=2026-12-31 -- being added to the module in the next release
dependency "fraud-api" { kind = "third-party" }

# want below: unused-ignore
# mrplan-ignore: MR101 -- geo-ip is in the module with every region now
dependency "geo-ip" { # want: MR103
  kind = "third-party"
}
