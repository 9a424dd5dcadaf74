# A failover that needs a control plane with no home region: Google
# Cloud's global resources (Cloud DNS, the global load balancer, Identity
# Platform) and Microsoft Entra ID are served, and changed, from several
# regions, so losing any one region does not block a change the failover
# makes. MR105 is about a control plane that lives in one region; these
# get no finding.
provider "gcp" {}
provider "azure" {}

region "us-east1" { provider = "gcp" }
region "us-west1" { provider = "gcp" }
region "westeurope" { provider = "azure" }
region "northeurope" { provider = "azure" }

service "storefront" {
  criticality    = "core"
  rpo            = "1m"
  rto            = "5m"
  regions        = [region.us-east1, region.us-west1]
  depends_on     = [dependency.dns, dependency.sign-in]
  compensation   = "Clients retry."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "10s"
  }
}

service "portal" {
  criticality    = "core"
  rpo            = "1m"
  rto            = "5m"
  regions        = [region.westeurope, region.northeurope]
  depends_on     = [dependency.entra]
  compensation   = "Clients retry."
  failover_drill = "2026-11-20"
  routing {
    dns_ttl = "10s"
  }
}

dependency "dns" {
  kind    = "dns"
  product = "gcp.cloud-dns"
}

dependency "sign-in" {
  kind    = "identity"
  product = "gcp.identity-platform"
}

dependency "entra" {
  kind    = "identity"
  product = "azure.entra-id"
}
