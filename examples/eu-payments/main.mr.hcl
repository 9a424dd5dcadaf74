# A European payments company: cardholder and customer data may not leave
# the EU, a US support desk and a global fraud model read it, and each
# region is sized so that the other can carry all of the traffic alone.
mrplan {
  required_version = ">= 0.1"
}

provider "aws" {}

region "eu-west-1" {
  capacity = 4500 # rps each service can take here; a lost zone leaves two thirds, 3000
}
region "eu-central-1" {
  capacity = 4500
}
region "us-east-1" {}

audience "western-europe" {
  share = 0.5
  near  = region.eu-west-1
}
audience "central-europe" {
  share = 0.35
  near  = region.eu-central-1
}
audience "americas" {
  share = 0.15
  near  = region.us-east-1
}

objective "payments" {
  rpo          = "5s"
  rto          = "5m"
  availability = "99.99%"
}
