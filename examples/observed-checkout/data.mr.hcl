# Orders live in a DynamoDB global table, one replica in each region.
data "orders" {
  owner          = service.checkout
  product        = "aws.dynamodb"
  size           = "200GB"
  write_rate     = 300
  read_rate      = 2000
  loss_tolerance = "5s"
  observe {
    terraform = ["aws_dynamodb_table.orders"]
  }
}
