provider "aws" {}
provider "gcp" {}
