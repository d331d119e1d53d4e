import * as ec2 from 'aws-cdk-lib/aws-ec2';

/** How a PRIVATE REST API is reached: through given interface VPC endpoints, or one created in a VPC. */
export interface PrivateEndpointOptions {
  /**
   * Existing interface VPC endpoints for `execute-api` through which the API may be called.
   * @default - an endpoint is created in `vpc`
   */
  readonly vpcEndpoints?: ec2.IInterfaceVpcEndpoint[];
  /**
   * The VPC to create an `execute-api` interface endpoint in (private DNS on; its security group admits HTTPS from
   * the VPC's CIDR range only).
   * @default - `vpcEndpoints` must be given
   */
  readonly vpc?: ec2.IVpc;
  /**
   * The subnets of the created endpoint.
   * @default - the VPC's private subnets, one per availability zone
   */
  readonly subnets?: ec2.SubnetSelection;
}
